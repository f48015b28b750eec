// Listing days are UTC calendar days (HF lists papers at midnight UTC), written `YYYY-MM-DD`.

import { formatDate } from './intl';
import { currentLocale } from './locale';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The listing day an ISO timestamp falls on, or undefined when it is not a date. */
export function dayOfIso(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : utcDay(time);
}

export function addDays(day: string, delta: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS);
}

// ISO weeks (`YYYY-Www`) and months (`YYYY-MM`), as the source's `week=` and `month=` take them.
// Functions that answer one value throw a RangeError on malformed input; those that answer a
// list answer [] instead.

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const WEEK_MS = 7 * DAY_MS;

function dayTime(day: string): number {
  if (!isDay(day)) throw new RangeError(`Not a day (YYYY-MM-DD): ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** Monday 0 … Sunday 6. */
function weekdayIndex(time: number): number {
  return (new Date(time).getUTCDay() + 6) % 7;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

/** Monday of ISO week 1 of `year`: the week holding 4 January. */
function isoYearStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const date = new Date(jan4);
  date.setUTCFullYear(year); // Date.UTC maps years 0..99 to 1900..1999
  return date.getTime() - weekdayIndex(date.getTime()) * DAY_MS;
}

function isoWeekParts(time: number): { year: number; week: number } {
  // The ISO year of a day is the calendar year of the Thursday of its week.
  const thursday = time - weekdayIndex(time) * DAY_MS + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - isoYearStart(year)) / WEEK_MS) + 1 };
}

/** 52 or 53: the ISO week of 28 December is always the year's last. */
export function isoWeeksInYear(year: number): number {
  const dec28 = new Date(Date.UTC(2000, 11, 28));
  dec28.setUTCFullYear(year);
  return isoWeekParts(dec28.getTime()).week;
}

/** The ISO 8601 week a day falls in: '2026-11-26' → '2026-W48', '2027-01-01' → '2026-W53'. */
export function isoWeekOf(day: string): string {
  const { year, week } = isoWeekParts(dayTime(day));
  return `${pad4(year)}-W${pad2(week)}`;
}

export function isIsoWeek(value: string): boolean {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= isoWeeksInYear(Number(match[1]));
}

function weekStart(week: string): number {
  const match = WEEK_PATTERN.exec(week);
  if (!match || !isIsoWeek(week)) throw new RangeError(`Not an ISO week (YYYY-Www): ${week}`);
  return isoYearStart(Number(match[1])) + (Number(match[2]) - 1) * WEEK_MS;
}

/** The seven days of an ISO week, Monday to Sunday; [] when `week` is malformed. */
export function daysOfIsoWeek(week: string): string[] {
  if (!isIsoWeek(week)) return [];
  const monday = weekStart(week);
  return Array.from({ length: 7 }, (_, index) => utcDay(monday + index * DAY_MS));
}

export function addWeeks(week: string, delta: number): string {
  return isoWeekOf(utcDay(weekStart(week) + delta * WEEK_MS));
}

export function isMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

/** '2026-11-26' → '2026-11'. */
export function monthOf(day: string): string {
  dayTime(day);
  return day.slice(0, 7);
}

/** Every day of a month, in order; [] when `month` is malformed. */
export function daysOfMonth(month: string): string[] {
  if (!isMonth(month)) return [];
  const days: string[] = [];
  for (let day = 1; day <= 31; day += 1) {
    const candidate = `${month}-${pad2(day)}`;
    if (!isDay(candidate)) break;
    days.push(candidate);
  }
  return days;
}

export function addMonths(month: string, delta: number): string {
  if (!isMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${pad4(year)}-${pad2(index - year * 12 + 1)}`;
}

/** Saturday or Sunday, as a UTC listing day (HF lists little or nothing then). */
export function isWeekend(day: string): boolean {
  return weekdayIndex(dayTime(day)) >= 5;
}

/** The day itself on a weekday, else the Friday before it. */
export function lastWeekdayOnOrBefore(day: string): string {
  const index = weekdayIndex(dayTime(day));
  return index >= 5 ? addDays(day, 4 - index) : day;
}

// Times shown to people (when a paper was published on arXiv or listed on HF) are in the user's
// time zone and the chosen locale, unlike listing days, which stay UTC: a paper listed
// 2026-11-26T00:00Z is on the 2026-11-26 listing but was listed on 25 Nov in Los Angeles.
// `locale` and `timeZone` are for tests. Formatters are cached (lib/core/intl.ts): this runs per card.

const LOCAL_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const UTC_DATE: Intl.DateTimeFormatOptions = { ...LOCAL_DATE, timeZone: 'UTC' };

/** An ISO time's local calendar date, e.g. "Nov 25, 2026" (en-US), "2026年11月25日" (zh-CN); the input itself when unparseable. */
export function localDate(iso: string, locale: string = currentLocale().tag, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const options = timeZone === undefined ? LOCAL_DATE : timeZone === 'UTC' ? UTC_DATE : { ...LOCAL_DATE, timeZone };
  return formatDate(locale, options, time);
}
