// A stand-in for huggingface.co's Daily Papers API, for tests, the offline demo and benchmarks.
// It follows /work/shared/docs/hf-api.md: the same paths, parameters, shapes and failure modes,
// with deterministic data and a control API (`state`) that tests in the same process drive.
//
// Standalone: `node tests/support/fake-hf.mjs [--port 8787]` prints its URL and serves until killed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { applyOverrides, IDS_PER_DAY, makeEntry, paperId } from './generate-papers.mjs';
import { FIXTURE_DAYS, FIXTURE_SEED, fixturePath } from './write-fixtures.mjs';

/** @typedef {import('./generate-papers.mjs').HfEntry} HfEntry */
/** @typedef {'500' | '429' | 'non-json' | 'object' | 'empty' | 'hang' | 'reset'} FailureMode */
/** @typedef {{ method: string, path: string, query: Record<string, string>, headers: http.IncomingHttpHeaders, time: number }} LoggedRequest */
/** @typedef {{ status: number, body: string, headers?: Record<string, string> }} Reply */

/** @type {readonly FailureMode[]} */
export const FAILURE_MODES = ['500', '429', 'non-json', 'object', 'empty', 'hang', 'reset'];

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const MAX_SEARCH_LIMIT = 120;
const MAX_QUERY_LENGTH = 250;
/** Trending looks back this many days from the latest listing day when no period is given. */
const TRENDING_WINDOW_DAYS = 7;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, RateLimit, RateLimit-Policy, Retry-After',
};

/**
 * The committed recorded listings on the calendar days they were recorded, freshly parsed so
 * each server owns its copy. Only for tests whose clock is injected and set near those days.
 */
export function loadRecordedDays() {
  /** @type {Record<string, HfEntry[]>} */
  const days = {};
  for (const day of Object.keys(FIXTURE_DAYS)) days[day] = JSON.parse(readFileSync(fixturePath(day), 'utf8'));
  return days;
}

/** Today as a UTC listing day, by the clock (which a test may move). */
const clockDay = () => new Date().toISOString().slice(0, 10);

/** The weekday before `day` (HF lists nothing at weekends), as lib/sync/plan.ts previousWeekday. */
export function weekdayBefore(day) {
  let previous = addDays(day, -1);
  while ([0, 6].includes(new Date(`${previous}T00:00:00Z`).getUTCDay())) previous = addDays(previous, -1);
  return previous;
}

/**
 * The listing days the recorded fixtures stand for when today is `today`, newest first: the
 * weekdays before today, so they are recent (not settled, inside every refresh window) on any
 * date the tests run, and today's own listing is left for tests to fill.
 * @param {string} [today] YYYY-MM-DD (UTC); the clock's day by default
 */
export function fixtureDaysBefore(today = clockDay()) {
  if (!isDay(today)) throw new TypeError(`fake-hf: not a day: ${today}`);
  const days = [];
  for (let day = today; days.length < Object.keys(FIXTURE_DAYS).length; ) days.push((day = weekdayBefore(day)));
  return days;
}

/**
 * The last weekday on or before the day `daysBack` days before today: with the default, a
 * settled day (older than the two weeks sync re-reads) well inside the default 90-day retention.
 * @param {number} [daysBack] @param {string} [today] YYYY-MM-DD (UTC); the clock's day by default
 */
export function pastWeekday(daysBack = 30, today = clockDay()) {
  if (!isDay(today)) throw new TypeError(`fake-hf: not a day: ${today}`);
  return weekdayBefore(addDays(today, -daysBack + 1));
}

/** Moves an ISO time by whole days; anything else is left as it is. */
function shiftIso(value, deltaDays) {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? value : new Date(time + deltaDays * DAY_MS).toISOString();
}

/**
 * The recorded listings relabelled onto fixtureDaysBefore(today): the newest recording becomes
 * the weekday before today, the next one the weekday before that, and each entry's listing and
 * publication times move with its day. Ids and everything else stay as recorded.
 * @param {string} [today] YYYY-MM-DD (UTC); the clock's day by default
 */
export function loadFixtureDays(today) {
  const recorded = loadRecordedDays();
  const targets = fixtureDaysBefore(today);
  /** @type {Record<string, HfEntry[]>} */
  const days = {};
  Object.keys(recorded)
    .sort()
    .reverse()
    .forEach((from, index) => {
      const to = /** @type {string} */ (targets[index]);
      const delta = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
      days[to] = (recorded[from] ?? []).map((entry) => {
        entry.publishedAt = shiftIso(entry.publishedAt, delta);
        if (entry.paper) {
          entry.paper.publishedAt = shiftIso(entry.paper.publishedAt, delta);
          entry.paper.submittedOnDailyAt = shiftIso(entry.paper.submittedOnDailyAt, delta);
        }
        return entry;
      });
    });
  return days;
}

// ---------------------------------------------------------------------------------------------
// Days and parameters

/** @param {string} value */
function isDay(value) {
  if (!DAY_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** @param {string} day @param {number} delta */
function addDays(day, delta) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10);
}

/** The seven days of ISO week `YYYY-Www`, or undefined when there is no such week. */
function isoWeekDays(value) {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // Week 1 is the week holding 4 January; a year has 53 weeks when 28 December is in week 53.
  const monday = (y) => {
    const jan4 = Date.UTC(y, 0, 4);
    return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  };
  const weeksInYear = Math.round((monday(year + 1) - monday(year)) / (7 * DAY_MS));
  if (week < 1 || week > weeksInYear) return undefined;
  const first = new Date(monday(year) + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/**
 * A whole number in [min, max], the fallback when absent, or undefined when malformed.
 * @param {string | null} raw @param {number} fallback @param {number} min @param {number} max
 */
function intParam(raw, fallback, min, max) {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Replies

/** @param {number} status @param {unknown} value @returns {Reply} */
function json(status, value) {
  return { status, body: JSON.stringify(value) };
}

/** @param {number} status @param {string} message @returns {Reply} */
function error(status, message) {
  return json(status, { error: message });
}

/** Express-style weak ETag: length and a hash of the body, as the Hub sends. */
function weakEtag(body) {
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return `W/"${Buffer.byteLength(body).toString(16)}-${hash}"`;
}

/** @param {FailureMode} mode @returns {Reply} */
function failureReply(mode) {
  switch (mode) {
    case '500':
      return error(500, "Internal Error - We're working hard to fix this as soon as possible!");
    case '429':
      return {
        ...error(429, 'You have exceeded our API rate limit. Try again later.'),
        headers: { RateLimit: '"api";r=0;t=120', 'RateLimit-Policy': '"fixed window";"api";q=500;w=300' },
      };
    case 'non-json':
      // What a proxy, captive portal or outage page answers: 200 with HTML.
      return {
        status: 200,
        body: '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>',
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      };
    case 'object':
      return error(200, 'Something went wrong');
    case 'empty':
      // A 200 with no body at all (an empty list is just a day without papers: use setDays or date).
      return { status: 200, body: '' };
    default:
      throw new Error(`fake-hf: ${mode} has no reply`);
  }
}

// ---------------------------------------------------------------------------------------------
// The data set. Tests may store malformed entries on purpose (to see a client skip them), so
// everything here reads entries defensively and serves them as they are.

/** @param {unknown} entry @returns {string | undefined} */
function idOf(entry) {
  const id = /** @type {{ paper?: { id?: unknown } } | null} */ (entry)?.paper?.id;
  return typeof id === 'string' ? id : undefined;
}

/** @param {unknown} value */
const num = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
/** @param {unknown} value */
const text = (value) => (typeof value === 'string' ? value : '');

/** @param {Record<string, readonly unknown[]>} initial */
function createStore(initial) {
  /** @type {Map<string, HfEntry[]>} */
  let days = new Map();

  /** @param {Record<string, readonly unknown[]>} record entries, well-formed or deliberately not */
  function setDays(record) {
    for (const day of Object.keys(record)) if (!isDay(day)) throw new TypeError(`fake-hf: not a day: ${day}`);
    // Stored as entries; malformed ones stay malformed and the readers below tolerate them.
    days = new Map(Object.entries(/** @type {Record<string, HfEntry[]>} */ (structuredClone(record))));
  }

  /** Listing days that have papers, newest first. */
  const sortedDays = () =>
    [...days.keys()]
      .filter((d) => (days.get(d)?.length ?? 0) > 0)
      .sort()
      .reverse();

  /**
   * Entries of the given days, newest day first, each paper once (its newest listing wins).
   * @param {Iterable<string>} wanted
   */
  function entriesOf(wanted) {
    const seen = new Set();
    const out = [];
    for (const day of [...wanted].sort().reverse()) {
      for (const entry of days.get(day) ?? []) {
        const id = idOf(entry);
        if (id !== undefined && seen.has(id)) continue;
        seen.add(id);
        out.push(entry);
      }
    }
    return out;
  }

  /** @param {string} day @param {number} count */
  function addPapers(day, count) {
    if (!isDay(day)) throw new TypeError(`fake-hf: not a day: ${day}`);
    const taken = new Set([...days.values()].flat().map(idOf));
    const list = days.get(day) ?? [];
    const added = [];
    // Continue the day's index sequence, skipping ids already used anywhere.
    for (let index = list.length; added.length < count; index++) {
      if (index >= IDS_PER_DAY) throw new RangeError(`fake-hf: no ids left for ${day}`);
      const id = paperId(day, index);
      if (taken.has(id)) continue;
      added.push(makeEntry({ id, day, seed: FIXTURE_SEED }));
    }
    days.set(day, [...list, ...added]);
    return structuredClone(added);
  }

  /** @param {string} id @param {Record<string, unknown>} changes */
  function updatePaper(id, changes) {
    let updated = 0;
    for (const entry of [...days.values()].flat()) {
      if (idOf(entry) !== id) continue;
      applyOverrides(entry, structuredClone(changes));
      updated++;
    }
    return updated;
  }

  setDays(initial);
  return {
    setDays,
    addPapers,
    updatePaper,
    entriesOf,
    sortedDays,
    snapshot: () => Object.fromEntries(structuredClone([...days.entries()])),
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */

/**
 * A deterministic "trending" score: engagement decayed by the paper's age at the end of the
 * newest day in view. It is not upvote order because comments and stars count and because
 * older arXiv papers decay, which is the point: clients must not assume trending = upvotes.
 * @param {HfEntry} entry @param {number} now
 */
export function trendingScore(entry, now) {
  const paper = entry?.paper ?? {};
  const published = Date.parse(text(paper.publishedAt));
  const ageDays = Number.isNaN(published) ? TRENDING_WINDOW_DAYS : Math.max(0, (now - published) / DAY_MS);
  const engagement = num(paper.upvotes) + 3 * num(entry?.numComments) + Math.log2(1 + num(paper.githubStars));
  return engagement / (ageDays + 2) ** 1.5;
}

/** @param {HfEntry[]} entries */
function byTrending(entries) {
  const newest = entries.reduce((max, e) => Math.max(max, Date.parse(text(e?.paper?.submittedOnDailyAt)) || 0), 0);
  const now = newest + DAY_MS;
  return entries
    .map((entry) => ({ entry, score: trendingScore(entry, now) }))
    .sort((a, b) => b.score - a.score || text(idOf(a.entry)).localeCompare(text(idOf(b.entry))))
    .map(({ entry }) => entry);
}

/**
 * The entries a listing query asks for, before paging, or an error reply.
 * @param {Store} store @param {URLSearchParams} query @returns {HfEntry[] | Reply}
 */
function selectListing(store, query) {
  const date = query.get('date');
  const week = query.get('week');
  const month = query.get('month');
  const trending = query.get('sort') === 'trending';
  if (date !== null) {
    return isDay(date) ? store.entriesOf([date]) : error(400, `Invalid date: ${date}. Expected YYYY-MM-DD.`);
  }
  if (week !== null) {
    const days = isoWeekDays(week);
    return days ? store.entriesOf(days) : error(400, `Invalid week: ${week}. Expected YYYY-Www.`);
  }
  if (month !== null) {
    if (!MONTH_PATTERN.test(month)) return error(400, `Invalid month: ${month}. Expected YYYY-MM.`);
    return store.entriesOf(store.sortedDays().filter((d) => d.startsWith(`${month}-`)));
  }
  const latest = store.sortedDays()[0];
  if (!latest) return [];
  if (!trending) return store.entriesOf([latest]);
  const oldest = addDays(latest, -(TRENDING_WINDOW_DAYS - 1));
  return store.entriesOf(store.sortedDays().filter((d) => d >= oldest));
}

// ---------------------------------------------------------------------------------------------
// Hugging Face's CDN. Entries point their thumbnail, media and avatars at HF's hosts, which the
// extension alone may load images from; a test routes those hosts here (e2e: context.route), as
// `/__media/<host>/<path>`.

/** A 1×1 PNG: any image the CDN serves. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const MEDIA_TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/png', mp4: 'video/mp4' };

/**
 * The fake's address of an image on one of HF's hosts.
 * @param {string} fakeUrl the fake's base URL @param {string} hfUrl
 */
export function mediaPath(fakeUrl, hfUrl) {
  const url = new URL(hfUrl);
  return `${fakeUrl}/__media/${url.hostname}${url.pathname}`;
}

/**
 * @param {http.ServerResponse} res @param {string} path `/__media/<host>/<path>`
 * @param {(path: string) => boolean} broken
 */
function sendMedia(res, path, broken) {
  const type = MEDIA_TYPES[/** @type {keyof typeof MEDIA_TYPES} */ (path.split('.').pop()?.toLowerCase() ?? '')];
  if (!type || broken(path)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    return;
  }
  // Videos are never fetched by the tests (preload="none"): a few bytes stand for one.
  const body = type === 'video/mp4' ? Buffer.alloc(16) : TINY_PNG;
  res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': type, 'Content-Length': String(body.length), 'Cache-Control': 'max-age=3600' }).end(body);
}

/** GET /api/daily_papers */
function listDailyPapers(store, query) {
  const limit = intParam(query.get('limit'), DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (limit === undefined) return error(400, `limit must be an integer between 1 and ${MAX_LIMIT}`);
  const page = intParam(query.get('p'), 0, 0, Number.MAX_SAFE_INTEGER);
  if (page === undefined) return error(400, 'p must be a non-negative integer');
  const sort = query.get('sort') ?? 'publishedAt';
  if (sort !== 'publishedAt' && sort !== 'trending') return error(400, `Invalid sort: ${sort}`);

  const selected = selectListing(store, query);
  if (!Array.isArray(selected)) return selected;
  const submitter = query.get('submitter');
  const filtered = submitter === null ? selected : selected.filter((e) => e?.submittedBy?.name === submitter);
  const ordered = sort === 'trending' ? byTrending(filtered) : filtered;
  return json(200, ordered.slice(page * limit, (page + 1) * limit));
}

/** GET /api/papers/search?q= : case-insensitive substring over title and abstract. */
function searchPapers(store, query) {
  const q = query.get('q')?.trim() ?? '';
  if (q === '') return error(400, 'q is required');
  if (q.length > MAX_QUERY_LENGTH) return error(400, `q must be at most ${MAX_QUERY_LENGTH} characters`);
  const limit = intParam(query.get('limit'), DEFAULT_LIMIT, 1, MAX_SEARCH_LIMIT);
  if (limit === undefined) return error(400, `limit must be an integer between 1 and ${MAX_SEARCH_LIMIT}`);
  const needle = q.toLowerCase();
  const hits = store.entriesOf(store.sortedDays()).filter((e) => `${text(e?.paper?.title)}\n${text(e?.paper?.summary)}`.toLowerCase().includes(needle));
  return json(200, hits.slice(0, limit));
}

/** GET /api/papers/{id}: the bare paper object. */
function getPaper(store, id) {
  const entry = store.entriesOf(store.sortedDays()).find((e) => idOf(e) === id);
  return entry ? json(200, entry.paper) : error(404, 'Paper not found');
}

/**
 * GET /api/arxiv/{id}/repos: what a test set for the paper (any body, as sent), else no models,
 * datasets or Spaces for a listed paper; 404 for one never listed.
 * @param {Store} store @param {Map<string, unknown>} linkedRepos @param {string} id
 */
function getLinkedRepos(store, linkedRepos, id) {
  if (linkedRepos.has(id)) return json(200, linkedRepos.get(id));
  const listed = store.entriesOf(store.sortedDays()).some((e) => idOf(e) === id);
  return listed ? json(200, { models: [], datasets: [], spaces: [] }) : error(404, 'Paper not found');
}

/** @param {Store} store @param {URL} url @param {Map<string, unknown>} [linkedRepos] @returns {Reply} */
function route(store, url, linkedRepos = new Map()) {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/api/daily_papers') return listDailyPapers(store, url.searchParams);
  const repos = /^\/api\/arxiv\/([^/]+)\/repos$/.exec(path);
  if (repos?.[1]) return getLinkedRepos(store, linkedRepos, decodeURIComponent(repos[1]));
  if (path === '/api/papers/search') return searchPapers(store, url.searchParams);
  const paper = /^\/api\/papers\/([^/]+)$/.exec(path);
  if (paper?.[1]) return getPaper(store, decodeURIComponent(paper[1]));
  return error(404, 'Not Found');
}

/** A bug in the fake answers 500 (and says so) instead of crashing the test process. */
function safeRoute(store, url, linkedRepos) {
  try {
    return route(store, url, linkedRepos);
  } catch (cause) {
    console.error('fake-hf: request failed', cause);
    return error(500, `fake-hf bug: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Failure injection

function createFaults() {
  let nextCount = 0;
  /** @type {FailureMode | null} */
  let nextMode = null;
  /** @type {FailureMode | null} */
  let always = null;

  /** @param {unknown} mode */
  function check(mode) {
    if (!FAILURE_MODES.includes(/** @type {FailureMode} */ (mode))) {
      throw new TypeError(`fake-hf: unknown failure mode ${String(mode)}; use one of ${FAILURE_MODES.join(', ')}`);
    }
  }

  return {
    /** @param {number} count @param {FailureMode} [mode] */
    failNext(count, mode = '500') {
      check(mode);
      nextCount = Math.max(0, Math.floor(count));
      nextMode = mode;
    },
    /** @param {FailureMode | null} mode */
    failAlways(mode) {
      if (mode !== null) check(mode);
      always = mode;
    },
    /** The failure for the request being handled, if any; counts down failNext. */
    take() {
      if (nextCount > 0) {
        nextCount--;
        return nextMode;
      }
      return always;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * @param {http.ServerResponse} res @param {Reply} reply @param {string | undefined} ifNoneMatch
 * @param {boolean} conditional
 */
function send(res, reply, ifNoneMatch, conditional) {
  const etag = weakEtag(reply.body);
  const headers = { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ETag: etag, ...reply.headers };
  if (conditional && reply.status === 200 && ifNoneMatch === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'Content-Length': String(Buffer.byteLength(reply.body)) }).end(reply.body);
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function answerPreflight(req, res) {
  res
    .writeHead(204, {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Max-Age': '600',
    })
    .end();
}

/**
 * Starts the fake on 127.0.0.1.
 * @param {{ days?: Record<string, readonly unknown[]>, port?: number, conditional?: boolean }} [options]
 *   `days` (day → entries, malformed ones allowed) replaces the fixtures (loadFixtureDays: the
 *   recorded listings on the weekdays before today);
 *   `conditional` answers a matching If-None-Match with 304 (unverified on the Hub, so off by default).
 */
export async function startFakeHf({ days, port = 0, conditional = false } = {}) {
  const store = createStore(days ?? loadFixtureDays());
  const faults = createFaults();
  /** @type {Map<string, unknown>} */
  const linkedRepos = new Map();
  /** @type {LoggedRequest[]} */
  const requests = [];
  let answersConditional = conditional;
  /** @type {((url: URL) => boolean) | null} */
  let hangWhen = null;
  /** @type {Set<string>} */
  const brokenMedia = new Set();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    // The CDN's images are not the API: left out of the log too.
    if (url.pathname.startsWith('/__media/')) return sendMedia(res, url.pathname, (path) => [...brokenMedia].some((part) => path.includes(part)));
    // Preflights are left out of the log: extension pages with host permissions never send them.
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, time: Date.now() });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, { ...error(405, 'Method Not Allowed'), headers: { Allow: 'GET, HEAD, OPTIONS' } }, undefined, false);
    }
    if (hangWhen?.(url)) return; // answered by close(), which destroys the socket
    const failure = faults.take();
    if (failure === 'hang') return; // answered by close(), which destroys the socket
    if (failure === 'reset') return req.socket.destroy();
    send(res, failure ? failureReply(failure) : safeRoute(store, url, linkedRepos), req.headers['if-none-match'], answersConditional);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake-hf: no TCP address');

  /** @type {Promise<void> | undefined} */
  let closing;
  const state = {
    /** Replaces all listing days. */
    setDays: store.setDays,
    /** Appends `count` new papers with fresh ids to `day`; returns copies of them. */
    addPapers: store.addPapers,
    /** Changes a paper wherever it is listed (see applyOverrides); returns how many entries. */
    updatePaper: store.updatePaper,
    /** A copy of all listing days. */
    get days() {
      return store.snapshot();
    },
    /** The newest listing day that has papers. */
    get latestDay() {
      return store.sortedDays()[0];
    },
    failNext: faults.failNext,
    /**
     * What /api/arxiv/{id}/repos answers for `id` (`{ models, datasets, spaces }`, or anything to
     * test the client's leniency).
     * @param {string} id @param {unknown} body
     */
    setLinkedRepos(id, body) {
      linkedRepos.set(id, structuredClone(body));
    },
    /**
     * Leaves matching requests unanswered (until close), e.g. one page of a listing, so a test
     * can stop the extension's worker mid-sync. `null` answers everything again.
     * @param {((url: URL) => boolean) | null} predicate
     */
    hangWhen(predicate) {
      hangWhen = predicate;
    },
    failAlways: faults.failAlways,
    /** Images whose path holds one of these parts answer 404 (a thumbnail gone from the CDN). */
    brokenMedia,
    /** @param {boolean} on */
    setConditional(on) {
      answersConditional = on;
    },
    /** Every non-preflight request so far, oldest first. */
    requests,
    clearRequests() {
      requests.length = 0;
    },
  };

  return {
    url: `http://127.0.0.1:${address.port}`,
    state,
    /** Stops listening and drops every connection, idle keep-alive and hanging ones included. */
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** @param {string[]} argv */
function portFromArgs(argv) {
  const at = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (at === -1) return 8787;
  const raw = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`fake-hf: bad --port ${raw}`);
  return port;
}

async function main() {
  const fake = await startFakeHf({ port: portFromArgs(process.argv.slice(2)) });
  console.log(fake.url);
  console.error(`fake Hugging Face API serving days ${Object.keys(fake.state.days).join(', ')}; Ctrl-C to stop`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
