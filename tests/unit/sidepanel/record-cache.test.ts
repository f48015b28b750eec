// The side panel's full records: read once per change of a paper, and bounded in number.
import { describe, expect, it } from 'vitest';
import { createRecordCache } from '@/components/sidepanel/record-cache';
import { getDb } from '@/lib/store/connection';
import { getListingSummaries } from '@/lib/store/reads';
import { storeListing } from '@/lib/store/writes';
import { makePaper } from '../../support/make-paper';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const KEY = 'day:2026-11-20';

async function seed(count: number) {
  const db = await getDb();
  const papers = Array.from({ length: count }, (_, index) => makePaper(`2611.0000${index}`));
  await storeListing(db, { key: KEY, papers, fetchedAt: NOW, mode: 'replace', markNew: false });
  return (await getListingSummaries(db, KEY)).summaries;
}

/** A cache over the test database that counts how often it opens it to read. */
function countingCache(max?: number) {
  const opened = { count: 0 };
  const cache = createRecordCache(async () => (opened.count++, getDb()), max);
  return { cache, opened };
}

describe('record cache', () => {
  it('reads only the records it does not hold', async () => {
    const summaries = await seed(4);
    const { cache, opened } = countingCache();
    await cache.ensureRecords(summaries.slice(0, 2));
    expect([...cache.records.value.keys()].sort()).toEqual(['2611.00000', '2611.00001']);
    expect(cache.records.value.get('2611.00000')?.abstract).toBe('Abstract of 2611.00000');
    expect(opened.count).toBe(1);

    await cache.ensureRecords(summaries.slice(0, 2));
    expect(opened.count).toBe(1);
    expect(cache.isHeld(summaries[0]!)).toBe(true);
    expect(cache.isHeld(summaries[3]!)).toBe(false);
  });

  it('reads a paper again once it changed', async () => {
    const summaries = await seed(2);
    const { cache, opened } = countingCache();
    await cache.ensureRecords(summaries);
    const changed = { ...summaries[0]!, updatedAt: summaries[0]!.updatedAt + 1 };
    expect(cache.isHeld(changed)).toBe(false);
    await cache.ensureRecords([changed, summaries[1]!]);
    expect(opened.count).toBe(2);
  });

  it('adds records up to its bound, then keeps only those of the list asked for', async () => {
    const summaries = await seed(5);
    const { cache } = countingCache(3);
    await cache.ensureRecords(summaries.slice(0, 1));
    await cache.ensureRecords(summaries.slice(1, 2));
    expect([...cache.records.value.keys()].sort()).toEqual(['2611.00000', '2611.00001']);
    await cache.ensureRecords(summaries.slice(2, 5));
    expect([...cache.records.value.keys()].sort()).toEqual(['2611.00002', '2611.00003', '2611.00004']);
  });
});
