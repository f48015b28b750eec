import { describe, expect, it } from 'vitest';
import type { ListingKey } from '@/lib/db';
import { SLOW_REFRESH_MS, planFollowUps, previousWeekday, type StoredListing } from '@/lib/sync-plan';

const NOW = Date.parse('2026-11-26T12:00:00Z'); // a Thursday
const fresh = { fetchedAt: NOW - 60_000, size: 20 };
const stale = { fetchedAt: NOW - SLOW_REFRESH_MS, size: 20 };
const listings = (entries: [ListingKey, StoredListing][]) => new Map(entries);

describe('previousWeekday', () => {
  it.each([
    ['2026-11-26', '2026-11-25'], // Thu → Wed
    ['2026-11-23', '2026-11-20'], // Mon → Fri
    ['2026-11-22', '2026-11-20'], // Sun → Fri
    ['2026-03-01', '2026-02-27'], // across a month
  ])('before %s is %s', (day, expected) => {
    expect(previousWeekday(day)).toBe(expected);
  });
});

describe('planFollowUps', () => {
  const base = { today: '2026-11-26', now: NOW, force: false };

  it('costs nothing more than today when the slow lists are fresh', () => {
    const stored = listings([['day:2026-11-25', fresh], ['trending', fresh]]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: stored })).toEqual([]);
  });

  it('refreshes the previous listing day and trending when they are stale', () => {
    const stored = listings([['day:2026-11-25', stale], ['trending', stale]]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: stored })).toEqual([
      { kind: 'day', day: '2026-11-25' },
      { kind: 'trending' },
    ]);
  });

  it('picks the previous weekday when nothing earlier is stored', () => {
    expect(planFollowUps({ ...base, today: '2026-11-23', todayHasPapers: true, listings: listings([]) })).toEqual([
      { kind: 'day', day: '2026-11-20' },
      { kind: 'trending' },
    ]);
  });

  it('fetches the latest listing day when the store is empty and today has nothing', () => {
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: listings([]) })).toEqual([
      { kind: 'latest' },
      { kind: 'trending' },
    ]);
  });

  it('refreshes the latest day on the slow cadence while today is still empty', () => {
    const withFresh = listings([['day:2026-11-25', fresh], ['day:2026-11-26', { fetchedAt: NOW, size: 0 }], ['trending', fresh]]);
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: withFresh })).toEqual([]);
    const withStale = listings([['day:2026-11-25', stale], ['trending', fresh]]);
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: withStale })).toEqual([{ kind: 'latest' }]);
  });

  it('does not refresh a day that has settled (more than two weeks old)', () => {
    const old = listings([['day:2026-11-01', stale], ['trending', fresh]]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: old })).toEqual([]);
  });

  it('refreshes everything when the user asks', () => {
    const stored = listings([['day:2026-11-25', fresh], ['trending', fresh]]);
    expect(planFollowUps({ ...base, force: true, todayHasPapers: true, listings: stored })).toEqual([
      { kind: 'day', day: '2026-11-25' },
      { kind: 'trending' },
    ]);
  });
});
