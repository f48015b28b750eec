import { describe, expect, it } from 'vitest';
import { describeFreshness, type Freshness, type FreshnessInput } from '@/lib/reader/freshness';
import type { SyncState } from '@/lib/store/records';

// Thursday 26 Nov 2026, in UTC and en-GB unless a case says otherwise, so that times read "10:32".
const at = (iso: string): number => Date.parse(iso);
const NOW = at('2026-11-26T10:45:00Z');
const FETCHED = at('2026-11-26T10:32:00Z');
const synced: SyncState = { failures: 0, lastAttemptAt: FETCHED, lastSuccessAt: FETCHED };
const never: SyncState = { failures: 0 };

function describeIn(input: Partial<FreshnessInput> & Pick<FreshnessInput, 'view'>): Freshness {
  const view = describeFreshness({ count: 0, sync: synced, now: NOW, timeZone: 'UTC', locale: 'en-GB', ...input });
  // Intl separates ranges and clock times with thin or narrow spaces depending on the ICU version.
  const plain = (text: string): string => text.replace(/\s/g, ' ');
  return {
    title: plain(view.title),
    lines: view.lines.map(plain),
    ...(view.warning === undefined ? {} : { warning: plain(view.warning) }),
  };
}

describe('describeFreshness: views', () => {
  it.each<[string, Partial<FreshnessInput> & Pick<FreshnessInput, 'view'>, string, string[]]>([
    [
      'today with papers',
      { view: 'today', shownDay: '2026-11-26', count: 24, fetchedAt: FETCHED },
      'Today, Thu 26 Nov',
      ['24 papers', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'today with one paper, shown day implied',
      { view: 'today', count: 1, fetchedAt: FETCHED },
      'Today, Thu 26 Nov',
      ['1 paper', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'today early in the UTC morning, falling back to yesterday',
      {
        view: 'today',
        shownDay: '2026-11-25',
        count: 30,
        fetchedAt: at('2026-11-26T02:55:00Z'),
        now: at('2026-11-26T03:00:00Z'),
        sync: { failures: 0, lastSuccessAt: at('2026-11-26T02:55:00Z') },
      },
      'Today, Thu 26 Nov',
      ['Nothing listed yet today — showing Wed 25 Nov', '30 papers', 'Listed Wed 25 Nov — may still grow — updated 02:55', 'Last synced 02:55'],
    ],
    [
      'today on a Saturday, falling back to Friday',
      {
        view: 'today',
        shownDay: '2026-11-27',
        count: 41,
        fetchedAt: at('2026-11-28T09:00:00Z'),
        now: at('2026-11-28T09:10:00Z'),
        sync: { failures: 0, lastSuccessAt: at('2026-11-28T09:00:00Z') },
      },
      'Today, Sat 28 Nov',
      ['No listing on weekends — showing Fri 27 Nov', '41 papers', 'Listed Fri 27 Nov — may still grow — updated 09:00', 'Last synced 09:00'],
    ],
    [
      'today on a Sunday with nothing stored',
      {
        view: 'today',
        count: 0,
        fetchedAt: at('2026-11-29T09:00:00Z'),
        now: at('2026-11-29T09:10:00Z'),
        sync: { failures: 0, lastSuccessAt: at('2026-11-29T09:00:00Z') },
      },
      'Today, Sun 29 Nov',
      ['No listing on weekends', 'Last synced 09:00'],
    ],
    ['today before the first sync', { view: 'today', count: 0, sync: never }, 'Today, Thu 26 Nov', ['Nothing listed yet today', 'Never synced']],
    [
      'a past day within two weeks',
      { view: 'day', requested: '2026-11-24', shownDay: '2026-11-24', count: 18, fetchedAt: FETCHED },
      'Tue, 24 Nov 2026',
      ['18 papers', 'Listed Tue 24 Nov — may still grow — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'a day exactly two weeks ago',
      { view: 'day', requested: '2026-11-12', count: 20, fetchedAt: FETCHED },
      'Thu, 12 Nov 2026',
      ['20 papers', 'Listed Thu 12 Nov — may still grow — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'an old day fetched after it settled',
      { view: 'day', requested: '2026-10-01', count: 22, fetchedAt: at('2026-11-20T08:00:00Z') },
      'Thu, 1 Oct 2026',
      ['22 papers', 'Settled', 'Last synced 10:32'],
    ],
    [
      'an old day fetched while it was still growing',
      { view: 'day', requested: '2026-10-01', count: 13, fetchedAt: at('2026-10-02T08:00:00Z') },
      'Thu, 1 Oct 2026',
      ['13 papers', 'Stored copy from 2 Oct, 08:00 — the listing may have grown after it', 'Last synced 10:32'],
    ],
    [
      'today asked for as a day',
      { view: 'day', requested: '2026-11-26', count: 24, fetchedAt: FETCHED },
      'Thu, 26 Nov 2026',
      ['24 papers', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'an empty weekend day',
      { view: 'day', requested: '2026-11-22', count: 0, fetchedAt: FETCHED },
      'Sun, 22 Nov 2026',
      ['No listing on weekends', 'Last synced 10:32'],
    ],
    [
      'an empty day showing an earlier one',
      { view: 'day', requested: '2026-11-22', shownDay: '2026-11-20', count: 35, fetchedAt: FETCHED },
      'Sun, 22 Nov 2026',
      ['Nothing listed on Sun 22 Nov — showing Fri 20 Nov', '35 papers', 'Listed Fri 20 Nov — may still grow — updated 10:32', 'Last synced 10:32'],
    ],
    ['a future day', { view: 'day', requested: '2026-11-27' }, 'Fri, 27 Nov 2026', ['This day has not been listed yet', 'Last synced 10:32']],
    [
      'an empty weekday not fetched yet',
      { view: 'day', requested: '2026-11-23', count: 0 },
      'Mon, 23 Nov 2026',
      ['No papers', 'Not fetched yet', 'Last synced 10:32'],
    ],
    [
      'the current week',
      { view: 'week', requested: '2026-W48', count: 80, fetchedAt: FETCHED },
      'Week 48, 2026 (23 – 29 Nov)',
      ['80 papers', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'last week',
      { view: 'week', requested: '2026-W47', count: 120, fetchedAt: FETCHED },
      'Week 47, 2026 (16 – 22 Nov)',
      ['120 papers', 'May still grow — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'an old week',
      { view: 'week', requested: '2026-W40', count: 110, fetchedAt: at('2026-11-01T00:00:00Z') },
      'Week 40, 2026 (28 Sept – 4 Oct)',
      ['110 papers', 'Settled', 'Last synced 10:32'],
    ],
    [
      'a week across the new year, not started',
      { view: 'week', requested: '2026-W53' },
      'Week 53, 2026 (28 Dec 2026 – 3 Jan 2027)',
      ['This period has not started yet', 'Last synced 10:32'],
    ],
    [
      'a week view without a valid week: the current one',
      { view: 'week', requested: '2026-W54', count: 80, fetchedAt: FETCHED },
      'Week 48, 2026 (23 – 29 Nov)',
      ['80 papers', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'the current month',
      { view: 'month', requested: '2026-11', count: 400, fetchedAt: FETCHED },
      'November 2026',
      ['400 papers', 'Still filling — updated 10:32', 'Last synced 10:32'],
    ],
    [
      'last month, recently ended',
      { view: 'month', requested: '2026-10', count: 450, fetchedAt: FETCHED },
      'October 2026',
      ['450 papers', 'Settled', 'Last synced 10:32'],
    ],
    [
      'last month, seen from two days after it ended',
      {
        view: 'month',
        requested: '2026-10',
        count: 450,
        fetchedAt: at('2026-11-02T10:00:00Z'),
        now: at('2026-11-02T10:05:00Z'),
        sync: { failures: 0, lastSuccessAt: at('2026-11-02T10:00:00Z') },
      },
      'October 2026',
      ['450 papers', 'May still grow — updated 10:00', 'Last synced 10:00'],
    ],
    ['a future month', { view: 'month', requested: '2027-01' }, 'January 2027', ['This period has not started yet', 'Last synced 10:32']],
    ['trending', { view: 'trending', count: 50, fetchedAt: FETCHED }, 'Trending', ['50 papers', 'Ranking updated 10:32', 'Last synced 10:32']],
    [
      'trending fetched yesterday',
      { view: 'trending', count: 50, fetchedAt: at('2026-11-25T18:20:00Z'), sync: { failures: 0, lastSuccessAt: at('2026-11-25T18:20:00Z') } },
      'Trending',
      ['50 papers', 'Ranking updated 25 Nov, 18:20', 'Last synced 25 Nov, 18:20'],
    ],
    ['trending never fetched', { view: 'trending', sync: never }, 'Trending', ['No papers', 'Not fetched yet', 'Never synced']],
    ['saved papers', { view: 'saved', count: 3 }, 'Saved papers', ['3 papers', 'Last synced 10:32']],
  ])('%s', (_name, input, title, lines) => {
    const view = describeIn(input);
    expect(view.title).toBe(title);
    expect(view.lines).toEqual(lines);
    expect(view.warning).toBeUndefined();
  });
});

describe('describeFreshness: listing days are UTC, clock times local', () => {
  it.each<[string, string, string, string[]]>([
    [
      'Los Angeles in the evening: the UTC day has begun',
      'America/Los_Angeles',
      '2026-11-26T03:00:00Z',
      ['30 papers', 'Still filling — updated 18:55', 'Hugging Face days follow UTC — it is already Thu 26 Nov there', 'Last synced 18:55'],
    ],
    [
      'Tokyo in the morning: the UTC day has not ended',
      'Asia/Tokyo',
      '2026-11-26T20:00:00Z',
      ['30 papers', 'Still filling — updated 04:55', 'Hugging Face days follow UTC — it is still Thu 26 Nov there', 'Last synced 04:55'],
    ],
    ['Berlin at noon: same day', 'Europe/Berlin', '2026-11-26T11:00:00Z', ['30 papers', 'Still filling — updated 11:55', 'Last synced 11:55']],
  ])('%s', (_name, timeZone, now, lines) => {
    const fetchedAt = Date.parse(now) - 5 * 60_000;
    const view = describeIn({
      view: 'today',
      shownDay: '2026-11-26',
      count: 30,
      fetchedAt,
      now: Date.parse(now),
      timeZone,
      sync: { failures: 0, lastSuccessAt: fetchedAt },
    });
    expect(view.title).toBe('Today, Thu 26 Nov');
    expect(view.lines).toEqual(lines);
  });

  it('follows the given locale', () => {
    const view = describeIn({ view: 'today', shownDay: '2026-11-26', count: 24, fetchedAt: FETCHED, locale: 'en-US' });
    expect(view.title).toBe('Today, Thu, Nov 26');
    expect(view.lines).toContain('Still filling — updated 10:32 AM');
    expect(describeIn({ view: 'week', requested: '2026-W48', locale: 'en-US' }).title).toBe('Week 48, 2026 (Nov 23 – 29)');
  });
});

describe('describeFreshness: warnings', () => {
  const NOON = Date.parse('2026-11-26T12:00:00Z');
  const failing = (kind: NonNullable<SyncState['error']>['kind'], extra: Partial<SyncState> = {}, retryAt?: number): SyncState => ({
    lastAttemptAt: at('2026-11-26T11:50:00Z'),
    lastSuccessAt: FETCHED,
    failures: 4,
    failingSince: at('2026-11-26T11:02:00Z'),
    error: { kind, message: `failure ${kind}`, at: at('2026-11-26T11:50:00Z'), ...(retryAt === undefined ? {} : { retryAt }) },
    ...extra,
  });

  it.each<[string, SyncState, number | undefined, number, string | undefined]>([
    ['an http error', failing('http'), FETCHED, 24, 'Could not refresh since 11:02 — showing data from 10:32'],
    ['a network error', failing('network'), FETCHED, 24, 'Could not refresh since 11:02 — showing data from 10:32'],
    ['a timeout', failing('timeout'), FETCHED, 24, 'Could not refresh since 11:02 — showing data from 10:32'],
    ['an invalid answer', failing('invalid'), FETCHED, 24, 'Could not refresh since 11:02 — showing data from 10:32'],
    ['a storage error', failing('storage'), FETCHED, 24, 'Could not save new papers since 11:02 (failure storage) — showing data from 10:32'],
    ['being offline', failing('offline'), FETCHED, 24, 'Offline since 11:02 — showing data from 10:32'],
    [
      'a rate limit still running',
      failing('rate-limited', {}, at('2026-11-26T12:30:00Z')),
      FETCHED,
      24,
      'Rate-limited by the source until 12:30 — showing data from 10:32',
    ],
    [
      'a rate limit already over',
      failing('rate-limited', {}, at('2026-11-26T11:55:00Z')),
      FETCHED,
      24,
      'Rate-limited by the source at 11:50 — showing data from 10:32',
    ],
    [
      'a rate limit known only from notBefore',
      failing('rate-limited', { notBefore: at('2026-11-26T12:15:00Z') }),
      FETCHED,
      24,
      'Rate-limited by the source until 12:15 — showing data from 10:32',
    ],
    [
      'failures since yesterday',
      failing('http', { failingSince: at('2026-11-25T22:00:00Z'), lastSuccessAt: at('2026-11-25T21:40:00Z') }),
      at('2026-11-25T21:40:00Z'),
      24,
      'Could not refresh since 25 Nov, 22:00 — showing data from 25 Nov, 21:40',
    ],
    [
      'a failure before anything was stored',
      failing('network', { lastSuccessAt: undefined }),
      undefined,
      0,
      'Could not refresh since 11:02 — nothing stored for this view yet',
    ],
    ['this listing fetched during the failing run', failing('http'), at('2026-11-26T11:30:00Z'), 24, 'Last refresh failed at 11:50 — showing data from 11:30'],
    ['this listing fetched after the failure', failing('http'), at('2026-11-26T11:55:00Z'), 24, undefined],
    ['no failure', { failures: 0, lastSuccessAt: FETCHED, lastAttemptAt: FETCHED }, FETCHED, 24, undefined],
  ])('%s', (_name, sync, fetchedAt, count, warning) => {
    const view = describeIn({ view: 'today', shownDay: '2026-11-26', count, fetchedAt, sync, now: NOON });
    expect(view.warning).toBe(warning);
    // The facts are still said alongside the warning.
    expect(view.lines[0]).toBe(count > 0 ? `${count} papers` : 'Nothing listed yet today');
    expect(view.lines.at(-1)).toMatch(sync.lastSuccessAt === undefined ? /^Never synced$/ : /^Last synced \d/);
  });

  it.each(['day', 'week', 'month', 'trending', 'saved'] as const)('warns in the %s view too', (view) => {
    const result = describeIn({
      view,
      requested: view === 'week' ? '2026-W48' : view === 'month' ? '2026-11' : '2026-11-25',
      count: 5,
      fetchedAt: view === 'saved' ? undefined : FETCHED,
      sync: failing('http'),
      now: NOON,
    });
    expect(result.warning).toBe('Could not refresh since 11:02 — showing data from 10:32');
  });
});
