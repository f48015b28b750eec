import type { SyncError, SyncState, SyncSummary } from '../store/records';

/** What started a sync: it decides whether a backoff or a rate limit holds it back. */
export type SyncReason = 'install' | 'startup' | 'alarm' | 'manual' | 'settings' | 'online';

export const EMPTY_SYNC_STATE: SyncState = { failures: 0 };

/** A sync's summary before it has fetched anything (`extra` sets what is already known: requests, a prune). */
export function emptySummary(at: number, extra: Partial<Omit<SyncSummary, 'at'>> = {}): SyncSummary {
  return { at, newPapers: 0, fetched: 0, skipped: 0, requests: 0, problems: [], ...extra };
}

/** Of two records of the syncs, the one written after the later attempt. */
export function newerState(a: SyncState, b: SyncState): SyncState {
  return (b.lastAttemptAt ?? -Infinity) > (a.lastAttemptAt ?? -Infinity) ? b : a;
}

// Failures come at each install's own poll time, already spread out; the backoff must not
// multiply requests during an outage. The first retry comes about one default poll period
// later (15–45 min), then the wait doubles up to about 2 h (1–3 h): at the default period an
// outage costs the source no more than its normal load, and recovery is spread over the
// retries' jitter (BENCHMARKS.md, "Load on the source").
const BACKOFF_BASE_MS = 30 * 60_000;
const BACKOFF_CAP_MS = 2 * 60 * 60_000;
/**
 * No stored hold is believed beyond the longest this code sets (the backoff's cap plus its
 * jitter; a rate limit is capped at an hour when read): a state written wrongly, or by an
 * older version that trusted any wait, must not stop syncing for good.
 */
const MAX_HOLD_MS = BACKOFF_CAP_MS * 1.5;
/** After a rate limit's reset, a random spread (a fifth of the wait, 1–30 s) so installs sharing an address do not return at once. */
const rateLimitSpread = (wait: number) => Math.min(30_000, Math.max(1_000, wait / 5));

/**
 * Exponential backoff with jitter: after n failures wait between half and one and a half
 * times base·2^(n-1), capped at two hours before the jitter (so retries never bunch at the
 * cap), so that many installs failing together do not retry together.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const centre = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(centre * (0.5 + random()));
}

/**
 * Whether the sync gate holds a sync back: a rate limit binds everyone; a backoff only the
 * schedule, not a user asking, and not the network coming back after an offline failure.
 */
export function isHeldBack(state: SyncState, reason: SyncReason, now: number): boolean {
  if (state.notBefore === undefined || now >= state.notBefore || state.notBefore - now > MAX_HOLD_MS) return false;
  const userAsked = reason === 'manual' || reason === 'settings';
  const backOnline = reason === 'online' && state.error?.kind === 'offline';
  return state.error?.kind === 'rate-limited' || !(userAsked || backOnline);
}

/** The record as it binds `source`: the failures of another source (a rate limit, a backoff) are not its own. */
export function forSource(state: SyncState, source: string): SyncState {
  if (state.error?.source === undefined || state.error.source === source) return state;
  const { error: _error, notBefore: _notBefore, failingSince: _failingSince, ...rest } = state;
  return { ...rest, failures: 0 };
}

/** After a failed sync: the error, the next allowed time, and what was stored before it failed. */
export function withFailure(state: SyncState, error: SyncError, summary: SyncSummary, random: () => number): SyncState {
  const failures = state.failures + 1;
  // The source said when to come back: then, not later; otherwise back off.
  const notBefore =
    error.retryAt !== undefined ? error.retryAt + Math.round(random() * rateLimitSpread(error.retryAt - error.at)) : error.at + backoffDelay(failures, random);
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
