// The reader's views and the listing each one reads (lib/reader/view.ts): pure.
import { describe, expect, it } from 'vitest';
import { defaultView, listingKeyOf, periodOf, stepView, type ReaderView } from '@/lib/reader/view';

describe('reader views', () => {
  it.each([
    ['today', { kind: 'today' }],
    ['trending', { kind: 'trending' }],
    ['saved', { kind: 'saved' }],
    ['day', { kind: 'day', day: '2026-11-27' }],
    ['week', { kind: 'week', week: '2026-W48' }],
    ['month', { kind: 'month', month: '2026-11' }],
  ] as const)('the %s view of the current period', (kind, view) => {
    expect(defaultView(kind, '2026-11-27')).toEqual(view);
  });

  it.each<[ReaderView, string | undefined, string | undefined]>([
    [{ kind: 'today' }, '2026-11-26', 'day:2026-11-26'],
    [{ kind: 'today' }, undefined, undefined],
    [{ kind: 'trending' }, undefined, 'trending'],
    [{ kind: 'day', day: '2026-10-01' }, '2026-11-26', 'day:2026-10-01'],
    [{ kind: 'week', week: '2026-W01' }, undefined, 'week:2026-W01'],
    [{ kind: 'month', month: '2026-02' }, undefined, 'month:2026-02'],
    [{ kind: 'saved' }, '2026-11-26', undefined],
  ])('%j (latest day %s) reads %s', (view, latestDay, key) => {
    expect(listingKeyOf(view, latestDay)).toBe(key);
  });

  it.each<[ReaderView, number, ReaderView]>([
    [{ kind: 'day', day: '2026-03-01' }, -1, { kind: 'day', day: '2026-02-28' }],
    [{ kind: 'week', week: '2026-W53' }, 1, { kind: 'week', week: '2027-W01' }],
    [{ kind: 'week', week: '2026-W01' }, -1, { kind: 'week', week: '2025-W52' }],
    [{ kind: 'month', month: '2026-12' }, 1, { kind: 'month', month: '2027-01' }],
    [{ kind: 'today' }, 1, { kind: 'today' }],
    [{ kind: 'saved' }, -1, { kind: 'saved' }],
  ])('%j moved by %i is %j', (view, delta, next) => {
    expect(stepView(view, delta)).toEqual(next);
  });
});

describe("a view's period", () => {
  it.each([
    [{ kind: 'day', day: '2026-11-27' }, { kind: 'day', value: '2026-11-27' }, 'day:2026-11-27'],
    [{ kind: 'week', week: '2026-W48' }, { kind: 'week', value: '2026-W48' }, 'week:2026-W48'],
    [{ kind: 'month', month: '2026-11' }, { kind: 'month', value: '2026-11' }, 'month:2026-11'],
    [{ kind: 'today' }, undefined, 'day:2026-11-26'],
    [{ kind: 'trending' }, undefined, 'trending'],
    [{ kind: 'saved' }, undefined, undefined],
  ] as const)('%j shows %j and reads %s', (view, period, key) => {
    expect(periodOf(view)).toEqual(period);
    expect(listingKeyOf(view, '2026-11-26')).toBe(key);
  });
});
