// The world the simulated installs live in: who runs a browser when, and what the source lists.
// Assumptions, not measurements; BENCHMARKS.md ("Load on the source") states them.

import { utcDay } from '../../lib/core/dates';
import { mulberry32 } from '../../tests/support/generate-papers.mjs';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A small fast seeded PRNG, so a run is repeatable (the one the paper generator uses). */
export const seeded: (seed: number) => () => number = mulberry32;

/** Standard normal (Box–Muller). */
function normal(random: () => number): number {
  const u = Math.max(1e-12, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/**
 * Where the installs are: UTC offsets (hours, as in early December) and a guess at Hugging
 * Face's audience. Mainland China reaches the Hub through mirrors, but its requests are counted.
 */
const TIME_ZONES: readonly { name: string; offset: number; share: number }[] = [
  { name: 'America/Los_Angeles', offset: -8, share: 0.12 },
  { name: 'America/New_York', offset: -5, share: 0.15 },
  { name: 'America/Sao_Paulo', offset: -3, share: 0.03 },
  { name: 'Europe/London', offset: 0, share: 0.07 },
  { name: 'Europe/Berlin', offset: 1, share: 0.15 },
  { name: 'Europe/Moscow', offset: 3, share: 0.03 },
  { name: 'Asia/Kolkata', offset: 5.5, share: 0.1 },
  { name: 'Asia/Shanghai', offset: 8, share: 0.2 },
  { name: 'Asia/Singapore', offset: 8, share: 0.03 },
  { name: 'Asia/Seoul', offset: 9, share: 0.1 },
  { name: 'Australia/Sydney', offset: 11, share: 0.02 },
];

export interface Person {
  offsetHours: number;
  /** Office workers switch on at about the same minute every day: the sharp part of the morning burst. */
  office: boolean;
  /** Usual start, hours after local midnight. */
  habit: number;
  /** Usual hours the browser stays up on a working day. */
  hours: number;
}

export function person(random: () => number): Person {
  let pick = random();
  let zone = TIME_ZONES[TIME_ZONES.length - 1]!;
  for (const candidate of TIME_ZONES) {
    if (pick < candidate.share) {
      zone = candidate;
      break;
    }
    pick -= candidate.share;
  }
  const office = random() < 0.35;
  const habit = office ? 8.83 + normal(random) * (8 / 60) : clamp(9.25 + normal(random) * 1.25, 6, 13);
  const hours = clamp(8 + normal(random) * 1.5, 3, 12);
  return { offsetHours: zone.offset, office, habit, hours };
}

export interface Session {
  start: number;
  end: number;
}

/**
 * The browser's sessions over [from, to): one a working day (about 8 hours, starting in the
 * local morning); on a weekend only half the people open it, later and for less time.
 */
export function sessions(who: Person, from: number, to: number, random: () => number): Session[] {
  const out: Session[] = [];
  // Local days that can overlap the window.
  const offset = who.offsetHours * HOUR;
  const firstMidnight = Math.floor((from + offset) / DAY) * DAY - offset - DAY;
  for (let localMidnight = firstMidnight; localMidnight < to; localMidnight += DAY) {
    const weekday = new Date(localMidnight + offset + 12 * HOUR).getUTCDay(); // local day of week
    const weekend = weekday === 0 || weekday === 6;
    let startH: number;
    let hours: number;
    if (weekend) {
      if (random() < 0.5) continue;
      startH = clamp(who.habit + 2 + normal(random) * 1.5, 6, 20);
      hours = clamp(who.hours / 2 + normal(random), 1, 10);
    } else {
      startH = who.habit + normal(random) * (who.office ? 5 / 60 : 0.4);
      hours = clamp(who.hours + normal(random) * 0.5, 1, 14);
    }
    const start = localMidnight + startH * HOUR;
    const end = start + hours * HOUR;
    if (end > from && start < to) out.push({ start: Math.max(start, from), end: Math.min(end, to) });
  }
  return out;
}

/** Is `time` a Saturday or Sunday in UTC (HF lists nothing then)? */
function isUtcWeekend(time: number): boolean {
  const day = new Date(time).getUTCDay();
  return day === 0 || day === 6;
}

/** The number of papers a listing day ends up with: 50–120 on weekdays, none on weekends. */
function finalSize(day: string): number {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (isUtcWeekend(time)) return 0;
  return 50 + Math.floor(seeded(time / DAY)() * 71);
}

/**
 * The size of a day's listing at `time`: empty at midnight UTC, 85 % by the end of its day,
 * the rest trickling in over the next five days ("a day's list keeps growing").
 */
export function sizeAt(day: string, time: number): number {
  const hours = (time - Date.parse(`${day}T00:00:00Z`)) / HOUR;
  if (hours < 0) return 0;
  const grown = 0.85 * clamp(hours / 24, 0, 1) + 0.15 * clamp((hours - 24) / 120, 0, 1);
  return Math.round(finalSize(day) * grown);
}

/** The latest listing day with papers at `time` (what the API answers without `date`). */
export function latestListedDay(time: number): string {
  for (let back = 0; back < 10; back += 1) {
    const day = utcDay(time - back * DAY);
    if (sizeAt(day, time) > 0) return day;
  }
  return utcDay(time);
}
