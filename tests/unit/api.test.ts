import { describe, expect, it, vi } from 'vitest';
import { ApiError, fetchListing, listingUrl, rateLimitResetAt } from '@/lib/api';
import { makeDay } from '../support/generate-papers.mjs';

const SOURCE = 'https://huggingface.co';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

/** A fetch that pages through `entries` the way the API does. */
function pagingFetch(entries: unknown[]) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const page = Number(url.searchParams.get('p'));
    const limit = Number(url.searchParams.get('limit'));
    return json(entries.slice(page * limit, (page + 1) * limit));
  });
}

describe('listingUrl', () => {
  it.each([
    [{ date: '2026-11-20' }, 0, 'https://huggingface.co/api/daily_papers?date=2026-11-20&limit=100&p=0'],
    [{ sort: 'trending' as const }, 1, 'https://huggingface.co/api/daily_papers?sort=trending&limit=100&p=1'],
    [{ week: '2026-W47' }, 0, 'https://huggingface.co/api/daily_papers?week=2026-W47&limit=100&p=0'],
    [{ month: '2026-11' }, 0, 'https://huggingface.co/api/daily_papers?month=2026-11&limit=100&p=0'],
    [{}, 0, 'https://huggingface.co/api/daily_papers?limit=100&p=0'],
  ])('builds %j page %i', (query, page, expected) => {
    expect(listingUrl(SOURCE, query, page, 100)).toBe(expected);
  });

  it('keeps a mirror path prefix', () => {
    expect(listingUrl('https://example.org/hf/', {}, 0, 100)).toBe('https://example.org/hf/api/daily_papers?limit=100&p=0');
  });
});

describe('rateLimitResetAt', () => {
  it.each([
    [{ RateLimit: '"api";r=0;t=120' }, NOW + 120_000],
    [{ RateLimit: '"api";r=0;t=7', 'Retry-After': '999' }, NOW + 7_000],
    [{ 'Retry-After': '30' }, NOW + 30_000],
    [{ 'Retry-After': 'Thu, 26 Nov 2026 12:10:00 GMT' }, NOW + 600_000],
    [{}, NOW + 300_000],
    [{ 'Retry-After': 'soon' }, NOW + 300_000],
    // A wait is never trusted beyond an hour, however it is written.
    [{ RateLimit: '"api";r=0;t=3600' }, NOW + 3_600_000],
    [{ RateLimit: '"api";r=0;t=3601' }, NOW + 3_600_000],
    [{ RateLimit: '"api";r=0;t=999999999' }, NOW + 3_600_000],
    [{ RateLimit: '"api";r=0;t=9999999999999' }, NOW + 3_600_000],
    [{ RateLimit: `"api";r=0;t=${'9'.repeat(400)}` }, NOW + 3_600_000],
    [{ 'Retry-After': '99999999999999999999' }, NOW + 3_600_000],
    [{ 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }, NOW + 3_600_000],
  ])('reads %j', (headers, expected) => {
    expect(rateLimitResetAt(new Headers(headers), NOW)).toBe(expected);
  });
});

describe('fetchListing', () => {
  it('pages with p until a short page and validates every entry', async () => {
    const entries = makeDay('2026-11-20', 230, { seed: 1 });
    const fetch = pagingFetch(entries);
    const result = await fetchListing(SOURCE, { date: '2026-11-20' }, { fetch });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(result.requests).toBe(3);
    expect(result.papers).toHaveLength(230);
    expect(result.papers[229]!.id).toBe(entries[229]!.paper.id);
  });

  it('asks once more after an exactly full page and stops at the empty one', async () => {
    const fetch = pagingFetch(makeDay('2026-11-20', 100, { seed: 1 }));
    const result = await fetchListing(SOURCE, {}, { fetch });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(result.papers).toHaveLength(100);
  });

  it('stops at maxPages', async () => {
    const fetch = pagingFetch(makeDay('2026-11-20', 300, { seed: 1 }));
    const result = await fetchListing(SOURCE, { sort: 'trending', maxPages: 1 }, { fetch });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(result.papers).toHaveLength(100);
  });

  it('keeps one copy of a paper repeated across pages', async () => {
    const entries = makeDay('2026-11-20', 3, { seed: 1 });
    const fetch = pagingFetch([...entries, entries[0]]);
    const result = await fetchListing(SOURCE, {}, { fetch, pageSize: 3 });
    expect(result.papers.map((paper) => paper.id)).toEqual(entries.map((entry: { paper: { id: string } }) => entry.paper.id));
  });

  it('skips and counts malformed entries', async () => {
    const entries = [...makeDay('2026-11-20', 2, { seed: 1 }), { paper: { id: 'nope' } }, 7];
    const result = await fetchListing(SOURCE, {}, { fetch: pagingFetch(entries) });
    expect(result.papers).toHaveLength(2);
    expect(result.skipped).toBe(2);
    expect(result.problems[0]).toMatch(/entry 2/);
  });

  const failWith = (response: Response | Error) =>
    vi.fn(async () => {
      if (response instanceof Error) throw response;
      return response;
    });

  it.each([
    ['a JSON object', json({ error: 'Invalid date' }), 'invalid', /other than a list/],
    ['a non-JSON body', new Response('<html>Bad gateway</html>', { status: 200 }), 'invalid', /not JSON/],
    ['an empty body', new Response('', { status: 200 }), 'invalid', /empty/],
    ['HTTP 500', new Response('oops', { status: 500 }), 'http', /HTTP 500/],
    ['HTTP 400', json({ error: 'bad' }, { status: 400 }), 'http', /HTTP 400/],
    ['a network failure', new TypeError('Failed to fetch'), 'network', /could not be reached/],
  ])('fails with a typed error on %s', async (_name, answer, kind, message) => {
    const error = await fetchListing(SOURCE, {}, { fetch: failWith(answer) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind });
    expect((error as ApiError).message).toMatch(message);
  });

  it('reports a rate limit with the reset time', async () => {
    const answer = new Response('{}', { status: 429, headers: { RateLimit: '"api";r=0;t=120' } });
    const error = await fetchListing(SOURCE, {}, { fetch: failWith(answer), now: () => NOW }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAt: NOW + 120_000 } });
  });

  it('calls a network failure "offline" when the browser says it is offline', async () => {
    const error = await fetchListing(SOURCE, {}, { fetch: failWith(new TypeError('x')), isOnline: () => false }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'offline' });
  });

  it('gives up after the timeout', async () => {
    const hanging = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const error = await fetchListing(SOURCE, {}, { fetch: hanging, timeoutMs: 20 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('sends no cookies', async () => {
    const fetch = pagingFetch([]);
    await fetchListing(SOURCE, {}, { fetch });
    expect((fetch.mock.calls[0] as unknown[])[1]).toMatchObject({ credentials: 'omit' });
  });
});
