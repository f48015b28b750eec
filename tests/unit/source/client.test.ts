import { describe, expect, it, vi } from 'vitest';
import { ApiError, fetchListing, listingUrl, MAX_BODY_BYTES, rateLimitResetAt, readBodyText, searchPapers } from '@/lib/source/client';
import { addDays, utcDay } from '@/lib/core/dates';
import { makeDay, makeEntry, paperId } from '../../support/generate-papers.mjs';

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

describe('what the source cannot make Paperboy do', () => {
  const MB = 1024 * 1024;

  /** A body that streams 1 MB chunks for ever, counting how many were pulled. */
  function endlessBody() {
    const counter = { pulls: 0 };
    const chunk = new TextEncoder().encode(`[${'0,'.repeat(MB / 2 - 1)}0`.padEnd(MB, ' '));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        counter.pulls += 1;
        controller.enqueue(chunk);
      },
    });
    return { counter, stream };
  }

  it('stops reading a streamed body once it passes the cap', async () => {
    const { counter, stream } = endlessBody();
    const error = await fetchListing(SOURCE, {}, { fetch: vi.fn(async () => new Response(stream, { status: 200 })) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid', message: 'The source sent an answer larger than 4 MB' });
    // The cap and a chunk or two the stream had queued ahead: never the endless rest.
    expect(counter.pulls).toBeGreaterThan(MAX_BODY_BYTES / MB);
    expect(counter.pulls).toBeLessThanOrEqual(MAX_BODY_BYTES / MB + 3);
  });

  it('refuses a body that announces more than the cap without reading it', async () => {
    const { counter, stream } = endlessBody();
    const response = new Response(stream, { status: 200, headers: { 'Content-Length': String(50 * MB) } });
    await expect(readBodyText(response)).rejects.toMatchObject({ kind: 'invalid' });
    expect(counter.pulls).toBeLessThanOrEqual(1);
  });

  it('reads a body in chunks, characters split across them included', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(['日本語 — é']));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 3) controller.enqueue(bytes.slice(at, at + 3));
        controller.close();
      },
    });
    expect(await readBodyText(new Response(stream))).toBe('["日本語 — é"]');
  });

  it('reads only the first 200 entries of a page of a million, counting the rest as skipped', async () => {
    const good = makeDay('2026-11-20', 3, { seed: 1 });
    const page = [...good, ...new Array(1_000_000 - 3).fill(0)];
    const fetch = vi.fn(async (input: RequestInfo | URL) => json(new URL(String(input)).searchParams.get('p') === '0' ? page : []));
    const result = await fetchListing(SOURCE, { date: '2026-11-20' }, { fetch, now: () => NOW });
    expect(result.papers).toHaveLength(3);
    expect(result.skipped).toBe(1_000_000 - 3);
    expect(result.problems[0]).toMatch(/1000000 entries: only the first 200/);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('stops paging when a page brings no new paper (a source answering the same full page to every page)', async () => {
    const entries = makeDay('2026-11-20', 100, { seed: 1 });
    const fetch = vi.fn(async () => json(entries));
    const result = await fetchListing(SOURCE, { date: '2026-11-20' }, { fetch, now: () => NOW });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(result.papers).toHaveLength(100);
  });

  it('stops at 50 pages, however many it is allowed and however full they are', async () => {
    // Every page full of new papers: one per page.
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const page = Number(new URL(String(input)).searchParams.get('p'));
      return json([makeEntry({ id: paperId('2026-11-20', page), day: '2026-11-20', seed: 1 })]);
    });
    const result = await fetchListing(SOURCE, { month: '2026-11', maxPages: 1000 }, { fetch, pageSize: 1, now: () => NOW });
    expect(fetch).toHaveBeenCalledTimes(50);
    expect(result.papers).toHaveLength(50);
  });

  it('sends no request after the deadline, and ends a request that would run past it', async () => {
    let clock = NOW;
    // A slow source with a new full page every time: 40 s a page.
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      clock += 40_000;
      const page = Number(new URL(String(input)).searchParams.get('p'));
      return json(Array.from({ length: 100 }, (_, index) => makeEntry({ id: paperId('2026-11-20', page * 100 + index), day: '2026-11-20' })));
    });
    const error = await fetchListing(SOURCE, { date: '2026-11-20' }, { fetch, now: () => clock, deadline: NOW + 90_000 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/ran out of time/) });
    expect(fetch).toHaveBeenCalledTimes(3);

    const hanging = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const started = Date.now();
    const cut = await fetchListing(SOURCE, {}, { fetch: hanging, deadline: Date.now() + 30 }).catch((caught: unknown) => caught);
    expect(cut).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/ran out of time/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('counts entries kept with a field given a stand-in, and skips listing days after tomorrow', async () => {
    const today = utcDay(NOW);
    const entries = [
      makeEntry({ id: paperId(today, 0), day: today, upvotes: '12' }),
      makeEntry({ id: paperId(today, 1), day: today, summary: null }),
      makeEntry({ id: paperId(today, 2), day: today }),
      makeEntry({ id: paperId(today, 3), day: addDays(today, 2) }),
      makeEntry({ id: paperId(today, 4), day: '2099-01-01' }),
    ];
    const result = await fetchListing(SOURCE, { date: today }, { fetch: pagingFetch(entries), now: () => NOW });
    expect(result.papers.map((paper) => paper.id)).toEqual([paperId(today, 0), paperId(today, 1), paperId(today, 2)]);
    expect(result.partialIds).toEqual([paperId(today, 0), paperId(today, 1)]);
    expect(result.skipped).toBe(2);
    expect(result.problems.every((problem) => /future day/.test(problem))).toBe(true);
  });

  it('caps a search answer the same way', async () => {
    const page = [...makeDay('2026-11-20', 2, { seed: 1 }), ...new Array(5000).fill(null)];
    const result = await searchPapers(SOURCE, 'x', { fetch: vi.fn(async () => json(page)), now: () => NOW });
    expect(result.papers).toHaveLength(2);
    expect(result.skipped).toBe(5000);
  });
});
