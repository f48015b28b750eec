import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, countUnseen, getListingPapers, getSavedPapers, openPaperboyDb, setSaved } from '@/lib/db';

const T0 = Date.parse('2026-11-20T08:00:00Z');

/** Version 1 exactly as it shipped: a frozen copy, so that the upgrade is tested from real old data. */
async function createVersion1() {
  const db = await openDB(DB_NAME, 1, {
    upgrade(v1) {
      const papers = v1.createObjectStore('papers', { keyPath: 'id' });
      papers.createIndex('unseen', 'unseen');
      papers.createIndex('listedOn', 'listedOn');
      v1.createObjectStore('listings', { keyPath: 'key' });
      v1.createObjectStore('meta');
    },
  });
  const record = (id: string, unseen: boolean) => ({
    id,
    title: `Paper ${id}`,
    abstract: 'A',
    authors: ['A'],
    publishedAt: '2026-11-18T00:00:00.000Z',
    listedOn: '2026-11-20',
    upvotes: 3,
    comments: 0,
    firstSeenAt: T0,
    updatedAt: T0,
    listedDays: ['2026-11-20'],
    upvoteHistory: [[T0, 3]],
    ...(unseen ? { unseen: 1 } : {}),
  });
  await db.put('papers', record('2611.00001', true));
  await db.put('papers', record('2611.00002', false));
  await db.put('listings', { key: 'day:2026-11-20', ids: ['2611.00002', '2611.00001'], fetchedAt: T0 });
  await db.put('meta', { failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 }, 'sync');
  db.close();
}

describe('database upgrade', () => {
  it('upgrades version 1 with data to the current version, losing nothing', async () => {
    await createVersion1();
    const db = await openPaperboyDb();
    expect(db.version).toBe(2);
    expect((await getListingPapers(db, 'day:2026-11-20')).map((paper) => paper.id)).toEqual(['2611.00002', '2611.00001']);
    expect(await countUnseen(db)).toBe(1);
    expect(await db.get('meta', 'sync')).toEqual({ failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 });
    // The new index works on upgraded records.
    await setSaved(db, '2611.00002', true, T0 + 1);
    expect((await getSavedPapers(db)).map((paper) => paper.id)).toEqual(['2611.00002']);
    db.close();
  });
});
