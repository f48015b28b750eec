import { describe, expect, it, vi } from 'vitest';
import { PAPER_STORES } from '@/lib/store/schema';
import {
  countUnseen,
  getAllSummaries,
  getListingSummaries,
  getSavedSummaries,
  getUnseenSummaries,
  getPapersUpdatedAfter,
  getListing,
  getSavedPapers,
  getListingPapers,
  latestListedDay,
} from '@/lib/store/reads';
import { deleteUnlistedPapers, putPapers, setRead, setSaved, markSeen, storeListing } from '@/lib/store/writes';
import { openPaperboyDb } from '@/lib/store/connection';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const paper = (id: string, overrides: Partial<Paper> = {}): Paper => makePaper(id, { abstract: 'Abstract', authors: ['A. Author'], upvotes: 1, ...overrides });

describe('the writers', () => {
  it('stores a listing in the source order and reports which papers are new', async () => {
    const db = await openPaperboyDb();
    const newIds = await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00002'), paper('2611.00001')], fetchedAt: T0, mode: 'merge' });
    expect(newIds).toEqual(['2611.00002', '2611.00001']);
    expect(await getListing(db, 'day:2026-11-20')).toEqual({ key: 'day:2026-11-20', ids: ['2611.00002', '2611.00001'], fetchedAt: T0 });
    const stored = await getListingPapers(db, 'day:2026-11-20');
    expect(stored.map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
    expect(stored[0]).toMatchObject({ unseen: 1, firstSeenAt: T0, listedDays: ['2026-11-20'], upvoteHistory: [[T0, 1]] });
    expect(await countUnseen(db)).toBe(2);
  });

  it('tells stored papers from new ones across arXiv months, and reads only the stored ones', async () => {
    const db = await openPaperboyDb();
    const earlier = ['2410.00005', '2611.00002'].map((id) => paper(id, { listedOn: '2026-11-19' }));
    await storeListing(db, { key: 'day:2026-11-19', papers: earlier, fetchedAt: T0, mode: 'merge' });
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    let newIds: string[];
    try {
      const ids = ['2410.00005', '2410.00001', '2611.00002', '2611.00009', '2501.00001', '2410.00009'];
      newIds = await storeListing(db, { key: 'day:2026-11-20', papers: ids.map((id) => paper(id)), fetchedAt: T0 + 1000, mode: 'merge' });
      expect(get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'papers')).toHaveLength(2);
    } finally {
      get.mockRestore();
    }
    expect(newIds).toEqual(['2410.00001', '2611.00009', '2501.00001', '2410.00009']);
    const [kept] = await getListingPapers(db, 'day:2026-11-20');
    expect(kept).toMatchObject({ id: '2410.00005', firstSeenAt: T0, listedDays: ['2026-11-19', '2026-11-20'] });
  });

  it('keeps a summary of every paper in step with its marks, and reads a month of them in listing order', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, {
      key: 'month:2026-11',
      papers: [paper('2611.00002', { listedOn: '2026-11-03' }), paper('2611.00001', { listedOn: '2026-11-20' })],
      fetchedAt: T0,
      mode: 'merge',
    });
    // A paper the source lists under another month is still read, by id.
    await storeListing(db, { key: 'month:2026-11', papers: [paper('2611.00003', { listedOn: '2026-10-31' })], fetchedAt: T0 + 1, mode: 'merge' });
    await storeListing(db, { key: 'day:2026-12-01', papers: [paper('2612.00001', { listedOn: '2026-12-01' })], fetchedAt: T0 + 2, mode: 'merge' });
    const { listing, summaries } = await getListingSummaries(db, 'month:2026-11');
    expect(listing?.ids).toEqual(['2611.00003', '2611.00002', '2611.00001']);
    expect(summaries.map((summary) => summary.id)).toEqual(['2611.00003', '2611.00002', '2611.00001']);
    // No long texts in a summary.
    expect(summaries[0]).not.toHaveProperty('abstract');
    expect(summaries[0]).not.toHaveProperty('upvoteHistory');
    expect(summaries[0]).toMatchObject({ id: '2611.00003', title: 'Paper 2611.00003', authors: ['A. Author'], unseen: 1, upvotes: 1, updatedAt: T0 + 1 });

    await markSeen(db, ['2611.00001']);
    await setRead(db, ['2611.00002'], true, T0 + 5);
    await setSaved(db, '2611.00003', true, T0 + 6);
    const after = new Map((await getListingSummaries(db, 'month:2026-11')).summaries.map((summary) => [summary.id, summary]));
    expect(after.get('2611.00001')?.unseen).toBeUndefined();
    expect(after.get('2611.00002')).toMatchObject({ readAt: T0 + 5 });
    expect((await getSavedSummaries(db)).map((summary) => summary.id)).toEqual(['2611.00003']);
    // The day's own view follows marks too, and a later sync's counts.
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001', { listedOn: '2026-11-20', upvotes: 7 })], fetchedAt: T0 + 7, mode: 'merge' });
    await setRead(db, ['2611.00001'], true, T0 + 8);
    expect((await getListingSummaries(db, 'day:2026-11-20')).summaries).toMatchObject([{ id: '2611.00001', upvotes: 7, readAt: T0 + 8 }]);
    expect((await getListingSummaries(db, 'month:2026-11')).summaries[2]).toMatchObject({ id: '2611.00001', upvotes: 7, readAt: T0 + 8 });
    expect((await getUnseenSummaries(db)).map((summary) => summary.id).sort()).toEqual(['2611.00003', '2612.00001']);
    // Without its view (not expected), a listing is still read whole, by id.
    await db.delete('views', 'month:2026-11');
    expect((await getListingSummaries(db, 'month:2026-11')).summaries.map((summary) => summary.id)).toEqual(['2611.00003', '2611.00002', '2611.00001']);
    // What changed after a time, oldest change first, for the search index.
    expect((await getPapersUpdatedAfter(db, T0 + 1)).map((record) => record.id)).toEqual(['2612.00001', '2611.00001']);
    expect((await getPapersUpdatedAfter(db, T0 + 2)).map((record) => record.id)).toEqual(['2611.00001']);
    // Writers outside the store (imports, synced marks, alerts) go through putPapers.
    const tx = db.transaction([...PAPER_STORES], 'readwrite');
    const record = (await tx.objectStore('papers').get('2611.00002'))!;
    await putPapers(tx, [{ ...record, savedAt: T0 + 9 }]);
    await tx.done;
    expect((await getListingSummaries(db, 'month:2026-11')).summaries[1]).toMatchObject({ id: '2611.00002', savedAt: T0 + 9 });
    const removal = db.transaction([...PAPER_STORES], 'readwrite');
    deleteUnlistedPapers(removal, ['2612.00001']);
    await removal.done;
    expect((await getAllSummaries(db)).map((summary) => summary.id).sort()).toEqual(['2611.00001', '2611.00002', '2611.00003']);
    expect(await db.get('daySummaries', '2026-12-01')).toBeUndefined();
    db.close();
  });

  it('keeps each summary in the record of its listing day, and moves it when the source moves the paper', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, {
      key: 'day:2026-11-19',
      papers: [paper('2611.00001', { listedOn: '2026-11-19' }), paper('2611.00002', { listedOn: '2026-11-19' })],
      fetchedAt: T0,
      mode: 'merge',
    });
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00003', { listedOn: '2026-11-20' })], fetchedAt: T0 + 1, mode: 'merge' });
    const day = async (key: string) => (await db.get('daySummaries', key))?.summaries.map((summary) => summary.id).sort();
    expect(await day('2026-11-19')).toEqual(['2611.00001', '2611.00002']);
    expect(await day('2026-11-20')).toEqual(['2611.00003']);
    // The next day's answer dates 2611.00002 on the 20th: its summary leaves the 19th's record.
    await storeListing(db, {
      key: 'day:2026-11-20',
      papers: [paper('2611.00003', { listedOn: '2026-11-20' }), paper('2611.00002', { listedOn: '2026-11-20', upvotes: 4 })],
      fetchedAt: T0 + 2,
      mode: 'merge',
    });
    expect(await day('2026-11-19')).toEqual(['2611.00001']);
    expect(await day('2026-11-20')).toEqual(['2611.00002', '2611.00003']);
    expect((await getAllSummaries(db)).map((summary) => [summary.id, summary.upvotes]).sort()).toEqual([
      ['2611.00001', 1],
      ['2611.00002', 4],
      ['2611.00003', 1],
    ]);
    db.close();
  });

  it('merges a growing day list without losing a paper, and keeps the newest counts', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001'), paper('2611.00002')], fetchedAt: T0, mode: 'merge' });
    const later = T0 + 3_600_000;
    const newIds = await storeListing(db, {
      key: 'day:2026-11-20',
      papers: [paper('2611.00003'), paper('2611.00001', { upvotes: 9, aiSummary: undefined })],
      fetchedAt: later,
      mode: 'merge',
    });
    expect(newIds).toEqual(['2611.00003']);
    expect((await getListing(db, 'day:2026-11-20'))!.ids).toEqual(['2611.00003', '2611.00001', '2611.00002']);
    const first = await db.get('papers', '2611.00001');
    expect(first).toMatchObject({
      upvotes: 9,
      firstSeenAt: T0,
      updatedAt: later,
      upvoteHistory: [
        [T0, 1],
        [later, 9],
      ],
    });
  });

  it('never rolls counts back from an answer older than what is stored', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'trending', papers: [paper('2611.00001', { upvotes: 20 })], fetchedAt: T0, mode: 'replace' });
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001', { upvotes: 5 })], fetchedAt: T0 - 1000, mode: 'merge' });
    expect((await db.get('papers', '2611.00001'))!.upvotes).toBe(20);
  });

  it('keeps fields the source stopped sending', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, {
      key: 'trending',
      papers: [paper('2611.00001', { githubRepo: 'https://github.com/a/b', aiSummary: 'S' })],
      fetchedAt: T0,
      mode: 'replace',
    });
    await storeListing(db, { key: 'trending', papers: [paper('2611.00001')], fetchedAt: T0 + 1, mode: 'replace' });
    expect(await db.get('papers', '2611.00001')).toMatchObject({ githubRepo: 'https://github.com/a/b', aiSummary: 'S' });
  });

  it('replaces a ranking instead of merging it', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'trending', papers: [paper('2611.00001'), paper('2611.00002')], fetchedAt: T0, mode: 'replace' });
    await storeListing(db, { key: 'trending', papers: [paper('2611.00003')], fetchedAt: T0 + 1, mode: 'replace' });
    expect((await getListing(db, 'trending'))!.ids).toEqual(['2611.00003']);
    expect(await db.count('papers')).toBe(3);
  });

  it('records every day a paper was listed on', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001')], fetchedAt: T0, mode: 'merge' });
    await storeListing(db, { key: 'day:2026-11-19', papers: [paper('2611.00001', { listedOn: '2026-11-19' })], fetchedAt: T0 + 1, mode: 'merge' });
    expect((await db.get('papers', '2611.00001'))!.listedDays).toEqual(['2026-11-19', '2026-11-20']);
  });

  it('marks papers seen and counts what is left', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001'), paper('2611.00002'), paper('2611.00003')], fetchedAt: T0, mode: 'merge' });
    expect(await markSeen(db, ['2611.00001', '2611.00003', '2611.09999'])).toBe(2);
    expect(await markSeen(db, ['2611.00001'])).toBe(0);
    expect(await countUnseen(db)).toBe(1);
    // Seen stays seen when the paper is fetched again.
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001', { upvotes: 3 })], fetchedAt: T0 + 1, mode: 'merge' });
    expect((await db.get('papers', '2611.00001'))!.unseen).toBeUndefined();
  });

  it('keeps read and saved marks, and finds saved papers newest first', async () => {
    const db = await openPaperboyDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001'), paper('2611.00002'), paper('2611.00003')], fetchedAt: T0, mode: 'merge' });
    expect(await setRead(db, ['2611.00001', '2611.00002'], true, T0 + 1)).toEqual(['2611.00001', '2611.00002']);
    expect(await setRead(db, ['2611.00001'], true, T0 + 2)).toEqual([]);
    expect(await setRead(db, ['2611.00002'], false, T0 + 3)).toEqual(['2611.00002']);
    // Reading a paper is looking at it.
    expect(await db.get('papers', '2611.00001')).toMatchObject({ readAt: T0 + 1 });
    expect((await db.get('papers', '2611.00001'))!.unseen).toBeUndefined();
    expect((await db.get('papers', '2611.00002'))!.readAt).toBeUndefined();

    expect(await setSaved(db, '2611.00003', true, T0 + 10)).toBe(true);
    expect(await setSaved(db, '2611.00001', true, T0 + 20)).toBe(true);
    expect(await setSaved(db, '2611.00001', true, T0 + 30)).toBe(false);
    expect((await getSavedPapers(db)).map((p) => p.id)).toEqual(['2611.00001', '2611.00003']);
    // A later fetch of the same paper keeps the marks.
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001', { upvotes: 99 })], fetchedAt: T0 + 40, mode: 'merge' });
    expect(await db.get('papers', '2611.00001')).toMatchObject({ upvotes: 99, readAt: T0 + 1, savedAt: T0 + 20 });
    expect(await setSaved(db, '2611.00001', false, T0 + 50)).toBe(true);
    expect((await getSavedPapers(db)).map((p) => p.id)).toEqual(['2611.00003']);
  });

  it('stores papers fetched on request without calling them new', async () => {
    const db = await openPaperboyDb();
    const newIds = await storeListing(db, {
      key: 'day:2026-09-01',
      papers: [paper('2609.00001', { listedOn: '2026-09-01' })],
      fetchedAt: T0,
      mode: 'merge',
      markNew: false,
    });
    expect(newIds).toEqual(['2609.00001']);
    expect(await countUnseen(db)).toBe(0);
  });

  it('finds the latest listing day that has papers', async () => {
    const db = await openPaperboyDb();
    expect(await latestListedDay(db)).toBeUndefined();
    await storeListing(db, { key: 'day:2026-11-19', papers: [paper('2611.00001', { listedOn: '2026-11-19' })], fetchedAt: T0, mode: 'merge' });
    await storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00002')], fetchedAt: T0, mode: 'merge' });
    await storeListing(db, { key: 'day:2026-11-21', papers: [], fetchedAt: T0, mode: 'merge' });
    expect(await latestListedDay(db)).toBe('2026-11-20');
  });

  it('writes a listing whole or not at all', async () => {
    const db = await openPaperboyDb();
    // A paper that cannot be stored (no key) aborts the transaction: nothing of the listing lands.
    const broken = { ...paper('2611.00002'), id: undefined } as unknown as Paper;
    await expect(storeListing(db, { key: 'day:2026-11-20', papers: [paper('2611.00001'), broken], fetchedAt: T0, mode: 'merge' })).rejects.toThrow();
    expect(await db.count('papers')).toBe(0);
    expect(await getListing(db, 'day:2026-11-20')).toBeUndefined();
  });
});
