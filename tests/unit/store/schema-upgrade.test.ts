import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION } from '@/lib/store/schema';
import {
  countUnseen,
  getAllSummaries,
  getViewHead,
  getListingPapers,
  getListingSummaries,
  getSavedPapers,
  getSavedSummaries,
  getUnseenSummaries,
} from '@/lib/store/reads';
import { fillMissingHeads } from '@/lib/store/derived';
import { rowsOf } from '@/lib/store/view-facets';
import { markSeen, setRead, setSaved } from '@/lib/store/writes';
import { openPaperboyDb } from '@/lib/store/connection';

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
    expect(db.version).toBe(DB_VERSION);
    expect((await getListingPapers(db, 'day:2026-11-20')).map((paper) => paper.id)).toEqual(['2611.00002', '2611.00001']);
    expect(await countUnseen(db)).toBe(1);
    expect(await db.get('meta', 'sync')).toEqual({ failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 });
    // The new index works on upgraded records.
    await setSaved(db, '2611.00002', true, T0 + 1);
    expect((await getSavedPapers(db)).map((paper) => paper.id)).toEqual(['2611.00002']);
    db.close();
  });
});

/** Version 2 exactly as it shipped: v1 plus the savedAt index, and read and saved marks on papers. */
async function createVersion2() {
  const db = await openDB(DB_NAME, 2, {
    upgrade(v2) {
      const papers = v2.createObjectStore('papers', { keyPath: 'id' });
      papers.createIndex('unseen', 'unseen');
      papers.createIndex('listedOn', 'listedOn');
      papers.createIndex('savedAt', 'savedAt');
      v2.createObjectStore('listings', { keyPath: 'key' });
      v2.createObjectStore('meta');
    },
  });
  const record = (id: string, listedOn: string, marks: object) => ({
    id,
    title: `Paper ${id}`,
    abstract: 'A long abstract',
    aiSummary: 'An AI summary',
    aiKeywords: ['keyword'],
    authors: ['A'],
    organization: 'Org',
    publishedAt: '2026-11-18T00:00:00.000Z',
    listedOn,
    upvotes: 3,
    comments: 0,
    firstSeenAt: T0,
    updatedAt: T0,
    listedDays: [listedOn],
    upvoteHistory: [[T0, 3]],
    ...marks,
  });
  await db.put('papers', record('2611.00001', '2026-11-20', { unseen: 1 }));
  await db.put('papers', record('2611.00002', '2026-11-19', { readAt: T0 + 1, savedAt: T0 + 2 }));
  await db.put('papers', record('2610.00003', '2026-10-30', {}));
  await db.put('listings', { key: 'day:2026-11-20', ids: ['2611.00001'], fetchedAt: T0 });
  await db.put('listings', { key: 'month:2026-11', ids: ['2611.00002', '2611.00001'], fetchedAt: T0 });
  await db.put('meta', { failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 }, 'sync');
  db.close();
}

describe('database upgrade to version 3', () => {
  it('keeps every paper, mark and listing, and back-fills a summary of each paper', async () => {
    await createVersion2();
    const db = await openPaperboyDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('papers')).toBe(3);
    expect((await getAllSummaries(db)).map((summary) => summary.id).sort()).toEqual(['2610.00003', '2611.00001', '2611.00002']);
    // Each listing's ready-made view, in its order.
    expect((await db.get('views', 'month:2026-11'))?.summaries.map((summary) => summary.id)).toEqual(['2611.00002', '2611.00001']);
    expect((await getListingPapers(db, 'month:2026-11')).map((paper) => paper.abstract)).toEqual(['A long abstract', 'A long abstract']);
    const { summaries } = await getListingSummaries(db, 'month:2026-11');
    expect(summaries.map((summary) => summary.id)).toEqual(['2611.00002', '2611.00001']);
    expect(summaries[0]).toMatchObject({ title: 'Paper 2611.00002', organization: 'Org', readAt: T0 + 1, savedAt: T0 + 2 });
    expect(summaries[0]).not.toHaveProperty('abstract');
    expect(summaries[1]).toMatchObject({ unseen: 1 });
    expect((await getSavedSummaries(db)).map((summary) => summary.id)).toEqual(['2611.00002']);
    expect(await countUnseen(db)).toBe(1);
    expect(await db.get('meta', 'sync')).toEqual({ failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 });
    // Marks written after the upgrade reach the summaries too.
    await setSaved(db, '2610.00003', true, T0 + 3);
    expect((await getSavedSummaries(db)).map((summary) => summary.id)).toEqual(['2610.00003', '2611.00002']);
    await setSaved(db, '2611.00001', true, T0 + 4);
    expect((await getListingSummaries(db, 'day:2026-11-20')).summaries[0]).toMatchObject({ id: '2611.00001', savedAt: T0 + 4 });
    db.close();
  });
});

/** Version 3 exactly as it shipped: v2 plus the updatedAt index, summaries and ready-made views. */
async function createVersion3() {
  const db = await openDB(DB_NAME, 3, {
    upgrade(v3) {
      const papers = v3.createObjectStore('papers', { keyPath: 'id' });
      papers.createIndex('unseen', 'unseen');
      papers.createIndex('listedOn', 'listedOn');
      papers.createIndex('savedAt', 'savedAt');
      papers.createIndex('updatedAt', 'updatedAt');
      const summaries = v3.createObjectStore('summaries', { keyPath: 'id' });
      summaries.createIndex('unseen', 'unseen');
      summaries.createIndex('savedAt', 'savedAt');
      v3.createObjectStore('views', { keyPath: 'key' });
      v3.createObjectStore('listings', { keyPath: 'key' });
      v3.createObjectStore('meta');
    },
  });
  const summary = (id: string, upvotes: number, marks: object) => ({
    id,
    title: `Paper ${id}`,
    authors: ['A'],
    publishedAt: '2026-11-18T00:00:00.000Z',
    listedOn: '2026-11-20',
    upvotes,
    comments: 0,
    firstSeenAt: T0,
    updatedAt: T0,
    listedDays: ['2026-11-20'],
    ...marks,
  });
  const summaries = [summary('2611.00001', 5, { unseen: 1 }), summary('2611.00002', 9, { readAt: T0 + 1 }), summary('2611.00003', 7, {})];
  for (const one of summaries) {
    await db.put('papers', { ...one, abstract: 'A long abstract', upvoteHistory: [[T0, one.upvotes]] });
    await db.put('summaries', one);
  }
  for (const key of ['day:2026-11-20', 'month:2026-11', 'week:2026-W47']) {
    await db.put('listings', { key, ids: summaries.map((one) => one.id), fetchedAt: T0 });
    await db.put('views', { key, summaries });
  }
  db.close();
}

describe('database upgrade to version 4', () => {
  it('keeps everything; the background then writes the heads of the stored weeks and months, which follow the marks', async () => {
    await createVersion3();
    const db = await openPaperboyDb();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('papers')).toBe(3);
    expect((await getListingSummaries(db, 'month:2026-11')).summaries).toHaveLength(3);
    // No head yet (the side panel reads such a view whole), until the background fills them in.
    expect((await getViewHead(db, 'month:2026-11')).head).toBeUndefined();
    expect(await fillMissingHeads(db)).toBe(2);
    expect(await fillMissingHeads(db)).toBe(0);
    // A day is read whole: no head.
    expect((await getViewHead(db, 'day:2026-11-20')).head).toBeUndefined();
    for (const key of ['month:2026-11', 'week:2026-W47'] as const) {
      const { listing, head } = await getViewHead(db, key);
      expect(listing?.fetchedAt).toBe(T0);
      expect(head).toMatchObject({ key, count: 3, unread: 2 });
      expect(head?.top.upvotes.map((one) => one.id)).toEqual(['2611.00002', '2611.00003', '2611.00001']);
      // And its facets (v7), which a panel opening under another filter counts from.
      expect((await db.get('facets', key))?.columns.id.sort()).toEqual(['2611.00001', '2611.00002', '2611.00003']);
    }
    await setRead(db, ['2611.00003'], true, T0 + 5);
    await markSeen(db, ['2611.00001']);
    const { head } = await getViewHead(db, 'month:2026-11');
    expect(head?.unread).toBe(1);
    expect(head?.top.upvotes.find((one) => one.id === '2611.00001')).not.toHaveProperty('unseen');

    // A head written before heads kept the papers with code is written again, once.
    const { hasCode: _, ...older } = (await getViewHead(db, 'week:2026-W47')).head!;
    await db.put('heads', older);
    expect(await fillMissingHeads(db)).toBe(1);
    expect((await getViewHead(db, 'week:2026-W47')).head?.hasCode).toBeDefined();
    expect(await fillMissingHeads(db)).toBe(0);
    // And one written before heads counted muted papers apart (no total).
    const { total: _total, ...uncounted } = (await getViewHead(db, 'week:2026-W47')).head!;
    await db.put('heads', uncounted);
    expect(await fillMissingHeads(db)).toBe(1);
    expect((await getViewHead(db, 'week:2026-W47')).head?.total).toBe(3);
    expect(await fillMissingHeads(db)).toBe(0);

    // A view written before v7 has no facets: they are written, once, and its head is kept.
    await db.delete('facets', 'month:2026-11');
    const headBefore = (await getViewHead(db, 'month:2026-11')).head;
    expect(await fillMissingHeads(db)).toBe(1);
    expect(rowsOf((await db.get('facets', 'month:2026-11'))!).find((row) => row.id === '2611.00003')?.readAt).toBe(T0 + 5);
    expect((await getViewHead(db, 'month:2026-11')).head).toEqual(headBefore);
    expect(await fillMissingHeads(db)).toBe(0);
    db.close();
  });
});

describe('database upgrade to version 5', () => {
  it('keeps everything and adds the empty store of linked repositories', async () => {
    await createVersion3();
    // Version 4 as it shipped: v3 plus the heads.
    const v4 = await openDB(DB_NAME, 4, { upgrade: (db) => void db.createObjectStore('heads', { keyPath: 'key' }) });
    v4.close();
    const db = await openPaperboyDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('linkedRepos');
    expect(await db.count('linkedRepos')).toBe(0);
    expect(await db.count('papers')).toBe(3);
    expect((await getListingSummaries(db, 'month:2026-11')).summaries).toHaveLength(3);
    db.close();
  });
});

describe('database upgrade to version 8', () => {
  it('moves the summaries into one record per listing day, keeping every mark, and writers keep them there', async () => {
    await createVersion3();
    // A paper listed on another day, as a v3 to v7 writer stored it.
    const v3 = await openDB(DB_NAME, 3);
    const other = { ...(await v3.get('summaries', '2611.00003')), id: '2611.00004', listedOn: '2026-11-19', listedDays: ['2026-11-19'], unseen: 1 };
    await v3.put('summaries', other);
    await v3.put('papers', { ...other, abstract: 'A long abstract', upvoteHistory: [[T0, 7]] });
    v3.close();
    // Versions 4 to 7 as they shipped: the heads, linked repositories, postings and the index's build, facets.
    const v7 = await openDB(DB_NAME, 7, {
      upgrade(db) {
        db.createObjectStore('heads', { keyPath: 'key' });
        db.createObjectStore('linkedRepos', { keyPath: 'id' });
        db.createObjectStore('postings');
        db.createObjectStore('searchBuild');
        db.createObjectStore('facets', { keyPath: 'key' });
      },
    });
    v7.close();

    const db = await openPaperboyDb();
    expect([...db.objectStoreNames]).not.toContain('summaries');
    const days = await db.getAll('daySummaries');
    expect(days.map((day) => [day.day, day.summaries.map((summary) => summary.id).sort(), day.unseen])).toEqual([
      ['2026-11-19', ['2611.00004'], 1],
      ['2026-11-20', ['2611.00001', '2611.00002', '2611.00003'], 1],
    ]);
    expect((await getAllSummaries(db)).find((summary) => summary.id === '2611.00002')).toMatchObject({ readAt: T0 + 1, upvotes: 9 });
    expect((await getUnseenSummaries(db)).map((summary) => summary.id).sort()).toEqual(['2611.00001', '2611.00004']);
    // Looking at the last unseen paper of a day clears the day's mark.
    await markSeen(db, ['2611.00004']);
    expect((await db.get('daySummaries', '2026-11-19'))?.unseen).toBeUndefined();
    expect((await getUnseenSummaries(db)).map((summary) => summary.id)).toEqual(['2611.00001']);
    db.close();
  });
});
