// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAllListings, getListing, getPapers } from '@/lib/store/reads';
import { openPaperboyDb } from '@/lib/store/connection';
import type { PaperboyDb } from '@/lib/store/schema';
import { FOLLOW_UP_REFRESH_MS } from '@/lib/sync/plan';
import { createSyncEngine, queryFor, SYNC_DEADLINE_MS } from '@/lib/sync/engine';
import { makeDay, makeEntry, paperId } from '../../support/generate-papers.mjs';
import { loadRecordedDays, startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
const FRIDAY = Date.parse('2026-11-20T15:00:00Z');
const SATURDAY = Date.parse('2026-11-21T09:00:00Z');

let fake: Fake;
let db: PaperboyDb;
let clock: number;

beforeEach(async () => {
  fake = await startFakeHf({ days: loadRecordedDays() });
  db = await openPaperboyDb();
  clock = FRIDAY;
});
afterEach(async () => {
  db.close();
  await fake.close();
});

const engine = () => createSyncEngine({ db: async () => db, source: async () => fake.url, now: () => clock, random: () => 0.5 });
const fetchedPaths = () => fake.state.requests.map((request: { query: Record<string, string> }) => new URLSearchParams(request.query).toString());
const fixtureIds = (day: string): string[] => fake.state.days[day]!.map((entry: { paper: { id: string } }) => entry.paper.id);

describe('sync engine', () => {
  it('fetches today, the previous listing day and trending on the first sync', async () => {
    const outcome = await engine().sync('install');
    expect(outcome.ran).toBe(true);
    expect(fetchedPaths()).toEqual(['date=2026-11-20&limit=100&p=0', 'date=2026-11-19&limit=100&p=0', 'sort=trending&limit=50&p=0']);
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toEqual(fixtureIds('2026-11-20'));
    expect((await getListing(db, 'day:2026-11-19'))!.ids).toEqual(fixtureIds('2026-11-19'));
    const total = new Set([...fixtureIds('2026-11-19'), ...fixtureIds('2026-11-20')]).size;
    expect(await db.count('papers')).toBe(total);
    expect(outcome.state).toMatchObject({ lastSuccessAt: FRIDAY, failures: 0, last: { newPapers: total, requests: 3, skipped: 0 } });
    expect(outcome.state.error).toBeUndefined();
    expect(await db.get('meta', 'sync')).toEqual(outcome.state);
  });

  it('usually costs one request: the slow lists wait for their cadence', async () => {
    await engine().sync('install');
    fake.state.clearRequests();
    clock += 30 * 60_000;
    await engine().sync('alarm');
    expect(fetchedPaths()).toEqual(['date=2026-11-20&limit=100&p=0']);
    fake.state.clearRequests();
    // When the slow lists are due, a scheduled sync takes one of them at a time.
    clock = FRIDAY + FOLLOW_UP_REFRESH_MS;
    await engine().sync('alarm');
    expect(fetchedPaths()).toEqual(['date=2026-11-20&limit=100&p=0', 'date=2026-11-19&limit=100&p=0']);
    fake.state.clearRequests();
    clock += 30 * 60_000;
    await engine().sync('alarm');
    expect(fetchedPaths()).toEqual(['date=2026-11-20&limit=100&p=0', 'sort=trending&limit=50&p=0']);
  });

  it('counts only papers never stored before as new, and merges the growing list', async () => {
    await engine().sync('install');
    const before = (await getListing(db, 'day:2026-11-20'))!.ids;
    const added = fake.state.addPapers('2026-11-20', 3);
    clock += 30 * 60_000;
    const outcome = await engine().sync('alarm');
    expect(outcome.state.last!.newPapers).toBe(3);
    const after = (await getListing(db, 'day:2026-11-20'))!.ids;
    expect(after).toHaveLength(before.length + 3);
    expect(after).toEqual(expect.arrayContaining([...before, ...added.map((entry: { paper: { id: string } }) => entry.paper.id)]));
  });

  it('fetches the latest listing day when today has nothing yet', async () => {
    clock = SATURDAY;
    const outcome = await engine().sync('install');
    expect(fetchedPaths()).toEqual(['date=2026-11-21&limit=100&p=0', 'limit=100&p=0', 'sort=trending&limit=50&p=0']);
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toEqual(fixtureIds('2026-11-20'));
    expect(outcome.state.last!.newPapers).toBeGreaterThan(0);
  });

  it('shares one run between concurrent requests', async () => {
    const sync = engine();
    const [a, b, c] = await Promise.all([sync.sync('alarm'), sync.sync('manual'), sync.sync('settings')]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(fetchedPaths()).toHaveLength(2); // the alarm's run: today and one follow-up
    expect(a.state.last!.newPapers).toBe(await db.count('papers'));
  });

  it('keeps the stored papers and records the error when the source fails', async () => {
    await engine().sync('install');
    const papers = await db.count('papers');
    fake.state.failAlways('500');
    clock += 30 * 60_000;
    const outcome = await engine().sync('alarm');
    expect(outcome.state).toMatchObject({ failures: 1, lastSuccessAt: FRIDAY, error: { kind: 'http', status: 500 } });
    expect(outcome.state.notBefore).toBeGreaterThan(clock);
    expect(await db.count('papers')).toBe(papers);
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toEqual(fixtureIds('2026-11-20'));
  });

  it.each(['object', 'non-json', 'empty'] as const)('writes nothing when the answer is %s', async (mode) => {
    fake.state.failAlways(mode);
    const outcome = await engine().sync('install');
    expect(outcome.state.error?.kind).toBe('invalid');
    expect(await db.count('papers')).toBe(0);
    expect(await getAllListings(db)).toEqual([]);
  });

  it('backs off after a failure: the schedule waits, a user who asks does not', async () => {
    fake.state.failNext(1, '500');
    await engine().sync('alarm');
    fake.state.clearRequests();
    clock += 1000;
    const skipped = await engine().sync('alarm');
    expect(skipped.ran).toBe(false);
    expect(fetchedPaths()).toEqual([]);
    const asked = await engine().sync('manual');
    expect(asked.ran).toBe(true);
    expect(asked.state.error).toBeUndefined();
    expect(asked.state.failures).toBe(0);
  });

  it('sends nothing before a rate limit resets, then resumes', async () => {
    fake.state.failNext(1, '429');
    const limited = await engine().sync('alarm');
    expect(limited.state.error).toMatchObject({ kind: 'rate-limited', retryAt: FRIDAY + 120_000 });
    fake.state.clearRequests();
    clock = FRIDAY + 60_000;
    expect((await engine().sync('manual')).ran).toBe(false);
    expect(fetchedPaths()).toEqual([]);
    clock = FRIDAY + 121_000 + 2 * 60 * 60_000;
    const resumed = await engine().sync('alarm');
    expect(resumed.ran).toBe(true);
    expect(resumed.state.error).toBeUndefined();
  });

  it("a new source is asked at once: the old one's rate limit and backoff are not its own", async () => {
    let source = fake.url;
    const switching = () => createSyncEngine({ db: async () => db, source: async () => source, now: () => clock, random: () => 0.5 });
    fake.state.failNext(1, '429');
    expect((await switching().sync('alarm')).state.error).toMatchObject({ kind: 'rate-limited', source: fake.url });
    const mirror = await startFakeHf();
    try {
      clock = FRIDAY + 60_000;
      expect((await switching().sync('settings')).ran).toBe(false); // the same source, saved again, still waits
      source = mirror.url;
      const asked = await switching().sync('settings');
      expect(asked.ran).toBe(true);
      expect(asked.state).toMatchObject({ failures: 0, lastSuccessAt: clock });
      expect(mirror.state.requests.length).toBeGreaterThan(0);
    } finally {
      await mirror.close();
    }
  });

  it('sends nothing to a source it may not read, and records no failure', async () => {
    const denied = createSyncEngine({ db: async () => db, source: async () => fake.url, now: () => clock, random: () => 0.5, mayRead: async () => false });
    const outcome = await denied.sync('manual');
    expect(outcome.ran).toBe(false);
    expect(outcome.state.error).toBeUndefined();
    expect(fake.state.requests).toHaveLength(0);
  });

  it('counts malformed entries and stores the good ones, the partly malformed too', async () => {
    const days = fake.state.days as Record<string, unknown[]>;
    const friday = days['2026-11-20'] as { paper: Record<string, unknown> }[];
    friday[2]!.paper.upvotes = 'lots';
    delete friday[3]!.paper.authors;
    friday[5] = { junk: true } as unknown as (typeof friday)[number]; // deliberately ill-typed: an entry with no paper
    fake.state.setDays(days);
    const outcome = await engine().sync('install');
    // Counted per entry received: trending sends the same bad entries again.
    expect(outcome.state.last!.skipped).toBeGreaterThanOrEqual(1);
    // Papers, each once, though trending sends them again.
    expect(outcome.state.last!.partial).toBe(2);
    expect(outcome.state.last!.problems[0]).toMatch(/^entry \d+: /);
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toHaveLength(friday.length - 1);
    const [lots] = await getPapers(db, [friday[2]!.paper.id as string]);
    expect(lots).toMatchObject({ upvotes: 0, title: expect.any(String) });
  });

  it('lists an entry without a listing time on the day asked for; a dateless listing (trending) does not move it', async () => {
    const days = fake.state.days as Record<string, unknown[]>;
    const friday = days['2026-11-20'] as { paper: Record<string, unknown> }[];
    const id = friday[0]!.paper.id as string;
    delete friday[0]!.paper.submittedOnDailyAt;
    fake.state.setDays(days);
    const outcome = await engine().sync('install');
    expect(fetchedPaths()).toContain('sort=trending&limit=50&p=0');
    expect((await getListing(db, 'trending'))!.ids).toContain(id);
    const [paper] = await getPapers(db, [id]);
    expect(paper).toMatchObject({ listedOn: '2026-11-20', listedDays: ['2026-11-20'] });
    expect(paper).not.toHaveProperty('listedOnGuessed');
    expect(outcome.state.last!.partial).toBe(1);
  });

  it('costs a few requests, not hundreds, when the source answers the same full page to every page', async () => {
    const page = makeDay('2026-11-20', 100, { seed: 1 });
    const fetch = vi.fn(async () => new Response(JSON.stringify(page)));
    const outcome = await createSyncEngine({ db: async () => db, source: async () => fake.url, now: () => clock, random: () => 0.5, client: { fetch } }).sync(
      'install',
    );
    expect(outcome.state.error).toBeUndefined();
    // Today and the previous day: a page and the repeat that brings nothing new; trending: one page.
    expect(fetch).toHaveBeenCalledTimes(5);
    expect(outcome.state.last!.requests).toBe(5);
  });

  it('stops a sync that runs past its deadline and records a timeout', async () => {
    // A slow source: every request takes 40 s of the injected clock; each page is new and full.
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      clock += 40_000;
      const url = new URL(String(input));
      const day = url.searchParams.get('date') ?? '2026-11-20';
      const page = Number(url.searchParams.get('p'));
      const size = day === '2026-11-20' ? 100 : 20;
      return new Response(JSON.stringify(Array.from({ length: size }, (_, index) => makeEntry({ id: paperId(day, page * 100 + index), day }))));
    });
    const outcome = await createSyncEngine({ db: async () => db, source: async () => fake.url, now: () => clock, random: () => 0.5, client: { fetch } }).sync(
      'manual',
    );
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(Math.ceil(SYNC_DEADLINE_MS / 40_000));
    expect(outcome.state.error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/ran out of time/) });
  });
});

describe('queryFor', () => {
  it.each([
    ['day:2026-11-20', { date: '2026-11-20' }],
    ['week:2026-W47', { week: '2026-W47' }],
    ['month:2026-11', { month: '2026-11' }],
    ['trending', { sort: 'trending', maxPages: 1 }],
    ['by-content', {}],
  ] as const)('asks the source for %s with %j', (key, query) => {
    expect(queryFor(key)).toEqual(query);
  });

  it('has no query for the stored search answer', () => {
    expect(() => queryFor('search')).toThrow();
  });
});
