import { describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES } from '@/lib/source/client';
import { fetchPaper, paperUrl } from '@/lib/source/paper-by-id';
import { makeEntry } from '../../support/generate-papers.mjs';

const SOURCE = 'https://huggingface.co';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const entry = makeEntry({ id: '2611.01234', day: '2026-11-25', seed: 1 }) as { paper: { id: string; title: string } };
const answer = (body: BodyInit | null, init: ResponseInit = {}) => vi.fn(async () => new Response(body, { status: 200, ...init }));

describe('fetchPaper', () => {
  it('asks for the paper by id, without credentials, and validates it', async () => {
    const fetch = answer(JSON.stringify(entry.paper));
    const paper = await fetchPaper(SOURCE, entry.paper.id, { fetch, now: () => NOW });
    expect(paper).toMatchObject({ id: entry.paper.id });
    expect(paper).not.toHaveProperty('listedOnGuessed');
    expect(fetch).toHaveBeenCalledWith(paperUrl(SOURCE, entry.paper.id), expect.objectContaining({ credentials: 'omit' }));
  });

  it('is undefined for a paper the source does not know, or an answer about another paper', async () => {
    expect(await fetchPaper(SOURCE, entry.paper.id, { fetch: answer('{"error":"Paper not found"}', { status: 404 }) })).toBeUndefined();
    expect(await fetchPaper(SOURCE, '2611.99999', { fetch: answer(JSON.stringify(entry.paper)) })).toBeUndefined();
    expect(await fetchPaper(SOURCE, entry.paper.id, { fetch: answer('{"id":"2611.01234"}') })).toBeUndefined();
  });

  it('fails as the listings do: a rate limit with its end, an error status, a body past the cap, a timeout', async () => {
    const limited = answer('', { status: 429, headers: { 'Retry-After': '60' } });
    await expect(fetchPaper(SOURCE, entry.paper.id, { fetch: limited, now: () => NOW })).rejects.toMatchObject({
      kind: 'rate-limited',
      details: { retryAt: NOW + 60_000 },
    });
    await expect(fetchPaper(SOURCE, entry.paper.id, { fetch: answer('', { status: 503 }) })).rejects.toMatchObject({ kind: 'http', details: { status: 503 } });
    const huge = answer('x', { headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) } });
    await expect(fetchPaper(SOURCE, entry.paper.id, { fetch: huge })).rejects.toMatchObject({ kind: 'invalid' });
    const never = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    await expect(fetchPaper(SOURCE, entry.paper.id, { fetch: never, timeoutMs: 10 })).rejects.toMatchObject({ kind: 'timeout' });
  });
});
