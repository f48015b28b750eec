import { fetchListing, searchPapers } from '../source/client';
import { utcDay } from '../core/dates';
import { getListing } from '../store/reads';
import { storeListing } from '../store/writes';
import type { ListingKey, SyncError } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { isListingFresh } from './plan';
import { queryFor, type SyncDeps } from './engine';
import { activeRateLimit, requestFailure } from './rate-limit';

export type ViewFetchOutcome = { status: 'fresh' } | { status: 'fetched'; count: number; skipped: number } | { status: 'failed'; error: SyncError };

export interface SearchOutcome {
  ids: string[];
  error?: SyncError;
}

/** The same database, source and clock as the sync engine. */
export type ViewFetcherDeps = Omit<SyncDeps, 'onStart'>;

/**
 * Fetches what the reader asks for (a past day, a week, a month, a search) when it is not
 * stored or not fresh. Papers fetched this way are not "new arrivals" for the badge.
 */
export function createViewFetcher(deps: ViewFetcherDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const inFlight = new Map<string, Promise<ViewFetchOutcome>>();

  // No prune on a storage failure here: the sync engine prunes once per spell; a view the user
  // opens must not delete history.
  const failure = (db: PaperboyDb, error: unknown) => requestFailure(db, error, now(), random);
  const rateLimited = (db: PaperboyDb) => activeRateLimit(db, now());

  async function fetchView(key: ListingKey, force = false): Promise<ViewFetchOutcome> {
    const db = await deps.db();
    const stored = await getListing(db, key);
    if (!force && isListingFresh(key, stored?.fetchedAt, now(), utcDay(now()))) return { status: 'fresh' };
    const limit = await rateLimited(db);
    if (limit) return { status: 'failed', error: limit };
    try {
      const result = await fetchListing(await deps.source(), queryFor(key), { ...deps.client, now });
      await storeListing(db, { key, papers: result.papers, fetchedAt: now(), mode: key === 'trending' ? 'replace' : 'merge', markNew: false });
      return { status: 'fetched', count: result.papers.length, skipped: result.skipped };
    } catch (error) {
      return { status: 'failed', error: await failure(db, error) };
    }
  }

  return {
    /** One request sequence per listing at a time, however often the reader asks. */
    fetchView(key: ListingKey, force = false): Promise<ViewFetchOutcome> {
      let running = inFlight.get(key);
      if (!running) {
        running = fetchView(key, force).finally(() => inFlight.delete(key));
        inFlight.set(key, running);
      }
      return running;
    },

    async search(query: string): Promise<SearchOutcome> {
      const db = await deps.db();
      const limit = await rateLimited(db);
      if (limit) return { ids: [], error: limit };
      try {
        const result = await searchPapers(await deps.source(), query, { ...deps.client, now });
        await storeListing(db, { key: 'search', papers: result.papers, fetchedAt: now(), mode: 'replace', markNew: false });
        return { ids: result.papers.map((paper) => paper.id) };
      } catch (error) {
        return { ids: [], error: await failure(db, error) };
      }
    },
  };
}
