// @vitest-environment node
// The fake Hugging Face API and the paper generator are infrastructure other tests trust,
// so they are tested against the documented API (shared/docs/hf-api.md) here.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDS_PER_DAY, makeDay, makeEntry, paperId } from '../support/generate-papers.mjs';
import { FAILURE_MODES, fixtureDaysBefore, loadFixtureDays, loadRecordedDays, pastWeekday, startFakeHf, trendingScore } from '../support/fake-hf.mjs';
import { FIXTURE_DAYS, FIXTURE_SEED, fixturePath } from '../support/write-fixtures.mjs';

type Entry = ReturnType<typeof makeEntry>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const LATEST = '2026-11-20';
const PREVIOUS = '2026-11-19';
// Real captures, read (never copied) to check the generated shape; CI has this folder.
const REAL_CAPTURES = new URL('../../../shared/fixtures/hf-api/', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Shape helpers

/** Every JSON path with the kinds of value seen there, e.g. `paper.authors[].user._id` → string. */
function signature(value: unknown, path = '', out = new Map<string, Set<string>>()) {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (!out.has(path)) out.set(path, new Set());
  out.get(path)!.add(kind);
  if (Array.isArray(value)) for (const item of value) signature(item, `${path}[]`, out);
  else if (kind === 'object') {
    for (const [key, child] of Object.entries(value as object)) signature(child, path ? `${path}.${key}` : key, out);
  }
  return out;
}

function signatureOf(entries: unknown[]) {
  const out = new Map<string, Set<string>>();
  for (const entry of entries) signature(entry, '', out);
  return out;
}

/** Paths present in every entry, e.g. `paper.discussionId`, but not `paper.githubRepo`. */
function alwaysPresent(entries: unknown[]) {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const path of new Set(signature(entry).keys())) counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return new Set([...counts].filter(([path, n]) => n === entries.length && !path.includes('[]')).map(([path]) => path));
}

function realEntries(): Entry[] {
  return readdirSync(REAL_CAPTURES)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => JSON.parse(readFileSync(new URL(name, REAL_CAPTURES), 'utf8')) as Entry[]);
}

const HEX24 = /^[0-9a-f]{24}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function expectUser(user: Entry['paper']['submittedOnDailyBy']) {
  expect(Object.keys(user)).toEqual(['_id', 'avatarUrl', 'isPro', 'fullname', 'user', 'type', 'name']);
  expect(user._id).toMatch(HEX24);
  expect(user.avatarUrl).toMatch(/^(\/avatars\/[0-9a-f]{32}\.svg|https:\/\/cdn-avatars\.huggingface\.co\/.+)$/);
  expect(user.user).toBe(user.name);
}

function expectEntryShape(entry: Entry, day: string) {
  const { paper } = entry;
  expect(paper.id).toMatch(/^\d{4}\.\d{5}$/);
  expect(paper.submittedOnDailyAt).toBe(`${day}T00:00:00.000Z`);
  expect(paper.publishedAt).toMatch(ISO);
  expect(Date.parse(entry.publishedAt)).toBe(Date.parse(paper.publishedAt) - 4 * 3600_000);
  expect(Date.parse(paper.publishedAt)).toBeLessThan(Date.parse(paper.submittedOnDailyAt));
  expect(entry.title).toBe(paper.title);
  expect(entry.summary).toBe(paper.summary);
  expect(entry.thumbnail).toBe(`https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paper.id}.png`);
  expect(paper.discussionId).toMatch(HEX24);
  expect(Number.isInteger(paper.upvotes) && paper.upvotes >= 0 && paper.upvotes <= 300).toBe(true);
  expect(Number.isInteger(entry.numComments) && entry.numComments >= 0).toBe(true);
  expect(typeof entry.isAuthorParticipating).toBe('boolean');
  expect(paper.authors.length).toBeGreaterThanOrEqual(2);
  expect(paper.authors.length).toBeLessThanOrEqual(12);
  for (const author of paper.authors) {
    expect(author._id).toMatch(HEX24);
    expect(author.name.trim()).toBe(author.name);
    expect(typeof author.hidden).toBe('boolean');
    if (author.user) expectUser(author.user);
  }
  expectUser(paper.submittedOnDailyBy);
  expect(entry.submittedBy._id).toBe(paper.submittedOnDailyBy._id);
  expect(entry.organization).toEqual(paper.organization);
  expect(entry.mediaUrls).toEqual(paper.mediaUrls);
  if (paper.githubRepo) expect(Number.isInteger(paper.githubStars)).toBe(true);
  if (paper.ai_summary) expect(paper.ai_keywords!.length).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------
// Generator

describe('generate-papers', () => {
  const day = makeDay(LATEST, 200, { seed: 3 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(makeDay(LATEST, 20, { seed: 3 })).toEqual(day.slice(0, 20));
    expect(makeEntry({ id: '2611.00001', day: LATEST, seed: 9 })).toEqual(makeEntry({ id: '2611.00001', day: LATEST, seed: 9 }));
    expect(makeDay(LATEST, 20, { seed: 4 })[0]!.title).not.toBe(day[0]!.title);
  });

  it('gives arXiv-style ids from the listing month, unique per (day, index)', () => {
    const ids = [...day, ...makeDay(PREVIOUS, 200, { seed: 3 }), ...makeDay('2026-11-30', 200)].map((e) => e.paper.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^2611\.\d{5}$/);
    const allOfDay = Array.from({ length: IDS_PER_DAY }, (_, i) => paperId('2026-12-31', i));
    expect(new Set(allOfDay).size).toBe(IDS_PER_DAY);
    expect(() => paperId(LATEST, IDS_PER_DAY)).toThrow(RangeError);
    expect(() => paperId('20-11-2026', 0)).toThrow(TypeError);
  });

  it('continues a day with `start` without reusing ids', () => {
    const more = makeDay(LATEST, 5, { seed: 3, start: 200 });
    const ids = new Set(day.map((e) => e.paper.id));
    for (const entry of more) expect(ids.has(entry.paper.id)).toBe(false);
  });

  it('makes entries of about 5 KB with 1200-1800 character abstracts, like the real ones', () => {
    const sizes = day.map((e) => JSON.stringify(e).length);
    const mean = sizes.reduce((a, b) => a + b) / sizes.length;
    expect(mean).toBeGreaterThan(4000);
    expect(mean).toBeLessThan(6000);
    expect(Math.min(...sizes)).toBeGreaterThan(3000);
    expect(Math.max(...sizes)).toBeLessThan(9500);
    for (const { summary } of day) {
      expect(summary.length).toBeGreaterThanOrEqual(1200);
      expect(summary.length).toBeLessThanOrEqual(1800);
    }
  });

  it('gives every entry the real field types and relations', () => {
    for (const entry of day) expectEntryShape(entry, LATEST);
  });

  it('varies optional fields across entries', () => {
    const optional = ['githubRepo', 'githubStars', 'projectPage', 'ai_summary', 'ai_keywords', 'ai_summary_model', 'organization', 'mediaUrls'] as const;
    for (const key of optional) {
      const present = day.filter((e) => e.paper[key] !== undefined).length;
      expect(present, key).toBeGreaterThan(0);
      expect(present, key).toBeLessThan(day.length);
    }
    expect(new Set(day.map((e) => e.isAuthorParticipating)).size).toBe(2);
    expect(day.some((e) => e.paper.authors.some((a) => a.user))).toBe(true);
    expect(day.some((e) => e.summary.includes('\n'))).toBe(true);
  });

  it('spreads upvotes over 0..300 with a heavy tail', () => {
    const upvotes = day.map((e) => e.paper.upvotes).sort((a, b) => a - b);
    const median = upvotes[upvotes.length / 2]!;
    const mean = upvotes.reduce((a, b) => a + b) / upvotes.length;
    expect(median).toBeLessThan(mean);
    expect(upvotes.filter((u) => u > 100).length).toBeGreaterThan(0);
    expect(upvotes.filter((u) => u < 10).length).toBeGreaterThan(upvotes.length / 4);
  });

  it('applies overrides where the API shows them and removes fields set to undefined', () => {
    const entry = makeEntry({ id: '2611.00042', day: LATEST, title: 'T', upvotes: 7, numComments: 2, githubRepo: undefined, paper: { discussionId: 'd' } });
    expect([entry.title, entry.paper.title, entry.paper.upvotes, entry.numComments, entry.paper.discussionId]).toEqual(['T', 'T', 7, 2, 'd']);
    expect('githubRepo' in entry.paper).toBe(false);
    expect('upvotes' in entry).toBe(false);
  });

  it('uses only the paths and value kinds of the real captures, and every always-present one', () => {
    if (!existsSync(REAL_CAPTURES)) return; // the shared folder is absent outside the workspace and CI
    const real = realEntries();
    const realSig = signatureOf(real);
    for (const [path, kinds] of signatureOf(day)) {
      expect(realSig.has(path), `unknown path ${path}`).toBe(true);
      for (const kind of kinds) expect(realSig.get(path)!.has(kind), `${path}: ${kind}`).toBe(true);
    }
    const generatedAlways = alwaysPresent(day);
    for (const path of alwaysPresent(real)) expect(generatedAlways.has(path), `missing ${path}`).toBe(true);
  });

  it('matches the committed fixtures (regenerate with node tests/support/write-fixtures.mjs)', () => {
    for (const [fixtureDay, count] of Object.entries(FIXTURE_DAYS)) {
      const committed = JSON.parse(readFileSync(fixturePath(fixtureDay), 'utf8'));
      expect(committed).toEqual(makeDay(fixtureDay, count, { seed: FIXTURE_SEED }));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Fake server

let fake: Fake;

beforeEach(async () => {
  fake = await startFakeHf({ days: loadRecordedDays() });
});

afterEach(async () => {
  await fake.close();
});

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${fake.url}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

async function list(query: string) {
  const res = await get(`/api/daily_papers${query}`);
  expect(res.status).toBe(200);
  expect(Array.isArray(res.body)).toBe(true);
  return res.body as Entry[];
}

const ids = (entries: Entry[]) => entries.map((e) => e.paper.id);
const daysOf = (entries: Entry[]) => new Set(entries.map((e) => e.paper.submittedOnDailyAt.slice(0, 10)));

describe('fake-hf /api/daily_papers', () => {
  it('serves the latest listing day without a date, as JSON with CORS and a weak ETag', async () => {
    const res = await get('/api/daily_papers');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
    const entries = res.body as Entry[];
    expect(entries).toHaveLength(FIXTURE_DAYS[LATEST]);
    expect(daysOf(entries)).toEqual(new Set([LATEST]));
    for (const entry of entries) expectEntryShape(entry, LATEST);
    expect((await get('/api/daily_papers')).headers.get('etag')).toBe(res.headers.get('etag'));
  });

  it('filters by date; a day with nothing is []', async () => {
    const previous = await list(`?date=${PREVIOUS}`);
    expect(previous).toHaveLength(FIXTURE_DAYS[PREVIOUS]);
    expect(daysOf(previous)).toEqual(new Set([PREVIOUS]));
    expect(await list('?date=2026-11-21')).toEqual([]);
  });

  it.each(['2026-1-01', '2026-02-30', 'yesterday', '20261120', ''])('answers 400 with a JSON object for date=%j', async (date) => {
    const res = await get(`/api/daily_papers?date=${date}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.any(String) });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('pages with p and limit; past the end is []', async () => {
    const all = await list(`?date=${LATEST}`);
    const pages = await Promise.all([0, 1, 2].map((p) => list(`?date=${LATEST}&limit=10&p=${p}`)));
    expect(pages.map((page) => page.length)).toEqual([10, 10, 4]);
    expect(ids(pages.flat())).toEqual(ids(all));
    expect(await list(`?date=${LATEST}&limit=10&p=3`)).toEqual([]);
    expect(await list('?limit=1')).toHaveLength(1);
  });

  it('defaults to 50 per page and refuses limits outside 1..100', async () => {
    fake.state.addPapers(LATEST, 60);
    expect(await list('')).toHaveLength(50);
    expect(await list('?limit=100')).toHaveLength(84);
    for (const bad of ['0', '101', '-1', '1.5', 'ten']) {
      expect((await get(`/api/daily_papers?limit=${bad}`)).status, bad).toBe(400);
    }
    expect((await get('/api/daily_papers?p=-1')).status).toBe(400);
  });

  it('orders sort=trending by a score that is not upvote order, over the recent days', async () => {
    const trending = await list('?sort=trending&limit=100');
    expect(trending).toHaveLength(FIXTURE_DAYS[LATEST] + FIXTURE_DAYS[PREVIOUS]);
    expect(daysOf(trending)).toEqual(new Set([LATEST, PREVIOUS]));
    const now = Date.parse(`${LATEST}T00:00:00Z`) + 86_400_000;
    const scores = trending.map((e) => trendingScore(e, now));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byUpvotes = [...trending].sort((a, b) => b.paper.upvotes - a.paper.upvotes);
    expect(ids(trending)).not.toEqual(ids(byUpvotes));

    const oneDay = await list(`?sort=trending&date=${PREVIOUS}`);
    expect(new Set(ids(oneDay))).toEqual(new Set(ids(await list(`?date=${PREVIOUS}`))));
    expect(ids(oneDay)).not.toEqual(ids(await list(`?date=${PREVIOUS}`)));
  });

  it('filters by ISO week and month, newest day first', async () => {
    const week = await list('?week=2026-W47&limit=100'); // 16-22 November 2026
    expect(week).toHaveLength(FIXTURE_DAYS[LATEST] + FIXTURE_DAYS[PREVIOUS]);
    expect(week[0]!.paper.submittedOnDailyAt.slice(0, 10)).toBe(LATEST);
    expect(await list('?week=2026-W48')).toEqual([]);
    expect(await list('?month=2026-11&limit=100')).toHaveLength(week.length);
    expect(await list('?month=2026-10')).toEqual([]);
    for (const bad of ['week=2026-47', 'week=2026-W54', 'month=2026-13', 'month=Nov']) {
      expect((await get(`/api/daily_papers?${bad}`)).status, bad).toBe(400);
    }
  });

  it('filters by submitter', async () => {
    const [first] = await list('');
    const mine = await list(`?submitter=${encodeURIComponent(first!.submittedBy.name)}`);
    expect(mine.length).toBeGreaterThan(0);
    for (const entry of mine) expect(entry.submittedBy.name).toBe(first!.submittedBy.name);
  });
});

describe('fake-hf other endpoints', () => {
  it('searches titles and abstracts case-insensitively, in the wrapped entry shape', async () => {
    const [entry] = await list('');
    const word = entry!.paper.title.split(/[\s:]+/)[0]!;
    const res = await get(`/api/papers/search?q=${encodeURIComponent(word.toUpperCase())}`);
    expect(res.status).toBe(200);
    const hits = res.body as Entry[];
    expect(ids(hits)).toContain(entry!.paper.id);
    for (const hit of hits) expect(`${hit.paper.title} ${hit.paper.summary}`.toLowerCase()).toContain(word.toLowerCase());
    expect((await get('/api/papers/search?q=zzzz-no-such-phrase')).body).toEqual([]);
    expect((await get('/api/papers/search')).status).toBe(400);
  });

  it('serves a bare paper by id, or 404', async () => {
    const [entry] = await list('');
    const res = await get(`/api/papers/${entry!.paper.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(entry!.paper);
    const missing = await get('/api/papers/2611.99999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: expect.any(String) });
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("serves a paper's linked repositories: none by default, what a test set, 404 for an unknown paper", async () => {
    const [entry] = await list('');
    const id = entry!.paper.id;
    expect((await get(`/api/arxiv/${id}/repos`)).body).toEqual({ models: [], datasets: [], spaces: [] });
    fake.state.setLinkedRepos(id, { models: [{ id: 'org/model', likes: 2 }], datasets: 'anything' });
    expect((await get(`/api/arxiv/${id}/repos`)).body).toEqual({ models: [{ id: 'org/model', likes: 2 }], datasets: 'anything' });
    expect((await get('/api/arxiv/2611.99999/repos')).status).toBe(404);
  });

  it('answers CORS preflights', async () => {
    const res = await fetch(`${fake.url}/api/daily_papers`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('if-none-match');
  });

  it('answers 304 to a matching If-None-Match only when asked to', async () => {
    const etag = (await get('/api/daily_papers')).headers.get('etag')!;
    expect((await get('/api/daily_papers', { headers: { 'If-None-Match': etag } })).status).toBe(200);
    fake.state.setConditional(true);
    expect((await get('/api/daily_papers', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await get('/api/daily_papers', { headers: { 'If-None-Match': 'W/"other"' } })).status).toBe(200);
  });
});

describe('fake-hf failures', () => {
  it('fails the next n requests, then recovers', async () => {
    fake.state.failNext(2, '500');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/api/daily_papers')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('sends rate-limit headers with 429', async () => {
    fake.state.failNext(1, '429');
    const res = await get('/api/daily_papers');
    expect(res.status).toBe(429);
    expect(res.headers.get('ratelimit')).toBe('"api";r=0;t=120');
    expect(res.headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=500;w=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('can answer 200 with something that is not a list of entries', async () => {
    fake.state.failNext(1, 'non-json');
    const html = await get('/api/daily_papers');
    expect([html.status, html.body]).toEqual([200, undefined]);
    fake.state.failNext(1, 'object');
    const object = await get('/api/daily_papers');
    expect(object.status).toBe(200);
    expect(object.body).toEqual({ error: expect.any(String) });
    fake.state.failNext(1, 'empty');
    const empty = await get('/api/daily_papers');
    expect([empty.status, empty.text]).toEqual([200, '']);
  });

  it('resets the connection', async () => {
    fake.state.failNext(1, 'reset');
    await expect(fetch(`${fake.url}/api/daily_papers`)).rejects.toThrow();
    expect(await list('')).toHaveLength(FIXTURE_DAYS[LATEST]);
  });

  it('hangs until closed, and close() still returns promptly', async () => {
    fake.state.failNext(1, 'hang');
    const pending = fetch(`${fake.url}/api/daily_papers`);
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );
    const early = await Promise.race([outcome, new Promise((resolve) => setTimeout(resolve, 200, 'waiting'))]);
    expect(early).toBe('waiting');
    const started = Date.now();
    await fake.close();
    expect(await outcome).toBe('failed');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails always until cleared', async () => {
    fake.state.failAlways('500');
    expect((await get('/api/daily_papers')).status).toBe(500);
    expect((await get('/api/papers/search?q=a')).status).toBe(500);
    fake.state.failAlways(null);
    expect((await get('/api/daily_papers')).status).toBe(200);
  });

  it('refuses unknown failure modes', () => {
    expect(FAILURE_MODES).toEqual(['500', '429', 'non-json', 'object', 'empty', 'hang', 'reset']);
    // @ts-expect-error: not a mode
    expect(() => fake.state.failNext(1, '503')).toThrow(TypeError);
    // @ts-expect-error: not a mode
    expect(() => fake.state.failAlways('slow')).toThrow(TypeError);
  });
});

describe('fixture days relative to today', () => {
  // The recordings stand for the weekdays before today, so tests on the real clock see recent days on any date.
  it.each([
    ['a Tuesday', '2027-03-02', ['2027-03-01', '2027-02-26']],
    ['a Monday', '2027-03-01', ['2027-02-26', '2027-02-25']],
    ['a Saturday', '2027-02-27', ['2027-02-26', '2027-02-25']],
    ['a Sunday', '2027-02-28', ['2027-02-26', '2027-02-25']],
    ['1 January', '2027-01-01', ['2026-12-31', '2026-12-30']],
    ['the 1st of a month after a weekend', '2027-02-01', ['2027-01-29', '2027-01-28']],
  ])('on %s (%s) they are %j', (_, today, expected) => {
    expect(fixtureDaysBefore(today)).toEqual(expected);
    const days = loadFixtureDays(today);
    expect(Object.keys(days).sort().reverse()).toEqual(expected);
    const recorded = loadRecordedDays();
    const [newestRecorded, olderRecorded] = Object.keys(recorded).sort().reverse();
    expect(days[expected[0]!]).toHaveLength(recorded[newestRecorded!]!.length);
    expect(days[expected[1]!]).toHaveLength(recorded[olderRecorded!]!.length);
    for (const [day, entries] of Object.entries(days)) {
      for (const entry of entries) {
        expect(entry.paper.submittedOnDailyAt.slice(0, 10)).toBe(day);
        // arXiv still dates the paper a little before its listing, as recorded.
        expect(Date.parse(entry.paper.publishedAt)).toBeLessThan(Date.parse(entry.paper.submittedOnDailyAt));
      }
    }
  });

  it("keeps ids and content as recorded, and follows the clock's day by default", () => {
    const recorded = Object.values(loadRecordedDays()).flat();
    const relabelled = Object.values(loadFixtureDays('2027-06-15')).flat();
    expect(relabelled.map((entry) => entry.paper.id).sort()).toEqual(recorded.map((entry) => entry.paper.id).sort());
    expect(relabelled.map((entry) => entry.title).sort()).toEqual(recorded.map((entry) => entry.title).sort());
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2027-06-13T23:59:00Z')); // a Sunday
      expect(Object.keys(loadFixtureDays()).sort()).toEqual(['2027-06-10', '2027-06-11']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a today that is not a day', () => {
    expect(() => fixtureDaysBefore('2027-02-30')).toThrow(TypeError);
    expect(() => pastWeekday(30, 'today')).toThrow(TypeError);
  });

  it('names a settled past weekday a month back, never a weekend', () => {
    expect(pastWeekday(30, '2027-03-03')).toBe('2027-02-01'); // a Monday, 30 days back
    expect(pastWeekday(30, '2027-03-02')).toBe('2027-01-29'); // 30 days back is a Sunday: the Friday
    expect(pastWeekday(30, '2027-01-01')).toBe('2026-12-02');
  });
});

describe('fake-hf state', () => {
  it('adds papers with fresh ids to a day and returns them', async () => {
    const before = await list(`?date=${LATEST}`);
    const added = fake.state.addPapers(LATEST, 3);
    expect(added).toHaveLength(3);
    const known = new Set([...ids(before), ...ids(await list(`?date=${PREVIOUS}`))]);
    for (const entry of added) {
      expect(known.has(entry.paper.id)).toBe(false);
      expectEntryShape(entry, LATEST);
    }
    const after = await list(`?date=${LATEST}`);
    expect(ids(after)).toEqual([...ids(before), ...ids(added)]);
    const again = fake.state.addPapers(LATEST, 2);
    expect(new Set(ids([...after, ...again])).size).toBe(after.length + 2);
  });

  it('makes a new day the latest when papers are added to it', async () => {
    fake.state.addPapers('2026-11-23', 2);
    expect(fake.state.latestDay).toBe('2026-11-23');
    expect(await list('')).toHaveLength(2);
  });

  it('replaces the data with setDays and changes papers with updatePaper', async () => {
    const entries = makeDay('2026-12-01', 4, { seed: 5 });
    fake.state.setDays({ '2026-12-01': entries });
    expect(ids(await list(''))).toEqual(ids(entries));
    expect(await list(`?date=${LATEST}`)).toEqual([]);
    expect(fake.state.updatePaper(entries[0]!.paper.id, { upvotes: 299, numComments: 9 })).toBe(1);
    const [first] = await list('');
    expect([first!.paper.upvotes, first!.numComments]).toEqual([299, 9]);
    expect(entries[0]!.paper.upvotes).not.toBe(299); // the fake keeps its own copy
  });

  it('serves deliberately malformed entries as they are, on every endpoint', async () => {
    const [good] = makeDay(LATEST, 1);
    fake.state.setDays({ [LATEST]: [good!, { junk: true }, { paper: { id: 7, upvotes: 'lots' } }, 42, null] });
    expect(await list('')).toEqual([good, { junk: true }, { paper: { id: 7, upvotes: 'lots' } }, 42, null]);
    expect(await list('?sort=trending')).toHaveLength(5);
    expect((await get('/api/papers/search?q=the')).status).toBe(200);
    expect((await get(`/api/papers/${good!.paper.id}`)).body).toEqual(good!.paper);
  });

  it('logs requests and clears the log', async () => {
    fake.state.clearRequests();
    await get('/api/daily_papers?date=2026-11-20&limit=5');
    await get('/api/papers/search?q=x');
    expect(fake.state.requests.map((r) => [r.path, r.query])).toEqual([
      ['/api/daily_papers', { date: '2026-11-20', limit: '5' }],
      ['/api/papers/search', { q: 'x' }],
    ]);
    expect(typeof fake.state.requests[0]!.time).toBe('number');
    fake.state.clearRequests();
    expect(fake.state.requests).toEqual([]);
  });

  it('runs standalone and prints its URL', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../support/fake-hf.mjs', import.meta.url)), '--port', '0']);
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const url = line.toString().trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/api/daily_papers`, { headers: { Connection: 'close' } });
      expect(await res.json()).toHaveLength(FIXTURE_DAYS[LATEST]);
    } finally {
      child.kill();
    }
  });

  it('starts with given days and closes promptly with idle keep-alive connections', async () => {
    const own = await startFakeHf({ days: { '2026-01-05': makeDay('2026-01-05', 2) } });
    try {
      const res = await fetch(`${own.url}/api/daily_papers`);
      expect(await res.json()).toHaveLength(2);
    } finally {
      const started = Date.now();
      await own.close();
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });
});
