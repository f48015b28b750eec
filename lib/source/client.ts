import { parseEntries, type EntryContext, type Paper } from './entry';

export type ApiErrorKind = 'offline' | 'network' | 'timeout' | 'http' | 'rate-limited' | 'invalid';

/** A failed request, typed so that sync and badge can say what happened. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; retryAt?: number } = {},
  ) {
    super(message);
  }
}

export interface ListingQuery {
  date?: string;
  week?: string;
  month?: string;
  sort?: 'trending';
  /** Stop after this many pages even if the last one was full. */
  maxPages?: number;
}

export interface ClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  pageSize?: number;
  now?: () => number;
  isOnline?: () => boolean;
  /** No request starts, and none runs on, after this time (ms, on `now`'s clock): a bound on a whole sync. */
  deadline?: number;
}

export interface ListingResult {
  papers: Paper[];
  skipped: number;
  /** Ids of the entries kept with a field given a stand-in. */
  partialIds: string[];
  problems: string[];
  requests: number;
}

export const PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 20_000;
// The longest listing, a month, is about 1,500-2,500 papers (15-25 pages): twice that, and no more
// requests than that for a source that sends full pages of new ids for ever.
export const MAX_LISTING_PAGES = 50;
/** A full page of 100 entries is about 0.55 MB; reading stops well past that. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Entries read from one page, however many the source sends (it is asked for at most 100). */
const MAX_PAGE_ENTRIES = 2 * PAGE_SIZE;
const MAX_PROBLEMS = 5;
/** HF's rate-limit window; the wait when a 429 names no reset time. */
const DEFAULT_RATE_LIMIT_WAIT_S = 300;
/** The longest wait a source may ask for: a wrong or hostile header must not stop syncing for years. */
const MAX_RATE_LIMIT_WAIT_MS = 3_600_000;

export function listingUrl(source: string, query: ListingQuery, page: number, limit: number): string {
  const url = new URL('api/daily_papers', `${source.replace(/\/+$/, '')}/`);
  if (query.date) url.searchParams.set('date', query.date);
  if (query.week) url.searchParams.set('week', query.week);
  if (query.month) url.searchParams.set('month', query.month);
  if (query.sort) url.searchParams.set('sort', query.sort);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('p', String(page));
  return url.href;
}

/**
 * When a rate limit ends, from `RateLimit: "api";r=0;t=<seconds>` or `Retry-After`
 * (seconds or an HTTP date); HF's 5-minute window when neither says. Never more than an hour away.
 */
export function rateLimitResetAt(headers: Headers, now: number): number {
  return Math.min(now + MAX_RATE_LIMIT_WAIT_MS, askedResetAt(headers, now));
}

function askedResetAt(headers: Headers, now: number): number {
  const rateLimit = headers.get('RateLimit');
  const seconds = rateLimit?.match(/(?:^|;)\s*t=(\d+)/)?.[1];
  if (seconds !== undefined) return now + Number(seconds) * 1000;
  const retryAfter = headers.get('Retry-After')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(now, date);
  }
  return now + DEFAULT_RATE_LIMIT_WAIT_S * 1000;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError('invalid', `The source sent an answer larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

/**
 * A response's text, read as it streams in and given up (the rest never downloaded) once it
 * passes `maxBytes`, so that a source cannot make Paperboy hold an answer of any size.
 */
export async function readBodyText(response: Response, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * One GET of JSON from the source, the only way Paperboy asks it anything: no credentials, a
 * timeout (and the whole sync's deadline), the body read up to MAX_BODY_BYTES, and every failure
 * an ApiError (a 429 with when the rate limit ends).
 */
export function requestJson(url: string, options: ClientOptions = {}): Promise<unknown> {
  return request(url, defaults(options));
}

async function request(url: string, options: Required<ClientOptions>): Promise<unknown> {
  const timeLeft = options.deadline - options.now();
  if (timeLeft <= 0) throw new ApiError('timeout', 'The sync ran out of time before the source had answered everything');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(options.timeoutMs, timeLeft));
  try {
    const response = await options.fetch(url, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
      credentials: 'omit',
    });
    if (response.status === 429) {
      const retryAt = rateLimitResetAt(response.headers, options.now());
      throw new ApiError('rate-limited', 'The source is rate-limiting requests', { status: 429, retryAt });
    }
    if (!response.ok) {
      throw new ApiError('http', `The source answered HTTP ${response.status}`, { status: response.status });
    }
    const body = await readBodyText(response);
    try {
      return JSON.parse(body);
    } catch {
      throw new ApiError('invalid', body.trim() ? 'The source sent something that is not JSON' : 'The source sent an empty answer');
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (controller.signal.aborted && timeLeft < options.timeoutMs) {
      throw new ApiError('timeout', 'The sync ran out of time before the source had answered everything');
    }
    if (controller.signal.aborted) {
      throw new ApiError('timeout', `The source did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
    }
    if (!options.isOnline()) throw new ApiError('offline', 'This computer is offline');
    throw new ApiError('network', 'The source could not be reached');
  } finally {
    clearTimeout(timer);
  }
}

function defaults(options: ClientOptions): Required<ClientOptions> {
  return {
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    pageSize: options.pageSize ?? PAGE_SIZE,
    now: options.now ?? Date.now,
    isOnline: options.isOnline ?? (() => globalThis.navigator?.onLine !== false),
    deadline: options.deadline ?? Number.POSITIVE_INFINITY,
  };
}

const MAX_SEARCH_QUERY = 250;
const SEARCH_LIMIT = 50;

function searchUrl(source: string, query: string, limit = SEARCH_LIMIT): string {
  const url = new URL('api/papers/search', `${source.replace(/\/+$/, '')}/`);
  url.searchParams.set('q', query.trim().slice(0, MAX_SEARCH_QUERY));
  url.searchParams.set('limit', String(limit));
  return url.href;
}

/** HF's own paper search (`/api/papers/search?q=`): entries in the listing's shape, validated. */
export async function searchPapers(source: string, query: string, clientOptions: ClientOptions = {}): Promise<ListingResult> {
  const options = defaults(clientOptions);
  const body = await request(searchUrl(source, query), options);
  if (!Array.isArray(body)) throw new ApiError('invalid', 'The source answered with something other than a list of papers');
  const result: ListingResult = { papers: [], skipped: 0, partialIds: [], problems: [], requests: 1 };
  addPage(result, body, { now: options.now() });
  return result;
}

/**
 * Validates one page into `result` (the first MAX_PAGE_ENTRIES entries; more are counted as
 * skipped, not read); duplicate ids keep their first place. Answers how many papers were new.
 */
function addPage(result: ListingResult, body: readonly unknown[], context: EntryContext, seen = new Set(result.papers.map((paper) => paper.id))): number {
  const ignored = Math.max(0, body.length - MAX_PAGE_ENTRIES);
  const parsed = parseEntries(ignored > 0 ? body.slice(0, MAX_PAGE_ENTRIES) : body, context);
  result.skipped += parsed.skipped + ignored;
  result.partialIds.push(...parsed.partialIds);
  const problems = ignored > 0 ? [`a page of ${body.length} entries: only the first ${MAX_PAGE_ENTRIES} were read`, ...parsed.problems] : parsed.problems;
  result.problems.push(...problems.slice(0, Math.max(0, MAX_PROBLEMS - result.problems.length)));
  let added = 0;
  for (const paper of parsed.papers) {
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    result.papers.push(paper);
    added += 1;
  }
  return added;
}

/**
 * Fetches one listing, page by page until a short page, validating each page as it
 * arrives so that memory stays bounded by what is kept. Duplicate ids keep their first place.
 * A page that brings no new paper ends it too: a source answering the same full page to every
 * `p` would otherwise cost a request per page up to the cap.
 */
export async function fetchListing(source: string, query: ListingQuery, clientOptions: ClientOptions = {}): Promise<ListingResult> {
  const options = defaults(clientOptions);
  const result: ListingResult = { papers: [], skipped: 0, partialIds: [], problems: [], requests: 0 };
  const seen = new Set<string>();
  const maxPages = Math.min(query.maxPages ?? MAX_LISTING_PAGES, MAX_LISTING_PAGES);
  for (let page = 0; page < maxPages; page += 1) {
    const body = await request(listingUrl(source, query, page, options.pageSize), options);
    result.requests += 1;
    if (!Array.isArray(body)) {
      throw new ApiError('invalid', 'The source answered with something other than a list of papers');
    }
    const added = addPage(result, body, { day: query.date, now: options.now() }, seen);
    if (body.length < options.pageSize || added === 0) break;
  }
  return result;
}
