// The one rate-limit rule for the reader's own requests (a view, a search, a paper's linked
// repositories): the limit the syncs obey binds them too, and a limit they meet binds the syncs.
import type { SyncError } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { readSyncState, toSyncError } from './engine';
import { emptySummary, withFailure } from './state';

/** The rate limit in force at `now`, if any: while it holds, nothing is sent. */
export async function activeRateLimit(db: PaperboyDb, now: number): Promise<SyncError | undefined> {
  const state = await readSyncState(db);
  const limited = state.error?.kind === 'rate-limited' && state.notBefore !== undefined && now < state.notBefore;
  return limited ? state.error : undefined;
}

/**
 * A failed request as the error to show. Storage failures read as the sync's do ("no room
 * left"); a rate limit is recorded for the syncs as well (one request, failed, at `at`).
 */
export async function requestFailure(db: PaperboyDb, error: unknown, at: number, random: () => number): Promise<SyncError> {
  const syncError = toSyncError(error, at);
  if (syncError.kind === 'rate-limited') {
    await db.put('meta', withFailure(await readSyncState(db), syncError, emptySummary(at, { requests: 1 }), random), 'sync');
  }
  return syncError;
}
