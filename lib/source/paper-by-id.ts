import { ApiError, requestJson, type ClientOptions } from './client';
import { parseEntry, type Paper } from './entry';

export function paperUrl(source: string, id: string): string {
  return new URL(`api/papers/${encodeURIComponent(id)}`, `${source.replace(/\/+$/, '')}/`).href;
}

/**
 * One paper by arXiv id (`GET /api/papers/{id}`, the bare paper object), validated like a
 * listing entry, through the listings' client (its timeout, body cap and typed errors).
 * Undefined when the source does not know the paper (404) or sends one that is not valid or
 * not that paper; any other failure rejects with the client's ApiError (a rate limit says
 * when it ends).
 */
export async function fetchPaper(source: string, id: string, options: ClientOptions = {}): Promise<Paper | undefined> {
  let body: unknown;
  try {
    body = await requestJson(paperUrl(source, id), options);
  } catch (error) {
    if (error instanceof ApiError && error.details.status === 404) return undefined;
    throw error;
  }
  const { paper } = parseEntry({ paper: body });
  if (paper?.id !== id) return undefined;
  // Stored as it is (a saved paper's details): the flag only guards listings' merges.
  const { listedOnGuessed: _guessed, ...fields } = paper;
  return fields;
}
