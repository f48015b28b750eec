import type { ApiErrorKind } from './api';

export interface SyncError {
  kind: ApiErrorKind | 'storage';
  message: string;
  at: number;
  status?: number;
  /** Rate limits: when requests may resume. */
  retryAt?: number;
}

export interface SyncSummary {
  at: number;
  newPapers: number;
  fetched: number;
  skipped: number;
  requests: number;
  problems: string[];
  /** Storage was full: this many of the oldest day listings (and their unsaved papers) were removed. */
  pruned?: { listings: number; papers: number };
}

/** What the last syncs did, stored for the badge and the UI. */
export interface SyncState {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** The error of the last attempt; cleared by a success. */
  error?: SyncError;
  /** When the current run of failures began. */
  failingSince?: number;
  failures: number;
  /** No scheduled request before this time (backoff or rate limit). */
  notBefore?: number;
  last?: SyncSummary;
}

export const EMPTY_SYNC_STATE: SyncState = { failures: 0 };

// Failures come at each install's own poll time, already spread out; the backoff must not
// multiply requests during an outage: 5, 10, 20, 40 min... then every 2 h at most.
const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_CAP_MS = 2 * 60 * 60_000;
/** After a rate limit's reset, a random spread (a fifth of the wait, 1–30 s) so installs sharing an address do not return at once. */
const rateLimitSpread = (wait: number) => Math.min(30_000, Math.max(1_000, wait / 5));

/**
 * Exponential backoff with jitter, capped: after n failures wait between half and all of
 * base·2^(n-1), so that many installs failing together do not retry together.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** After a failed sync: the error, the next allowed time, and what was stored before it failed. */
export function withFailure(
  state: SyncState,
  error: SyncError,
  summary: SyncSummary,
  random: () => number,
): SyncState {
  const failures = state.failures + 1;
  // The source said when to come back: then, not later; otherwise back off.
  const notBefore =
    error.retryAt !== undefined
      ? error.retryAt + Math.round(random() * rateLimitSpread(error.retryAt - error.at))
      : error.at + backoffDelay(failures, random);
  return {
    ...state,
    lastAttemptAt: error.at,
    error,
    failures,
    failingSince: state.failingSince ?? error.at,
    notBefore,
    last: summary,
  };
}

export function withSuccess(summary: SyncSummary): SyncState {
  return { lastAttemptAt: summary.at, lastSuccessAt: summary.at, failures: 0, last: summary };
}
