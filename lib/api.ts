import { parseEntries, type Paper } from './paper';

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
}

export interface ListingResult {
  papers: Paper[];
  skipped: number;
  problems: string[];
  requests: number;
}

export const PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_PAGES = 200;
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

async function requestJson(url: string, options: Required<ClientOptions>): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
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
    const body = await response.text();
    try {
      return JSON.parse(body);
    } catch {
      throw new ApiError('invalid', body.trim() ? 'The source sent something that is not JSON' : 'The source sent an empty answer');
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
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
  };
}

const MAX_SEARCH_QUERY = 250;
const SEARCH_LIMIT = 50;

export function searchUrl(source: string, query: string, limit = SEARCH_LIMIT): string {
  const url = new URL('api/papers/search', `${source.replace(/\/+$/, '')}/`);
  url.searchParams.set('q', query.trim().slice(0, MAX_SEARCH_QUERY));
  url.searchParams.set('limit', String(limit));
  return url.href;
}

/** HF's own paper search (`/api/papers/search?q=`): entries in the listing's shape, validated. */
export async function searchPapers(source: string, query: string, clientOptions: ClientOptions = {}): Promise<ListingResult> {
  const options = defaults(clientOptions);
  const body = await requestJson(searchUrl(source, query), options);
  if (!Array.isArray(body)) throw new ApiError('invalid', 'The source answered with something other than a list of papers');
  const parsed = parseEntries(body);
  return { ...parsed, requests: 1 };
}

/**
 * Fetches one listing, page by page until a short page, validating each page as it
 * arrives so that memory stays bounded by what is kept. Duplicate ids keep their first place.
 */
export async function fetchListing(
  source: string,
  query: ListingQuery,
  clientOptions: ClientOptions = {},
): Promise<ListingResult> {
  const options = defaults(clientOptions);
  const result: ListingResult = { papers: [], skipped: 0, problems: [], requests: 0 };
  const seen = new Set<string>();
  const maxPages = query.maxPages ?? DEFAULT_MAX_PAGES;
  for (let page = 0; page < maxPages; page += 1) {
    const body = await requestJson(listingUrl(source, query, page, options.pageSize), options);
    result.requests += 1;
    if (!Array.isArray(body)) {
      throw new ApiError('invalid', 'The source answered with something other than a list of papers');
    }
    const parsed = parseEntries(body);
    result.skipped += parsed.skipped;
    result.problems.push(...parsed.problems.slice(0, 5 - result.problems.length));
    for (const paper of parsed.papers) {
      if (seen.has(paper.id)) continue;
      seen.add(paper.id);
      result.papers.push(paper);
    }
    if (body.length < options.pageSize) break;
  }
  return result;
}
