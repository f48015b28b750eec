import { readBodyText } from './client';
import { parseEntry, type Paper } from './entry';

const TIMEOUT_MS = 20_000;

export function paperUrl(source: string, id: string): string {
  return new URL(`api/papers/${encodeURIComponent(id)}`, `${source.replace(/\/+$/, '')}/`).href;
}

/**
 * One paper by arXiv id (`GET /api/papers/{id}`, the bare paper object), validated like a
 * listing entry. Undefined when the source does not know it, fails, or sends garbage: the
 * caller keeps what it has and tries again later.
 */
export async function fetchPaper(source: string, id: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<Paper | undefined> {
  try {
    const response = await fetchImpl(paperUrl(source, id), {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) return undefined;
    const { paper } = parseEntry({ paper: JSON.parse(await readBodyText(response)) as unknown });
    if (paper?.id !== id) return undefined;
    // Stored as it is (a saved paper's details): the flag only guards listings' merges.
    const { listedOnGuessed: _guessed, ...fields } = paper;
    return fields;
  } catch {
    return undefined;
  }
}
