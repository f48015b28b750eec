import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '@/lib/background/badge';
import { BADGE_MODES, type BadgeMode } from '@/lib/settings/defaults';
import type { SyncState } from '@/lib/store/records';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const synced: SyncState = { failures: 0, lastAttemptAt: NOW - 60_000, lastSuccessAt: NOW - 60_000 };

describe('badgeFor', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [5000, '99+'],
  ])('shows %i unseen papers as %j', (unseen, text) => {
    const view = badgeFor({ unseen, sync: synced, now: NOW, hasPapers: true });
    expect(view.text).toBe(text);
    expect(view.color).toBe(BADGE_COLORS.count);
  });

  it('says how many are new and how old the data is in the tooltip', () => {
    const view = badgeFor({ unseen: 3, sync: synced, now: NOW, hasPapers: true });
    expect(view.title).toMatch(/3 new papers/);
    expect(view.title).toMatch(/1 min ago/);
    expect(badgeFor({ unseen: 1, sync: synced, now: NOW, hasPapers: true }).title).toMatch(/1 new paper on/);
    expect(badgeFor({ unseen: 0, sync: synced, now: NOW, hasPapers: true }).title).toMatch(/No new papers/);
  });

  it('is empty with an explaining tooltip before the first sync', () => {
    const view = badgeFor({ unseen: 0, sync: { failures: 0 }, now: NOW, hasPapers: false });
    expect(view.text).toBe('');
    expect(view.title).toMatch(/first time/);
  });

  const failed = (kind: NonNullable<SyncState['error']>['kind'], extra: Partial<NonNullable<SyncState['error']>> = {}): SyncState => ({
    ...synced,
    lastAttemptAt: NOW,
    failures: 2,
    failingSince: NOW - 3_600_000,
    error: { kind, message: `failure ${kind}`, at: NOW, ...extra },
  });

  it.each([
    ['offline', failed('offline'), 'off', BADGE_COLORS.offline, /Offline since/],
    ['rate-limited', failed('rate-limited', { retryAt: NOW + 120_000 }), 'wait', BADGE_COLORS.rateLimited, /Rate-limited.*next try after/],
    ['http error', failed('http', { status: 503 }), '!', BADGE_COLORS.error, /Sync failed at .*failure http/],
    ['network error', failed('network'), '!', BADGE_COLORS.error, /Sync failed/],
    ['invalid payload', failed('invalid'), '!', BADGE_COLORS.error, /Sync failed/],
  ])('has a distinct state when %s', (_name, sync, text, color, title) => {
    const view = badgeFor({ unseen: 4, sync, now: NOW, hasPapers: true });
    expect(view).toMatchObject({ text, color });
    expect(view.title).toMatch(title);
    // What is still true is said too: the unseen papers and the age of the shown data.
    expect(view.title).toMatch(/4 new papers not yet seen/);
    expect(view.title).toMatch(/Papers shown are from 1 min ago/);
  });

  // Local times (the tooltip speaks the user's clock): noon and half past eleven at night, here.
  const LOCAL_NOON = new Date(2026, 10, 26, 12, 0).getTime();
  const LOCAL_LATE = new Date(2026, 10, 26, 23, 30).getTime();
  it.each([
    ['within the day: the time alone', LOCAL_NOON, LOCAL_NOON + 3_600_000, /next try after 01:00\sPM\./],
    ['past midnight: with its date', LOCAL_LATE, LOCAL_LATE + 3_600_000, /next try after Nov 27, 12:30\sAM\./],
    [
      'years away (stored by an older version): with its year',
      LOCAL_NOON,
      LOCAL_NOON + 999_999_999_000,
      /next try after [A-Z][a-z]{2} \d+, 20\d\d, \d\d:\d\d\s[AP]M\./,
    ],
    ['beyond what a date can hold: a dash, not a RangeError', LOCAL_NOON, LOCAL_NOON + 9_999_999_999_999_000, /next try after —\./],
    ['not a number: a dash', LOCAL_NOON, Number.NaN, /next try after —\./],
  ])('says when a rate limit ends %s', (_name, now, retryAt, title) => {
    const sync: SyncState = { ...synced, lastAttemptAt: now, failures: 1, error: { kind: 'rate-limited', message: '429', at: now, retryAt } };
    const view = badgeFor({ unseen: 0, sync, now, hasPapers: true });
    expect(view.text).toBe('wait');
    expect(view.title).toMatch(title);
  });

  it('asks for access to a mirror chosen on another device, rather than report an old failure', () => {
    const view = badgeFor({ unseen: 0, sync: failed('network'), now: NOW, hasPapers: true, accessNeeded: 'https://hf-mirror.com' });
    expect(view).toMatchObject({ text: '!', color: BADGE_COLORS.accessNeeded });
    expect(view.title).toMatch(/needs your permission to read https:\/\/hf-mirror.com.*settings page/);
    expect(view.title).not.toMatch(/Sync failed/);
  });

  it('says there is no data when a failure happens before anything was stored', () => {
    const view = badgeFor({
      unseen: 0,
      sync: { failures: 1, lastAttemptAt: NOW, error: { kind: 'network', message: 'x', at: NOW } },
      now: NOW,
      hasPapers: false,
    });
    expect(view.text).toBe('!');
    expect(view.title).toMatch(/No papers stored yet/);
  });

  describe('modes', () => {
    it.each([
      // mode, unseen, unread today, unseen watchlist matches → text, colour, tooltip
      ['new', 5, 2, 0, '5', BADGE_COLORS.count, /5 new papers/],
      ['new', 0, 2, 0, '', BADGE_COLORS.count, /No new papers/],
      ['new', 5, 2, 1, '5', BADGE_COLORS.watch, /1 watchlist match not yet seen/],
      ['unread', 5, 2, 0, '2', BADGE_COLORS.count, /2 unread papers in today's list/],
      ['unread', 5, 0, 0, '', BADGE_COLORS.count, /Nothing unread in today's list/],
      ['unread', 0, 120, 0, '99+', BADGE_COLORS.count, /120 unread/],
      ['unread', 1, 0, 1, '•', BADGE_COLORS.watch, /1 watchlist match/],
      ['unread', 3, 4, 2, '4', BADGE_COLORS.watch, /2 watchlist matches not yet seen/],
      ['off', 5, 2, 0, '', BADGE_COLORS.count, /Badge count is off/],
      ['off', 5, 2, 3, '', BADGE_COLORS.count, /Badge count is off/],
    ] as [BadgeMode, number, number, number, string, string, RegExp][])(
      '%s with %i unseen, %i unread today, %i watched → %j',
      (mode, unseen, unreadToday, watchUnseen, text, color, title) => {
        const view = badgeFor({ unseen, unreadToday, watchUnseen, mode, sync: synced, now: NOW, hasPapers: true });
        expect(view).toMatchObject({ text, color });
        expect(view.title).toMatch(title);
        expect(view.title).toMatch(/Papers shown are from 1 min ago/);
      },
    );

    // Off silences the count, never a problem: the user would not know papers stopped coming.
    it.each(
      BADGE_MODES.flatMap(
        (mode) =>
          [
            [mode, failed('offline'), 'off', BADGE_COLORS.offline],
            [mode, failed('rate-limited', { retryAt: NOW + 60_000 }), 'wait', BADGE_COLORS.rateLimited],
            [mode, failed('http', { status: 500 }), '!', BADGE_COLORS.error],
          ] as [BadgeMode, SyncState, string, string][],
      ),
    )('%s mode still shows %#', (mode, sync, text, color) => {
      expect(badgeFor({ unseen: 2, unreadToday: 2, watchUnseen: 1, mode, sync, now: NOW, hasPapers: true })).toMatchObject({ text, color });
    });
  });
});
