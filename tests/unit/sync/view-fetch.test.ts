// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUnseen, getListing } from '@/lib/store/reads';
import { openPaperboyDb } from '@/lib/store/connection';
import type { PaperboyDb } from '@/lib/store/schema';
import { isListingFresh } from '@/lib/sync/plan';
import { createViewFetcher } from '@/lib/sync/view-fetch';
import { makeDay } from '../../support/generate-papers.mjs';
import { startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;

let fake: Fake;
let db: PaperboyDb;
let clock: number;

beforeEach(async () => {
  fake = await startFakeHf({
    days: { '2026-09-01': makeDay('2026-09-01', 120, { seed: 5 }), '2026-11-20': makeDay('2026-11-20', 10, { seed: 5 }) },
  });
  db = await openPaperboyDb(`views-${Math.random()}`);
  clock = NOW;
});
afterEach(async () => {
  db.close();
  await fake.close();
});

const fetcher = () => createViewFetcher({ db: async () => db, source: async () => fake.url, now: () => clock });

describe('isListingFresh', () => {
  const today = '2026-11-26';
  it.each([
    ['never fetched', 'day:2026-11-20', undefined, false],
    ['today, 5 min old', 'day:2026-11-26', NOW - 5 * 60_000, true],
    ['today, 20 min old', 'day:2026-11-26', NOW - 20 * 60_000, false],
    ['a recent day, 1 h old', 'day:2026-11-20', NOW - HOUR, true],
    ['a recent day, 4 h old', 'day:2026-11-20', NOW - 4 * HOUR, false],
    ['a settled day fetched after it settled', 'day:2026-09-01', Date.parse('2026-10-01T00:00:00Z'), true],
    ['a settled day fetched while still growing, long ago', 'day:2026-09-01', Date.parse('2026-09-02T00:00:00Z'), false],
    ['this week, 20 min old', 'week:2026-W48', NOW - 20 * 60_000, false],
    ['a past week, settled', 'week:2026-W36', NOW - 24 * HOUR, true],
    ['this month, 5 min old', 'month:2026-11', NOW - 5 * 60_000, true],
    ['a past month fetched after it settled', 'month:2026-09', Date.parse('2026-10-20T00:00:00Z'), true],
    ['trending, 1 h old', 'trending', NOW - HOUR, true],
    ['trending, 4 h old', 'trending', NOW - 4 * HOUR, false],
  ] as const)('%s → %s', (_name, key, fetchedAt, fresh) => {
    expect(isListingFresh(key, fetchedAt, NOW, today)).toBe(fresh);
  });
});

describe('view fetcher', () => {
  it('fetches a day that is not stored, all pages, without calling its papers new', async () => {
    const outcome = await fetcher().fetchView('day:2026-09-01');
    expect(outcome).toEqual({ status: 'fetched', count: 120, skipped: 0 });
    expect((await getListing(db, 'day:2026-09-01'))!.ids).toHaveLength(120);
    expect(fake.state.requests).toHaveLength(2);
    expect(await countUnseen(db)).toBe(0);
  });

  it('sends no request when the stored listing is fresh', async () => {
    await fetcher().fetchView('day:2026-09-01');
    fake.state.clearRequests();
    expect(await fetcher().fetchView('day:2026-09-01')).toEqual({ status: 'fresh' });
    expect(fake.state.requests).toHaveLength(0);
  });

  it('asks once for the same view requested twice at once', async () => {
    const views = fetcher();
    const [a, b] = await Promise.all([views.fetchView('month:2026-09'), views.fetchView('month:2026-09')]);
    expect(a).toBe(b);
    expect(fake.state.requests.map((request: { query: Record<string, string> }) => request.query.month)).toEqual(['2026-09', '2026-09']);
  });

  it('reports a failure and keeps what was stored', async () => {
    await fetcher().fetchView('day:2026-11-20');
    fake.state.failAlways('500');
    const outcome = await fetcher().fetchView('day:2026-11-20', true);
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'http', status: 500 } });
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toHaveLength(10);
  });

  it('says plainly that the browser has no room when a view cannot be stored, and deletes nothing', async () => {
    await fetcher().fetchView('day:2026-11-20');
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const transaction = db.transaction.bind(db);
    db.transaction = ((...args: Parameters<typeof db.transaction>) => {
      if (args[1] === 'readwrite') throw full;
      return transaction(...args);
    }) as typeof db.transaction;
    const outcome = await fetcher().fetchView('day:2026-09-01');
    expect(outcome).toEqual({ status: 'failed', error: { kind: 'storage', message: expect.stringMatching(/no room left for papers/), at: NOW } });
    db.transaction = transaction;
    expect(await getListing(db, 'day:2026-09-01')).toBeUndefined();
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toHaveLength(10);
  });

  it('honours a rate limit for every later request', async () => {
    fake.state.failNext(1, '429');
    expect(await fetcher().fetchView('day:2026-11-20')).toMatchObject({ status: 'failed', error: { kind: 'rate-limited' } });
    fake.state.clearRequests();
    expect(await fetcher().fetchView('day:2026-09-01')).toMatchObject({ status: 'failed', error: { kind: 'rate-limited' } });
    expect(await fetcher().search('diffusion')).toMatchObject({ ids: [], error: { kind: 'rate-limited' } });
    expect(fake.state.requests).toHaveLength(0);
  });

  it('searches Hugging Face and stores the answers like any paper', async () => {
    const title = fake.state.days['2026-09-01']![7]!.paper.title as string;
    const words = title.split(/\s+/).slice(0, 2).join(' ');
    const outcome = await fetcher().search(words);
    expect(outcome.ids.length).toBeGreaterThan(0);
    expect(fake.state.requests[0]).toMatchObject({ path: '/api/papers/search', query: { q: words, limit: '50' } });
    const stored = await db.get('papers', outcome.ids[0]!);
    expect(stored?.title).toBeTruthy();
    expect((await getListing(db, 'search'))!.ids).toEqual(outcome.ids);
  });
});
