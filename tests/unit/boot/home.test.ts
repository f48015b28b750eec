import { describe, expect, it } from 'vitest';
import { loadHome } from '@/lib/boot/home';
import { getDb } from '@/lib/store/connection';
import { putPapers, storeListing } from '@/lib/store/writes';
import { PAPER_STORES } from '@/lib/store/schema';
import { makePaper } from '../../support/make-paper';
import { sortPapers } from '@/lib/reader/filters';

const NOW = Date.parse('2026-11-20T15:00:00Z');

describe("the popup's home", () => {
  it('leaves muted papers out of every list', async () => {
    const db = await getDb();
    const papers = ['2611.00001', '2611.00002', '2611.00003'].map((id) => makePaper(id));
    await storeListing(db, { key: 'day:2026-11-20', papers, fetchedAt: NOW, mode: 'merge' });
    await storeListing(db, { key: 'trending', papers, fetchedAt: NOW, mode: 'replace' });
    await storeListing(db, { key: 'day:2026-11-18', papers: [makePaper('2611.00004', { listedOn: '2026-11-18' })], fetchedAt: NOW, mode: 'merge' });
    const tx = db.transaction([...PAPER_STORES], 'readwrite');
    const muted = [(await tx.objectStore('papers').get('2611.00002'))!, (await tx.objectStore('papers').get('2611.00004'))!];
    await putPapers(
      tx,
      muted.map((paper) => ({ ...paper, muted: [{ kind: 'keyword' as const, label: 'crypto' }] })),
    );
    await tx.done;

    const home = await loadHome(db, NOW);
    expect(home.trending.map((paper) => paper.id)).toEqual(['2611.00001', '2611.00003']);
    expect(home.latest.papers.map((paper) => paper.id).sort()).toEqual(['2611.00001', '2611.00003']);
    expect(home.earlierUnseen).toEqual([]);
  });

  it('orders the latest day as the side panel does: most upvoted first, ties the newer arXiv id first', async () => {
    const db = await getDb();
    const papers = [
      makePaper('2611.00001', { upvotes: 5 }),
      makePaper('2611.00003', { upvotes: 9 }),
      makePaper('2611.00002', { upvotes: 5 }),
      makePaper('2611.00004', { upvotes: 5 }),
    ];
    await storeListing(db, { key: 'day:2026-11-20', papers, fetchedAt: NOW, mode: 'merge' });
    const home = await loadHome(db, NOW);
    const ids = home.latest.papers.map((paper) => paper.id);
    expect(ids).toEqual(['2611.00003', '2611.00004', '2611.00002', '2611.00001']);
    expect(ids).toEqual(sortPapers(home.latest.papers, 'upvotes').map((paper) => paper.id));
  });
});
