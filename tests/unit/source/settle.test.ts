import { describe, expect, it } from 'vitest';
import { SETTLE_DAYS, fetchedSettled, hasSettled, settledOn } from '@/lib/source/settle';

describe('the settle period', () => {
  it("is two weeks after a listing's last day", () => {
    expect(SETTLE_DAYS).toBe(14);
    expect(settledOn('2026-11-20')).toBe('2026-12-04');
    expect(settledOn('2026-12-25')).toBe('2027-01-08');
  });

  it.each([
    ['2026-12-03', false],
    ['2026-12-04', false],
    ['2026-12-05', true],
  ])('a listing ended on 2026-11-20 has settled by %s: %s', (today, settled) => {
    expect(hasSettled('2026-11-20', today)).toBe(settled);
  });

  it('counts a copy as settled when fetched from the settle day on, UTC', () => {
    expect(fetchedSettled('2026-11-20', Date.parse('2026-12-03T23:59:59Z'))).toBe(false);
    expect(fetchedSettled('2026-11-20', Date.parse('2026-12-04T00:00:00Z'))).toBe(true);
  });
});
