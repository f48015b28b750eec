import { describe, expect, it } from 'vitest';
import { backoffDelay, withFailure, withSuccess, type SyncSummary } from '@/lib/sync-state';

const MIN = 60_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');
const summary: SyncSummary = { at: NOW, newPapers: 0, fetched: 0, skipped: 0, requests: 1, problems: [] };

describe('backoffDelay', () => {
  it.each([
    [1, 2.5 * MIN, 5 * MIN],
    [2, 5 * MIN, 10 * MIN],
    [3, 10 * MIN, 20 * MIN],
    [4, 20 * MIN, 40 * MIN],
    [6, 60 * MIN, 120 * MIN],
    [20, 60 * MIN, 120 * MIN], // capped at two hours
  ])('after %i failures waits between %i and %i ms', (failures, low, high) => {
    expect(backoffDelay(failures, () => 0)).toBe(low);
    expect(backoffDelay(failures, () => 1)).toBe(high);
  });
});

describe('withFailure', () => {
  it('counts failures, keeps when they began, and backs off', () => {
    const first = withFailure({ failures: 0, lastSuccessAt: NOW - MIN }, { kind: 'http', message: 'HTTP 503', at: NOW, status: 503 }, summary, () => 0);
    expect(first).toMatchObject({ failures: 1, failingSince: NOW, notBefore: NOW + 2.5 * MIN, lastSuccessAt: NOW - MIN });
    const second = withFailure(first, { kind: 'timeout', message: 't', at: NOW + 5 * MIN }, summary, () => 0);
    expect(second).toMatchObject({ failures: 2, failingSince: NOW, notBefore: NOW + 10 * MIN });
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
