import { describe, expect, it } from 'vitest';
import { dayOfKey, lastDayOf, partsOf, viewKeysOf } from '@/lib/store/listing-keys';
import type { ListingKey, PaperSummary } from '@/lib/store/records';

describe('listing keys', () => {
  it.each([
    ['day:2024-03-04', { kind: 'day', day: '2024-03-04' }, '2024-03-04', '2024-03-04'],
    ['week:2024-W10', { kind: 'week', week: '2024-W10' }, undefined, '2024-03-10'],
    ['month:2024-02', { kind: 'month', month: '2024-02' }, undefined, '2024-02-29'],
    ['trending', { kind: 'trending' }, undefined, undefined],
    ['search', { kind: 'search' }, undefined, undefined],
  ] as const)('%s: its parts, its day, the last day it covers', (key, parts, day, last) => {
    expect(partsOf(key as ListingKey)).toEqual(parts);
    expect(dayOfKey(key as ListingKey)).toBe(day);
    expect(lastDayOf(key as ListingKey)).toBe(last);
  });

  it('leads a paper to the views of its days, their weeks and months, the rankings and those noted', () => {
    const summary = { id: '2403.00001', listedDays: ['2024-03-04', '2024-03-11'], alsoIn: ['day:2024-01-02'] } as unknown as PaperSummary;
    expect(new Set(viewKeysOf(summary))).toEqual(
      new Set(['trending', 'search', 'day:2024-01-02', 'day:2024-03-04', 'week:2024-W10', 'day:2024-03-11', 'week:2024-W11', 'month:2024-03']),
    );
  });
});
