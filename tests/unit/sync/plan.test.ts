import { describe, expect, it } from 'vitest';
import type { ListingKey } from '@/lib/store/records';
import { FOLLOW_UP_REFRESH_MS, isFollowUpDue, listingRequests, planFollowUps, previousWeekday, type StoredListing } from '@/lib/sync/plan';
import { fetchListing } from '@/lib/source/client';

const NOW = Date.parse('2026-11-26T12:00:00Z'); // a Thursday
const fresh = { fetchedAt: NOW - 60_000, size: 20 };
const stale = { fetchedAt: NOW - FOLLOW_UP_REFRESH_MS - 60 * 60_000, size: 20 }; // 05:00, before the ramp out of the night
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
    const stored = listings([
      ['day:2026-11-25', fresh],
      ['trending', fresh],
    ]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: stored })).toEqual([]);
  });

  it('refreshes one stale list per scheduled sync: the previous listing day, then trending', () => {
    const stored = listings([
      ['day:2026-11-25', stale],
      ['trending', stale],
    ]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: stored })).toEqual([{ kind: 'day', day: '2026-11-25' }]);
    stored.set('day:2026-11-25', { fetchedAt: NOW, size: 20 });
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: stored })).toEqual([{ kind: 'trending' }]);
  });

  it('picks the previous weekday when nothing earlier is stored', () => {
    expect(planFollowUps({ ...base, today: '2026-11-23', todayHasPapers: true, listings: listings([]) })).toEqual([{ kind: 'day', day: '2026-11-20' }]);
  });

  it('fetches the latest listing day when the store is empty and today has nothing', () => {
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: listings([]) })).toEqual([{ kind: 'latest' }]);
    expect(planFollowUps({ ...base, force: true, todayHasPapers: false, listings: listings([]) })).toEqual([{ kind: 'latest' }, { kind: 'trending' }]);
  });

  it('refreshes the latest day on the slow cadence while today is still empty', () => {
    const withFresh = listings([
      ['day:2026-11-25', fresh],
      ['day:2026-11-26', { fetchedAt: NOW, size: 0 }],
      ['trending', fresh],
    ]);
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: withFresh })).toEqual([]);
    const withStale = listings([
      ['day:2026-11-25', stale],
      ['trending', fresh],
    ]);
    expect(planFollowUps({ ...base, todayHasPapers: false, listings: withStale })).toEqual([{ kind: 'latest' }]);
  });

  it('does not refresh a day that has settled (more than two weeks old)', () => {
    const old = listings([
      ['day:2026-11-01', stale],
      ['trending', fresh],
    ]);
    expect(planFollowUps({ ...base, todayHasPapers: true, listings: old })).toEqual([]);
  });

  it('refreshes everything when the user asks', () => {
    const stored = listings([
      ['day:2026-11-25', fresh],
      ['trending', fresh],
    ]);
    expect(planFollowUps({ ...base, force: true, todayHasPapers: true, listings: stored })).toEqual([{ kind: 'day', day: '2026-11-25' }, { kind: 'trending' }]);
  });
});

describe('isFollowUpDue', () => {
  // Six hours by day on weekdays, stretched like the poll at night UTC and at weekends.
  it.each([
    ['2026-11-26T09:00:00Z', '2026-11-26T15:00:00Z', true],
    ['2026-11-26T09:00:00Z', '2026-11-26T14:59:00Z', false],
    ['2026-11-26T20:00:00Z', '2026-11-27T02:00:00Z', false], // the night slows it down
    ['2026-11-26T20:00:00Z', '2026-11-27T08:00:00Z', true],
    ['2026-11-28T10:00:00Z', '2026-11-28T16:00:00Z', false], // Saturday: four times slower
    ['2026-11-28T10:00:00Z', '2026-11-29T10:00:00Z', true],
  ])('fetched at %s, due at %s: %s', (fetched, now, due) => {
    expect(isFollowUpDue(Date.parse(fetched), Date.parse(now))).toBe(due);
  });
});

describe('listingRequests', () => {
  /** A source that answers `size` entries, page by page, and counts what it was asked. */
  const pagedSource = (size: number) => {
    let requests = 0;
    const fetch = async (input: RequestInfo | URL) => {
      requests += 1;
      const url = new URL(String(input));
      const limit = Number(url.searchParams.get('limit'));
      const page = Number(url.searchParams.get('p'));
      const count = Math.max(0, Math.min(limit, size - page * limit));
      // Each entry a paper of its own: a page that brings nothing new ends the paging.
      const entries = Array.from({ length: count }, (_, i) => ({
        paper: { id: `2611.${String(page * limit + i).padStart(5, '0')}`, title: `Paper ${page * limit + i}` },
      }));
      return new Response(JSON.stringify(entries));
    };
    return { fetch: fetch as typeof globalThis.fetch, requests: () => requests };
  };

  // The simulation counts with listingRequests; it must match what fetchListing really sends.
  it.each([
    [0, 100, undefined, 1],
    [40, 100, undefined, 1],
    [99, 100, undefined, 1],
    [100, 100, undefined, 2], // a full page asks for the next, which is empty
    [120, 100, undefined, 2],
    [250, 100, undefined, 3],
    [50, 50, 1, 1], // trending: one page
    [500, 50, 1, 1],
  ])('a listing of %i entries in pages of %i (at most %s) costs %i requests', async (size, pageSize, maxPages, expected) => {
    expect(listingRequests(size, pageSize, maxPages)).toBe(expected);
    const source = pagedSource(size);
    await fetchListing('https://example.test', { date: '2026-11-26', maxPages }, { fetch: source.fetch, pageSize });
    expect(source.requests()).toBe(expected);
  });
});
