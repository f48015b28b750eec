// A page's first script starts its opening reads (lib/boot/early-read.ts); the page's state uses them once.
import { describe, expect, it } from 'vitest';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { createPopupState } from '@/components/popup/popup-state';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { startEarly, takeEarly } from '@/lib/boot/early-read';
import { loadHome } from '@/lib/boot/home';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '@/lib/reader/prefs';
import { makePaper } from '../../support/make-paper';

const NOW = Date.parse('2026-11-20T15:00:00Z');

describe('early reads', () => {
  it('hands a read over once, and nothing that was never started', async () => {
    startEarly('answer', async () => 42);
    const first = takeEarly<number>('answer');
    expect(await first).toBe(42);
    expect(takeEarly('answer')).toBeUndefined();
    expect(takeEarly('never')).toBeUndefined();
  });

  it('a failed early read that nobody takes is not an unhandled rejection', async () => {
    startEarly('failing', () => Promise.reject(new Error('no database')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarly('failing')).rejects.toThrow('no database');
  });

  it('the popup shows the home read early, then reads the database again on the next load', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const early = loadHome(db, NOW);
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00002', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const state = createPopupState({ db: getDb, send: (async () => ({ unseen: 0 })) as never, subscribe: () => () => undefined, now: () => NOW, firstHome: early });

    await state.load();
    expect(state.home.value?.latest.papers.map((paper) => paper.id)).toEqual(['2611.00001']);
    await state.load();
    expect(state.home.value?.latest.papers.map((paper) => paper.id).sort()).toEqual(['2611.00001', '2611.00002']);
  });

  it('a failed early home read shows as the load error, and the next load recovers', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const state = createPopupState({ db: getDb, send: (async () => ({ unseen: 0 })) as never, subscribe: () => () => undefined, now: () => NOW, firstHome: Promise.reject(new Error('blocked')) });
    await state.load();
    expect(state.loadError.value).toBe('blocked');
    await state.load();
    expect(state.loadError.value).toBe('');
    expect(state.home.value?.latest.papers).toHaveLength(1);
  });

  it('the side panel opens on the view of the preferences read early, not a second read of them', async () => {
    const stored: ReaderPrefs = { ...DEFAULT_READER_PREFS, view: 'today' };
    let reads = 0;
    const state = createPanelState({
      db: getDb,
      send: (async () => ({ status: 'fresh' })) as never,
      subscribe: () => () => undefined,
      now: () => NOW,
      prefs: { getValue: async () => (reads++, stored), setValue: async () => undefined },
      firstScreen: Promise.resolve({ prefs: { ...DEFAULT_READER_PREFS, view: 'month' }, view: { kind: 'month', month: '2026-11' } }),
    });
    await state.start();
    expect(state.view.value).toEqual({ kind: 'month', month: '2026-11' });
    expect(reads).toBe(0);
  });
});
