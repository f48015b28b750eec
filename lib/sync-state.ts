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

const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 2 * 60 * 60_000;

/**
 * Exponential backoff with full jitter, capped: after n failures wait up to
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
  const backoffUntil = error.at + backoffDelay(failures, random);
  return {
    ...state,
    lastAttemptAt: error.at,
    error,
    failures,
    failingSince: state.failingSince ?? error.at,
    notBefore: Math.max(backoffUntil, error.retryAt ?? 0),
    last: summary,
  };
}

export function withSuccess(summary: SyncSummary): SyncState {
  return { lastAttemptAt: summary.at, lastSuccessAt: summary.at, failures: 0, last: summary };
}
