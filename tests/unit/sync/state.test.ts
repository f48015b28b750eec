import { describe, expect, it } from 'vitest';
import type { SyncReason } from '@/lib/sync/state';
import { backoffDelay, forSource, isHeldBack, withFailure, withSuccess } from '@/lib/sync/state';
import type { SyncState, SyncSummary } from '@/lib/store/records';

const MIN = 60_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');
const summary: SyncSummary = { at: NOW, newPapers: 0, fetched: 0, skipped: 0, requests: 1, problems: [] };

describe('backoffDelay', () => {
  // About one poll period first (an outage costs the source no more than its normal load),
  // then doubling; capped at 2 h before the ±50 % jitter, so retries never bunch at the cap.
  it.each([
    [1, 15 * MIN, 30 * MIN, 45 * MIN],
    [2, 30 * MIN, 60 * MIN, 90 * MIN],
    [3, 60 * MIN, 120 * MIN, 180 * MIN],
    [4, 60 * MIN, 120 * MIN, 180 * MIN],
    [20, 60 * MIN, 120 * MIN, 180 * MIN],
  ])('after %i failures waits between %i and %i ms, %i in the middle', (failures, low, middle, high) => {
    expect(backoffDelay(failures, () => 0)).toBe(low);
    expect(backoffDelay(failures, () => 0.5)).toBe(middle);
    expect(backoffDelay(failures, () => 1)).toBe(high);
  });
});

describe('isHeldBack', () => {
  const backingOff: SyncState = { failures: 1, notBefore: NOW + MIN, error: { kind: 'http', message: '503', at: NOW } };
  const offline: SyncState = { ...backingOff, error: { kind: 'offline', message: 'offline', at: NOW } };
  const limited: SyncState = { ...backingOff, error: { kind: 'rate-limited', message: '429', at: NOW, retryAt: NOW + MIN } };
  it.each([
    ['no failure', { failures: 0 }, 'alarm', false],
    ['a backoff, the schedule', backingOff, 'alarm', true],
    ['a backoff, the user asks', backingOff, 'manual', false],
    ['a backoff, a new source', backingOff, 'settings', false],
    ['a backoff, the network is back (not an offline failure)', backingOff, 'online', true],
    ['offline, the network is back', offline, 'online', false],
    ['a rate limit, the user asks', limited, 'manual', true],
    ['a backoff that has run out', { ...backingOff, notBefore: NOW }, 'alarm', false],
    ['a rate limit stored 31 years ahead (by an older version)', { ...limited, notBefore: NOW + 999_999_999_000 }, 'alarm', false],
    ['a backoff stored beyond its cap', { ...backingOff, notBefore: NOW + 3 * 60 * MIN + 1 }, 'alarm', false],
    ['a backoff at its cap', { ...backingOff, notBefore: NOW + 3 * 60 * MIN }, 'alarm', true],
  ] as [string, SyncState, SyncReason, boolean][])('%s (%s): %s', (_, state, reason, held) => {
    expect(isHeldBack(state, reason, NOW)).toBe(held);
  });
});

describe('forSource', () => {
  const limited: SyncState = {
    failures: 3,
    failingSince: NOW - 60 * MIN,
    lastSuccessAt: NOW - 90 * MIN,
    notBefore: NOW + 30 * MIN,
    error: { kind: 'rate-limited', message: '429', at: NOW, retryAt: NOW + 30 * MIN, source: 'https://old.example' },
  };
  it.each([
    ['the source that failed keeps its rate limit', limited, 'https://old.example', true],
    ['another source starts clean', limited, 'https://huggingface.co', false],
    ['a failure recorded without its source still binds', { ...limited, error: { ...limited.error!, source: undefined } }, 'https://huggingface.co', true],
  ] as [string, SyncState, string, boolean][])('%s', (_, state, source, held) => {
    const bound = forSource(state, source);
    expect(isHeldBack(bound, 'settings', NOW)).toBe(held);
    expect(isHeldBack(bound, 'alarm', NOW)).toBe(held);
    if (!held) expect(bound).toEqual({ failures: 0, lastSuccessAt: NOW - 90 * MIN });
  });
});

describe('withFailure', () => {
  it('counts failures, keeps when they began, and backs off', () => {
    const first = withFailure({ failures: 0, lastSuccessAt: NOW - MIN }, { kind: 'http', message: 'HTTP 503', at: NOW, status: 503 }, summary, () => 0);
    expect(first).toMatchObject({ failures: 1, failingSince: NOW, notBefore: NOW + 15 * MIN, lastSuccessAt: NOW - MIN });
    const second = withFailure(first, { kind: 'timeout', message: 't', at: NOW + 5 * MIN }, summary, () => 0);
    expect(second).toMatchObject({ failures: 2, failingSince: NOW, notBefore: NOW + 5 * MIN + 30 * MIN });
  });

  it.each([
    [2 * MIN, 24_000],
    [5 * MIN, 30_000], // at most 30 s
    [3_000, 1_000], // at least 1 s
  ])('waits for a rate limit to reset (in %i ms), spread by up to %i ms, not for the backoff', (wait, spread) => {
    const error = { kind: 'rate-limited' as const, message: '429', at: NOW, retryAt: NOW + wait };
    expect(withFailure({ failures: 3 }, error, summary, () => 0).notBefore).toBe(NOW + wait);
    expect(withFailure({ failures: 3 }, error, summary, () => 1).notBefore).toBe(NOW + wait + spread);
  });

  it('is cleared by a success', () => {
    expect(withSuccess(summary)).toEqual({ lastAttemptAt: NOW, lastSuccessAt: NOW, failures: 0, last: summary });
  });
});
