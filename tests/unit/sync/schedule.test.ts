import { describe, expect, it } from 'vitest';
import { firstPollDelayMinutes, isLateAlarm, isPollChoice, nextPollDelayMinutes, quietFactor, stretchedMinutes } from '@/lib/sync/schedule';

const at = (iso: string) => Date.parse(iso);
const THURSDAY_NOON = at('2026-11-26T12:00:00Z');
const SATURDAY_NOON = at('2026-11-28T12:00:00Z');

describe('quietFactor', () => {
  it.each([
    ['2026-11-26T12:00:00Z', 1], // Thursday daytime
    ['2026-11-26T21:59:59Z', 1],
    ['2026-11-26T22:00:00Z', 2], // night UTC begins
    ['2026-11-26T23:30:00Z', 3],
    ['2026-11-27T00:00:00Z', 3],
    ['2026-11-27T02:59:00Z', 3],
    ['2026-11-27T03:00:00Z', 2.5], // and ramps back up to the day's pace
    ['2026-11-27T04:00:00Z', 2],
    ['2026-11-27T05:00:00Z', 1.5],
    ['2026-11-27T06:00:00Z', 1.25],
    ['2026-11-27T07:00:00Z', 1],
    ['2026-11-28T00:00:00Z', 4], // Saturday: nothing is listed
    ['2026-11-29T23:59:00Z', 4], // Sunday
    ['2026-11-30T00:00:00Z', 3], // Monday night
  ])('at %s polls %f times slower', (iso, factor) => {
    expect(quietFactor(at(iso))).toBe(factor);
  });
});

describe('stretchedMinutes', () => {
  it.each([
    ['within a weekday', '2026-11-26T12:00:00Z', 1, 30, 30],
    ['into the night: 10 min at pace 1, then 20 at pace 2', '2026-11-26T21:50:00Z', 1, 30, 50],
    ['out of the night: 10 min at 3, an hour at 2.5, the rest at 2', '2026-11-27T02:50:00Z', 1, 30, 10 + 60 + (30 - 10 / 3 - 60 / 2.5) * 2],
    ['at a weekend', '2026-11-28T10:00:00Z', 1, 30, 120],
    ['into the weekend: 30 min at 3, then 20 at 4', '2026-11-27T23:30:00Z', 1, 30, 110],
    ['half a period', '2026-11-26T12:00:00Z', 0.5, 30, 15],
    ['three periods', '2026-11-26T12:00:00Z', 3, 30, 90],
    ['nothing', '2026-11-26T12:00:00Z', 0, 30, 0],
  ])('%s', (_, iso, periods, period, minutes) => {
    expect(stretchedMinutes(at(iso), periods, period)).toBeCloseTo(minutes, 6);
  });
});

describe('poll schedule', () => {
  it.each([
    [30, 0, THURSDAY_NOON, 1], // at least a minute away
    [30, 1, THURSDAY_NOON, 30],
    [15, 0.5, THURSDAY_NOON, 7.5],
    [120, 1, THURSDAY_NOON, 120],
    [30, 0.5, SATURDAY_NOON, 60], // the weekend stretches the first period too
  ])('first poll with a %i-minute period and random %f at %i is after %f minutes', (period, random, now, minutes) => {
    expect(firstPollDelayMinutes(period, () => random, now)).toBeCloseTo(minutes, 10);
  });

  it.each([
    [30, 0, 1, THURSDAY_NOON, 25.5],
    [30, 0.5, 1, THURSDAY_NOON, 30],
    [30, 1, 1, THURSDAY_NOON, 34.5],
    [15, 0, 1, THURSDAY_NOON, 12.75],
    [120, 1, 1, THURSDAY_NOON, 138],
    [30, 0.5, 3, THURSDAY_NOON, 90], // a sync that sent 3 requests waits 3 periods
    [30, 0.5, 0, THURSDAY_NOON, 30], // one that sent none (held back) waits one
    [30, 0.5, 4, THURSDAY_NOON, 120],
    [30, 0.5, 200, THURSDAY_NOON, 120], // a source that kept sending full pages: no more than four periods
    [30, 0.5, Number.NaN, THURSDAY_NOON, 30],
    [30, 0.5, 1, SATURDAY_NOON, 120],
  ])('next poll with a %i-minute period, random %f and %i requests sent is after %f minutes', (period, random, requests, now, minutes) => {
    expect(nextPollDelayMinutes(period, () => random, now, requests)).toBeCloseTo(minutes, 10);
  });

  it.each([
    [0, false],
    [60_000, false],
    [120_000, false],
    [120_001, true], // the browser was closed or asleep when it came due
    [8 * 3_600_000, true],
  ])('an alarm fired %i ms after its time is late: %s', (lateness, late) => {
    expect(isLateAlarm(THURSDAY_NOON, THURSDAY_NOON + lateness)).toBe(late);
  });

  it.each([
    [15, true],
    [30, true],
    [0, true],
    [5, false],
    ['30', false],
  ])('%j is a poll choice: %s', (value, expected) => {
    expect(isPollChoice(value)).toBe(expected);
  });
});
