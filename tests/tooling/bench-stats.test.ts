// @vitest-environment node
// The benchmark's paired ratios: what BENCHMARKS.md reports for opens compared with their bounds.
import { describe, expect, it } from 'vitest';
import { pairedRatio } from '../../bench/stats.mjs';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('pairedRatio', () => {
  it('is the median of the per-round ratios, not the ratio of the medians', () => {
    // Round 3 ran on a slow minute: both pages took twice as long, the ratio stayed.
    const rounds = [
      { popup: 150, bound: 100 },
      { popup: 160, bound: 100 },
      { popup: 300, bound: 200 },
      { popup: 140, bound: 100 },
      { popup: 450, bound: 300 },
    ];
    expect(pairedRatio(rounds, 'popup', 'bound')).toEqual({ n: 5, p50: 1.5, p95: 1.6, min: 1.4, max: 1.6 });
    // The ratio of the two p50s would have said 1.6×.
    expect(median(rounds.map((r) => r.popup)) / median(rounds.map((r) => r.bound))).toBeCloseTo(1.6);
  });

  it.each([
    ['a page that never painted', { popup: Number.NaN, bound: 100 }],
    ['a missing page', { bound: 100 }],
    ['a zero denominator', { popup: 120, bound: 0 }],
  ])('skips a round with %s', (_label, bad) => {
    const rounds = [{ popup: 120, bound: 100 }, bad as Record<string, number>, { popup: 130, bound: 100 }];
    expect(pairedRatio(rounds, 'popup', 'bound').n).toBe(2);
  });
});
