import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWeeks,
  dayOfIso,
  daysOfIsoWeek,
  daysOfMonth,
  isIsoWeek,
  isMonth,
  isoWeekOf,
  isoWeeksInYear,
  isWeekend,
  lastWeekdayOnOrBefore,
  localDate,
  monthOf,
} from '@/lib/core/dates';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-26', '2026-W48'],
    ['2026-11-23', '2026-W48'], // Monday
    ['2026-11-29', '2026-W48'], // Sunday
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2025-12-29', '2026-W01'], // Monday of 2026-W01, still in 2025
    ['2025-12-28', '2025-W52'],
    ['2026-12-31', '2026-W53'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2020-12-31', '2020-W53'], // leap year starting on a Wednesday: 53 weeks
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2010-01-03', '2009-W53'],
    ['2008-12-29', '2009-W01'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
    expect(daysOfIsoWeek(week)).toContain(day);
  });

  it.each([
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2025, 52],
    [2026, 53],
    [2032, 53],
    [2037, 53],
  ])('%i has %i ISO weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    ['2026-W48', ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']],
    ['2026-W01', ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']],
    ['2026-W53', ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
    ['2025-W01', ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']],
  ])('%s runs Monday to Sunday', (week, days) => {
    expect(daysOfIsoWeek(week)).toEqual(days);
    expect(isIsoWeek(week)).toBe(true);
  });

  it.each(['2026-W00', '2026-W54', '2025-W53', '2021-W53', '2026-w48', '2026-48', '2026-W4', 'W48', ''])('rejects %j', (week) => {
    expect(isIsoWeek(week)).toBe(false);
    expect(daysOfIsoWeek(week)).toEqual([]);
    expect(() => addWeeks(week, 1)).toThrow(RangeError);
  });

  it.each([
    ['2026-W48', 1, '2026-W49'],
    ['2026-W52', 1, '2026-W53'],
    ['2026-W52', 2, '2027-W01'],
    ['2027-W01', -1, '2026-W53'],
    ['2025-W52', 1, '2026-W01'],
    ['2026-W01', -1, '2025-W52'],
    ['2026-W48', 0, '2026-W48'],
    ['2026-W48', -52, '2025-W48'],
  ])('%s %+i weeks is %s', (week, delta, expected) => {
    expect(addWeeks(week, delta)).toBe(expected);
  });

  it('throws on a malformed day', () => {
    expect(() => isoWeekOf('2026-13-01')).toThrow(RangeError);
    expect(() => isoWeekOf('2026-02-30')).toThrow(RangeError);
    expect(() => isoWeekOf('yesterday')).toThrow(RangeError);
  });
});

describe('months', () => {
  it.each([
    ['2026-11-26', '2026-11'],
    ['2027-01-01', '2027-01'],
    ['2024-02-29', '2024-02'],
  ])('%s is in %s', (day, month) => {
    expect(monthOf(day)).toBe(month);
  });

  it.each([
    ['2026-11', 30, '2026-11-30'],
    ['2026-12', 31, '2026-12-31'],
    ['2026-02', 28, '2026-02-28'],
    ['2024-02', 29, '2024-02-29'],
    ['2000-02', 29, '2000-02-29'],
    ['2100-02', 28, '2100-02-28'],
  ])('%s has %i days, the last %s', (month, length, last) => {
    const days = daysOfMonth(month);
    expect(days).toHaveLength(length);
    expect(days[0]).toBe(`${month}-01`);
    expect(days[days.length - 1]).toBe(last);
    expect(isMonth(month)).toBe(true);
  });

  it.each(['2026-13', '2026-00', '2026-1', '2026-11-01', '26-11', ''])('rejects %j', (month) => {
    expect(isMonth(month)).toBe(false);
    expect(daysOfMonth(month)).toEqual([]);
    expect(() => addMonths(month, 1)).toThrow(RangeError);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-11', 2, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -15, '2024-12'],
    ['2026-11', 12, '2027-11'],
    ['2026-11', 0, '2026-11'],
  ])('%s %+i months is %s', (month, delta, expected) => {
    expect(addMonths(month, delta)).toBe(expected);
  });

  it('throws on a malformed day', () => {
    expect(() => monthOf('2026-11')).toThrow(RangeError);
  });
});

describe('weekends', () => {
  it.each([
    ['2026-11-26', false, '2026-11-26'], // Thursday
    ['2026-11-27', false, '2026-11-27'], // Friday
    ['2026-11-28', true, '2026-11-27'], // Saturday
    ['2026-11-29', true, '2026-11-27'], // Sunday
    ['2026-11-30', false, '2026-11-30'], // Monday
    ['2027-01-02', true, '2027-01-01'], // across a year
    ['2026-03-01', true, '2026-02-27'], // across a month
  ])('%s: weekend %s, last weekday %s', (day, weekend, weekday) => {
    expect(isWeekend(day)).toBe(weekend);
    expect(lastWeekdayOnOrBefore(day)).toBe(weekday);
  });
});

describe('local dates of ISO times', () => {
  // Listing days stay UTC; dates shown to people are in their own time zone.
  it.each([
    ['2026-11-26T00:00:00Z', 'America/Los_Angeles', 'Nov 25, 2026', '2026-11-26'],
    ['2026-11-26T00:00:00Z', 'UTC', 'Nov 26, 2026', '2026-11-26'],
    ['2026-11-26T00:00:00Z', 'Asia/Tokyo', 'Nov 26, 2026', '2026-11-26'],
    ['2026-11-26T20:00:00Z', 'Asia/Tokyo', 'Nov 27, 2026', '2026-11-26'],
    ['2026-11-26T07:59:00Z', 'America/Los_Angeles', 'Nov 25, 2026', '2026-11-26'],
    ['2026-11-26T08:00:00Z', 'America/Los_Angeles', 'Nov 26, 2026', '2026-11-26'],
    ['2027-01-01T03:00:00Z', 'America/New_York', 'Dec 31, 2026', '2027-01-01'],
  ])('%s in %s is %s locally, listed on %s', (iso, timeZone, local, listingDay) => {
    expect(localDate(iso, 'en-US', timeZone)).toBe(local);
    expect(dayOfIso(iso)).toBe(listingDay);
  });

  it('formats the local date in any locale', () => {
    const iso = '2026-11-26T00:00:00Z';
    expect(localDate(iso, 'en-GB', 'America/Los_Angeles')).toBe('25 Nov 2026');
    expect(localDate(iso, 'de-DE', 'America/Los_Angeles')).toBe('25. Nov. 2026');
    // Without a locale, the user's: whatever its format, the date is the local one.
    expect(localDate(iso, undefined, 'America/Los_Angeles')).toBe(localDate('2026-11-25T12:00:00Z', undefined, 'UTC'));
    expect(localDate(iso, undefined, 'America/Los_Angeles')).not.toBe(localDate('2026-11-26T12:00:00Z', undefined, 'UTC'));
  });

  it('gives back what it cannot parse', () => {
    expect(localDate('not a date', 'en-GB', 'UTC')).toBe('not a date');
    expect(localDate('', 'en-GB', 'UTC')).toBe('');
  });
});
