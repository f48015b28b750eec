import { ApiError, fetchListing, type ClientOptions, type ListingQuery, type ListingResult } from '../source/client';
import { utcDay } from '../core/dates';
import { dayKey, partsOf } from '../store/listing-keys';
import { getAllListings } from '../store/reads';
import { storeListing, type StoreListingInput } from '../store/writes';
import type { ListingKey, SyncError, SyncState, SyncSummary } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { isQuotaError, pruneOldestListings } from '../store/retention';
import { planFollowUps, type StoredListing } from './plan';
import { EMPTY_SYNC_STATE, emptySummary, forSource, isHeldBack, newerState, withFailure, withSuccess, type SyncReason } from './state';
import { publishUnsavedState } from './unstored-state';

export interface SyncOutcome {
  /** False when the sync sent no request (rate-limited or backing off). */
  ran: boolean;
  state: SyncState;
}

export interface SyncDeps {
  db: () => Promise<PaperboyDb>;
  source: () => Promise<string>;
  client?: ClientOptions;
  now?: () => number;
  random?: () => number;
  onStart?: () => void;
  /** Whether the source may be read (a mirror's host permission); no request is sent when not. */
  mayRead?: (source: string) => Promise<boolean>;
}

/** Trending is a ranking: its top is what matters, so one page is enough. */
const TRENDING_PAGE_SIZE = 50;

/**
 * A whole sync's bound: a few listings at up to 20 s a request fit; a source that pages on
 * forever or answers slowly cannot hold the one running sync (and the manual Refresh) longer.
 */
export const SYNC_DEADLINE_MS = 90_000;

/** Error text kept in the sync state: enough to say what failed, whatever the browser's message holds. */
const MAX_ERROR_TEXT = 300;

/** Day listings dropped at once when storage is full: enough to matter, few enough to keep history. */
const PRUNE_ON_QUOTA = 7;

/**
 * Stores a listing; when storage is full, drops the oldest unsaved day listings and tries
 * once more, noting it for the user. Today's listing and the one being stored are kept.
 * One prune per spell of full storage (`summary.pruned` set, possibly carried over from the
 * failed syncs before): Chromium's IndexedDB (LevelDB) gives the room of deleted records back
 * only when it compacts its files, which may be a while, so pruning again at each failed
 * sync would only delete more history for no room (measured in tests/e2e/quota.e2e.ts).
 */
async function storeWithRoom(db: PaperboyDb, input: StoreListingInput, summary: SyncSummary): Promise<string[]> {
  try {
    return await storeListing(db, input);
  } catch (error) {
    if (!isQuotaError(error) || summary.pruned) throw error;
    summary.pruned = await pruneOldestListings(db, { count: PRUNE_ON_QUOTA, keep: new Set([input.key, dayKey(utcDay(input.fetchedAt))]) });
    return storeListing(db, input);
  }
}

export async function readSyncState(db: PaperboyDb): Promise<SyncState> {
  return (await db.get('meta', 'sync')) ?? EMPTY_SYNC_STATE;
}

/** What failed, for the badge and the pages: the source's typed errors, or storage (quota, full disk). */
export function toSyncError(error: unknown, at: number): SyncError {
  if (error instanceof ApiError) {
    return { kind: error.kind, message: error.message.slice(0, MAX_ERROR_TEXT), at, ...error.details };
  }
  if (isQuotaError(error)) return { kind: 'storage', message: 'The browser has no room left for papers, even after removing the oldest days', at };
  // A full disk shows up as other IndexedDB errors (UnknownError, "Failed to write blobs (IOError)").
  const named = error as { name?: unknown; message?: unknown } | undefined;
  const detail = typeof named?.message === 'string' && named.message ? named.message : String(named?.name ?? error);
  return { kind: 'storage', message: `Could not save papers in the browser's storage (is the disk full?): ${detail}`.slice(0, MAX_ERROR_TEXT), at };
}

/** The listing day most of a dateless answer's papers were listed on. */
function dominantDay(result: ListingResult): string | undefined {
  const counts = new Map<string, number>();
  for (const paper of result.papers) counts.set(paper.listedOn, (counts.get(paper.listedOn) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
}

/**
 * What to ask the source for a listing: a day, a week, a month, trending (one page: a ranking's
 * top is what matters), or, for `by-content`, the latest day with papers (no date: the
 * source's own answer, stored under the day most of its papers were listed on).
 */
export function queryFor(key: ListingKey | 'by-content'): ListingQuery {
  if (key === 'by-content') return {};
  const parts = partsOf(key);
  if (parts.kind === 'trending') return { sort: 'trending', maxPages: 1 };
  if (parts.kind === 'day') return { date: parts.day };
  if (parts.kind === 'week') return { week: parts.week };
  if (parts.kind === 'month') return { month: parts.month };
  throw new Error(`No listing query for ${key}`);
}

/**
 * The sync engine: fetches today's listing and what the plan says is due, stores each
 * listing in its own transaction, and records the outcome. Concurrent calls share one run.
 */
export function createSyncEngine(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  let running: Promise<SyncOutcome> | undefined;

  /** The last outcome, kept in memory for when the database itself cannot be read or written. */
  let lastState: SyncState = EMPTY_SYNC_STATE;

  /**
   * Storage is broken (disk full, database unopenable): a failure with a backoff, never a throw.
   * A prune this sync made is kept, so the user still learns of it (the badge, the next state).
   */
  async function storageFailure(error: unknown, pruned = lastState.error ? lastState.last?.pruned : undefined): Promise<SyncOutcome> {
    const at = now();
    const summary = emptySummary(at, pruned ? { pruned } : {});
    lastState = withFailure(lastState, toSyncError(error, at), summary, random);
    await publishUnsavedState(lastState);
    return { ran: true, state: lastState };
  }

  async function run(reason: SyncReason): Promise<SyncOutcome> {
    let db: PaperboyDb;
    let previous: SyncState;
    try {
      db = await deps.db();
      previous = newerState(await readSyncState(db), lastState);
    } catch (error) {
      return storageFailure(error);
    }
    const startedAt = now();
    const source = await deps.source();
    previous = forSource(previous, source);
    if (isHeldBack(previous, reason, startedAt)) return { ran: false, state: previous };
    // Not a failure: the badge and the options page ask the user to grant access instead.
    if (deps.mayRead && !(await deps.mayRead(source))) return { ran: false, state: previous };
    deps.onStart?.();
    // A prune made by the failing syncs before this one: not repeated, and reported once a sync
    // can record it (while storage is full, not even the sync state can be written).
    const earlierPrune = previous.error ? previous.last?.pruned : undefined;
    const summary = emptySummary(startedAt, { partial: 0, ...(earlierPrune ? { pruned: earlierPrune } : {}) });
    const deadline = startedAt + SYNC_DEADLINE_MS;
    // Papers, not entries: trending often sends the same partly malformed entry again.
    const partialIds = new Set<string>();

    const fetchAndStore = async (key: ListingKey | 'by-content', mode: 'merge' | 'replace') => {
      const query = queryFor(key);
      const pageSize = query.sort === 'trending' ? TRENDING_PAGE_SIZE : undefined;
      const result = await fetchListing(source, query, { ...deps.client, now, deadline, pageSize: pageSize ?? deps.client?.pageSize });
      summary.requests += result.requests;
      summary.fetched += result.papers.length;
      summary.skipped += result.skipped;
      for (const id of result.partialIds) partialIds.add(id);
      summary.partial = partialIds.size;
      summary.problems.push(...result.problems.slice(0, Math.max(0, 5 - summary.problems.length)));
      const day = key === 'by-content' ? dominantDay(result) : undefined;
      const listingKey = key === 'by-content' ? (day ? dayKey(day) : undefined) : key;
      if (!listingKey) return result;
      const newIds = await storeWithRoom(db, { key: listingKey, papers: result.papers, fetchedAt: now(), mode }, summary);
      summary.newPapers += newIds.length;
      return result;
    };

    let state: SyncState;
    try {
      const today = utcDay(startedAt);
      const todayResult = await fetchAndStore(dayKey(today), 'merge');
      const stored = new Map<ListingKey, StoredListing>(
        (await getAllListings(db)).map((listing) => [listing.key, { fetchedAt: listing.fetchedAt, size: listing.ids.length }]),
      );
      const steps = planFollowUps({
        today,
        todayHasPapers: todayResult.papers.length > 0,
        listings: stored,
        now: startedAt,
        force: reason !== 'alarm' && reason !== 'startup',
      });
      for (const step of steps) {
        const key = step.kind === 'latest' ? 'by-content' : step.kind === 'day' ? dayKey(step.day) : 'trending';
        await fetchAndStore(key, step.kind === 'trending' ? 'replace' : 'merge');
      }
      state = withSuccess(summary);
    } catch (error) {
      state = withFailure(previous, { ...toSyncError(error, now()), source }, summary, random);
    }
    try {
      await db.put('meta', state, 'sync');
    } catch (error) {
      // The outcome could not be recorded: report that rather than a success nobody can see.
      return storageFailure(error, summary.pruned);
    }
    if (lastState.error?.kind === 'storage') await publishUnsavedState(undefined);
    lastState = state;
    return { ran: true, state };
  }

  return {
    /** The stored state, unless a later outcome could not be stored. */
    currentState: (stored: SyncState): SyncState => newerState(stored, lastState),
    sync(reason: SyncReason): Promise<SyncOutcome> {
      running ??= run(reason).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
