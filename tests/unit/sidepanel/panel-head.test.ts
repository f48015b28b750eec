// A week or month paints from its head (DB v4) or, under other filters, its facets (v7) before its whole view is read.
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { getDb } from '@/lib/store/connection';
import { putPapers, setRead, storeListing } from '@/lib/store/writes';
import { PAPER_STORES } from '@/lib/store/schema';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { HEAD_SIZE } from '@/lib/store/view-heads';
import { makePaper } from '../../support/make-paper';
import { freshViewsSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');

async function seedMonth() {
  const db = await getDb();
  const papers = Array.from({ length: 10 }, (_, index) =>
    makePaper(`2611.0000${index}`, { upvotes: (index * 7) % 10, listedOn: `2026-11-1${index % 5}`, organization: index % 2 ? 'Odd Lab' : 'Even Lab' }),
  );
  await storeListing(db, { key: 'month:2026-11', papers, fetchedAt: NOW - 1000, mode: 'replace', markNew: false });
  await setRead(db, ['2611.00001', '2611.00002'], true, NOW);
}

/** A reader over the test database, opening with `prefs`, that asks the background for nothing. */
const panelWith = (prefs: ReaderPrefs) =>
  createPanelState({
    db: getDb,
    send: freshViewsSend(),
    subscribe: () => () => undefined,
    now: () => NOW,
    prefs: { getValue: async () => prefs, setValue: async () => undefined },
  });

/** Every state of the list the panel shows while it opens. */
async function open(prefs: ReaderPrefs) {
  const state = panelWith(prefs);
  const shown: { ids: string[]; unread: number; total: number; matching: number; organizations: number }[] = [];
  const stop = effect(() => {
    const ids = state.visible.value.map((paper) => paper.id);
    if (ids.length > 0)
      shown.push({
        ids,
        unread: state.unreadCount.value,
        total: state.total.value,
        matching: state.matching.value,
        organizations: state.organizations.value.length,
      });
  });
  await state.start();
  stop();
  return shown;
}

describe('opening a month', () => {
  it('shows the head first (its first cards, the counts of the whole month), then the whole month', async () => {
    await seedMonth();
    const shown = await open({ ...DEFAULT_READER_PREFS, view: 'month' });
    const byUpvotes = [
      '2611.00007',
      '2611.00004',
      '2611.00001',
      '2611.00008',
      '2611.00005',
      '2611.00002',
      '2611.00009',
      '2611.00006',
      '2611.00003',
      '2611.00000',
    ];
    expect(shown[0]).toEqual({ ids: byUpvotes.slice(0, HEAD_SIZE), unread: 8, total: 10, matching: 10, organizations: 0 });
    expect(shown.at(-1)).toEqual({ ids: byUpvotes, unread: 8, total: 10, matching: 10, organizations: 2 });
  });

  it.each([
    ['no filter', {}],
    ['"Has code" (its head)', { hasCode: true }],
    ['a minimum of upvotes (its facets)', { minUpvotes: 1 }],
  ] as const)('counts the same before and after the whole month is read when papers in it are muted, with %s', async (_label, filters) => {
    await seedMonth();
    const db = await getDb();
    const tx = db.transaction([...PAPER_STORES], 'readwrite');
    const muted = (await Promise.all(['2611.00007', '2611.00005', '2611.00003'].map((id) => tx.objectStore('papers').get(id)))).map((paper) => ({
      ...paper!,
      githubRepo: 'https://github.com/acme/model',
      muted: [{ kind: 'keyword' as const, label: 'diffusion' }],
    }));
    const withCode = (await Promise.all(['2611.00004', '2611.00008'].map((id) => tx.objectStore('papers').get(id)))).map((paper) => ({
      ...paper!,
      githubRepo: 'https://github.com/acme/model',
    }));
    await putPapers(tx, [...muted, ...withCode]);
    await tx.done;
    const shown = await open({ ...DEFAULT_READER_PREFS, view: 'month', filters });
    const first = shown[0]!;
    const last = shown.at(-1)!;
    expect(first.ids.filter((id) => ['2611.00007', '2611.00005', '2611.00003'].includes(id))).toEqual([]);
    expect({ matching: first.matching, unread: first.unread, total: first.total }).toEqual({ matching: last.matching, unread: last.unread, total: last.total });
    expect(first.ids).toEqual(last.ids.slice(0, first.ids.length));
  });

  it('reads the whole month at once when it has no head (stored before v4, not yet filled in)', async () => {
    await seedMonth();
    await (await getDb()).delete('heads', 'month:2026-11');
    const shown = await open({ ...DEFAULT_READER_PREFS, view: 'month' });
    expect(shown.every((state) => state.ids.length === 10 && state.unread === 8)).toBe(true);
  });

  it('with a minimum of upvotes kept, shows the first papers from the facets (counted as the whole month will be), then the whole month', async () => {
    await seedMonth();
    const shown = await open({ ...DEFAULT_READER_PREFS, view: 'month', filters: { minUpvotes: 2 } });
    const kept = ['2611.00007', '2611.00004', '2611.00001', '2611.00008', '2611.00005', '2611.00002', '2611.00009', '2611.00006'];
    expect(shown[0]).toEqual({ ids: kept.slice(0, HEAD_SIZE), unread: 6, total: 10, matching: 8, organizations: 0 });
    expect(shown.at(-1)).toEqual({ ids: kept, unread: 6, total: 10, matching: 8, organizations: 2 });
  });

  it('reads the whole month at once under a filter when it has no facets (stored before v7, not yet filled in)', async () => {
    await seedMonth();
    await (await getDb()).delete('facets', 'month:2026-11');
    const shown = await open({ ...DEFAULT_READER_PREFS, view: 'month', filters: { organization: 'Odd Lab' } });
    expect(shown[0]?.ids).toHaveLength(5);
    expect(shown.every((state) => state.ids.length === 5 && state.organizations === 2)).toBe(true);
  });

  it('shows the head first when the reader switches to the month, too', async () => {
    await seedMonth();
    const state = panelWith(DEFAULT_READER_PREFS);
    await state.start();
    const shown: { ids: number; total: number }[] = [];
    const stop = effect(() => {
      const ids = state.visible.value.length;
      if (ids > 0) shown.push({ ids, total: state.total.value });
    });
    await state.setView({ kind: 'month', month: '2026-11' });
    stop();
    expect(shown[0]).toEqual({ ids: HEAD_SIZE, total: 10 });
    expect(shown.at(-1)).toEqual({ ids: 10, total: 10 });
  });
});
