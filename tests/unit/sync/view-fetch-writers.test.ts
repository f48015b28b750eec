// The reader reads summaries and ready-made listing views (DB v3): every writer of papers
// outside lib/store (synced saved marks, imports, watchlist marks) must keep them in step.
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/store/connection';
import { getListingSummaries, getSavedSummaries } from '@/lib/store/reads';
import { setRead, storeListing } from '@/lib/store/writes';
import type { ListingKey } from '@/lib/store/records';
import { applyMarks, importPapers } from '@/lib/saved/store';
import { createAlerts } from '@/lib/alerts/service';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');
const KEY = 'day:2026-11-20' as const;

async function seed() {
  const db = await getDb();
  await storeListing(db, {
    key: KEY,
    papers: [makePaper('2611.00001', { title: 'Diffusion for robots' }), makePaper('2611.00002', { title: 'Plain title' })],
    fetchedAt: T0,
    mode: 'merge',
  });
  return db;
}

const shown = async (id: string) => (await getListingSummaries(await getDb(), KEY)).summaries.find((summary) => summary.id === id);

describe('summaries and listing views follow every writer', () => {
  it('a saved mark from another device shows in the listing view and the Saved view', async () => {
    const db = await seed();
    await applyMarks(db, { '2611.00002': 1_795_000_000 });
    expect((await shown('2611.00002'))?.savedAt).toBe(1_795_000_000_000);
    expect((await getSavedSummaries(db)).map((summary) => summary.id)).toEqual(['2611.00002']);
    await applyMarks(db, { '2611.00002': -1_795_000_100 });
    expect((await shown('2611.00002'))?.savedAt).toBeUndefined();
    expect(await getSavedSummaries(db)).toEqual([]);
  });

  it('an import that marks a listed paper read shows in its view', async () => {
    const db = await seed();
    await importPapers(db, [{ ...makePaper('2611.00001'), readAt: T0 + 1 }], T0 + 2);
    expect((await shown('2611.00001'))?.readAt).toBe(T0 + 1);
  });

  it('watchlist marks show in the listing view', async () => {
    await seed();
    const alerts = createAlerts({ db: getDb, watchRules: async () => [{ kind: 'keyword', value: 'diffusion', label: 'diffusion', addedAt: T0 }] });
    await alerts.remarkAll();
    expect((await shown('2611.00001'))?.watch).toHaveLength(1);
    expect((await shown('2611.00002'))?.watch).toBeUndefined();
  });

  // The source's answer for one listing can hold a paper it dates on another day: patches must
  // still reach that listing's view, though the paper's own days do not lead there.
  const summaryIn = async (key: ListingKey, id: string) => (await getListingSummaries(await getDb(), key)).summaries.find((summary) => summary.id === id);

  it('a read mark shows in a day view whose answer held a paper dated the day before', async () => {
    const db = await getDb();
    await storeListing(db, { key: KEY, papers: [makePaper('2611.00003', { listedOn: '2026-11-19' })], fetchedAt: T0, mode: 'merge' });
    await setRead(db, ['2611.00003'], true, T0 + 1);
    expect((await summaryIn(KEY, '2611.00003'))?.readAt).toBe(T0 + 1);
    expect(await summaryIn('month:2026-11', '2611.00003')).toBeUndefined();
  });

  it("new upvotes from the paper's own day show in a month view that held it from the month before", async () => {
    const db = await getDb();
    await storeListing(db, { key: 'month:2026-11', papers: [makePaper('2610.00004', { listedOn: '2026-10-31', upvotes: 3 })], fetchedAt: T0, mode: 'replace' });
    await storeListing(db, {
      key: 'day:2026-10-31',
      papers: [makePaper('2610.00004', { listedOn: '2026-10-31', upvotes: 9 })],
      fetchedAt: T0 + 1,
      mode: 'merge',
    });
    expect((await summaryIn('month:2026-11', '2610.00004'))?.upvotes).toBe(9);
    expect((await summaryIn('day:2026-10-31', '2610.00004'))?.upvotes).toBe(9);
  });
});
