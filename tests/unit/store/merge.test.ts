import { describe, expect, it } from 'vitest';
import { mergeFetched } from '@/lib/store/merge';
import type { PaperRecord } from '@/lib/store/records';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 'day:2026-11-20' as const;

/** A paper as the store keeps it after a first fetch at T0 in DAY. */
const stored = (overrides: Partial<PaperRecord> = {}): PaperRecord => ({
  ...makePaper('2611.00001', { aiSummary: 'Summary', githubRepo: 'https://github.com/a/b', githubStars: 5, organization: 'Org' }),
  firstSeenAt: T0,
  updatedAt: T0,
  unseen: 1,
  listedDays: ['2026-11-20'],
  upvoteHistory: [[T0, 10]],
  ...overrides,
});
const fetched = (overrides: Partial<Paper> = {}): Paper => makePaper('2611.00001', overrides);

describe('merging a fetched paper with the stored one', () => {
  it('stores a new paper as new, with its first sample of upvotes', () => {
    expect(mergeFetched(undefined, fetched(), { key: DAY, fetchedAt: T0 })).toEqual({
      ...fetched(),
      firstSeenAt: T0,
      updatedAt: T0,
      unseen: 1,
      listedDays: ['2026-11-20'],
      upvoteHistory: [[T0, 10]],
    });
  });

  it.each([
    ['undefined', undefined, 1],
    ['true', true, 1],
    ['false', false, undefined],
  ] as const)('with markNew %s, a new paper is unseen: %s', (_name, markNew, unseen) => {
    expect(mergeFetched(undefined, fetched(), { key: DAY, fetchedAt: T0, markNew }).unseen).toBe(unseen);
  });

  it('leaves a stored paper unseen as it was, whatever markNew says', () => {
    expect(mergeFetched(stored(), fetched(), { key: DAY, fetchedAt: T0 + HOUR, markNew: false }).unseen).toBe(1);
    expect(mergeFetched(stored({ unseen: undefined }), fetched(), { key: DAY, fetchedAt: T0 + HOUR }).unseen).toBeUndefined();
  });

  it.each([
    ['the same count', 10, [[T0, 10]]],
    [
      'a new count',
      12,
      [
        [T0, 10],
        [T0 + HOUR, 12],
      ],
    ],
  ] as const)('samples upvotes only when they change: %s', (_name, upvotes, history) => {
    const merged = mergeFetched(stored(), fetched({ upvotes }), { key: DAY, fetchedAt: T0 + HOUR });
    expect(merged.upvotes).toBe(upvotes);
    expect(merged.upvoteHistory).toEqual(history);
    expect(merged.updatedAt).toBe(T0 + HOUR);
    expect(merged.firstSeenAt).toBe(T0);
  });

  it('keeps the last 64 samples of upvotes', () => {
    const history = Array.from({ length: 64 }, (_, i) => [T0 + i, i] as [number, number]);
    const merged = mergeFetched(stored({ upvotes: 63, upvoteHistory: history, updatedAt: T0 + 63 }), fetched({ upvotes: 100 }), {
      key: DAY,
      fetchedAt: T0 + HOUR,
    });
    expect(merged.upvoteHistory).toHaveLength(64);
    expect(merged.upvoteHistory[0]).toEqual([T0 + 1, 1]);
    expect(merged.upvoteHistory.at(-1)).toEqual([T0 + HOUR, 100]);
  });

  it('never rolls counts back from an answer older than what is stored, but notes its listing day', () => {
    const merged = mergeFetched(stored({ upvotes: 20, updatedAt: T0 + HOUR }), fetched({ upvotes: 3, listedOn: '2026-11-19' }), {
      key: 'day:2026-11-19',
      fetchedAt: T0,
    });
    expect(merged.upvotes).toBe(20);
    expect(merged.updatedAt).toBe(T0 + HOUR);
    expect(merged.listedDays).toEqual(['2026-11-19', '2026-11-20']);
  });

  it('keeps fields the source stopped sending', () => {
    const merged = mergeFetched(stored(), fetched(), { key: DAY, fetchedAt: T0 + HOUR });
    expect(merged).toMatchObject({ aiSummary: 'Summary', githubRepo: 'https://github.com/a/b', githubStars: 5, organization: 'Org' });
  });

  it('does not move a stored paper to a listing day the source did not give', () => {
    const merged = mergeFetched(stored(), fetched({ listedOn: '2026-11-18', listedOnGuessed: true }), { key: 'search', fetchedAt: T0 + HOUR });
    expect(merged.listedOn).toBe('2026-11-20');
    expect(merged.listedDays).toEqual(['2026-11-20']);
    expect(merged).not.toHaveProperty('listedOnGuessed');
  });

  it.each([
    ['its own day', DAY, undefined],
    ['its month', 'month:2026-11', undefined],
    ['its week', 'week:2026-W47', undefined],
    ['trending', 'trending', undefined],
    ['another day', 'day:2026-11-21', ['day:2026-11-21']],
    ['another month', 'month:2026-12', ['month:2026-12']],
  ] as const)('notes a listing its days would not lead to: %s', (_name, key, alsoIn) => {
    expect(mergeFetched(stored(), fetched(), { key, fetchedAt: T0 + HOUR }).alsoIn).toEqual(alsoIn);
  });

  it.each([
    ['code arrives for a paper stored without it', { githubRepo: undefined }, 'https://github.com/x/y', T0 + HOUR],
    ['the code link changes', {}, 'https://github.com/x/y', undefined],
    ['the code was there all along', {}, 'https://github.com/a/b', undefined],
    ['still no code', { githubRepo: undefined }, undefined, undefined],
    ['code arrives for a saved stub (no details before)', { githubRepo: undefined, upvoteHistory: [] }, 'https://github.com/x/y', undefined],
    ['an earlier arrival is kept', { githubRepo: 'https://github.com/x/y', codeAddedAt: T0 }, 'https://github.com/x/y', T0],
  ] as const)('notes when code arrived: %s', (_name, before, githubRepo, codeAddedAt) => {
    const merged = mergeFetched(stored({ ...before } as Partial<PaperRecord>), fetched({ githubRepo }), { key: DAY, fetchedAt: T0 + HOUR });
    expect(merged.codeAddedAt).toBe(codeAddedAt);
  });
});
