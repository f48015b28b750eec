// A page's first script starts its opening reads (lib/boot/early-read.ts); the page's state uses them once.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { createPopupState } from '@/components/popup/popup-state';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { startEarly, takeEarly } from '@/lib/boot/early-read';
import { loadHome, type HomeData } from '@/lib/boot/home';
import type { FirstScreen } from '@/lib/boot/first-screen';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { makePaper } from '../../support/make-paper';
import { fakeSend, freshViewsSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');

describe('early reads', () => {
  it('hands a read over once, and nothing that had not been started', async () => {
    const screen: FirstScreen = { prefs: DEFAULT_READER_PREFS, view: { kind: 'today' } };
    startEarly('firstScreen', async () => screen);
    const first = takeEarly('firstScreen');
    expect(await first).toBe(screen);
    expect(takeEarly('firstScreen')).toBeUndefined();
    expect(takeEarly('home')).toBeUndefined();
  });

  it('a failed early read that nobody takes is not an unhandled rejection', async () => {
    startEarly('home', () => Promise.reject(new Error('no database')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarly('home')).rejects.toThrow('no database');
  });

  it('a read is typed by its name: another name or type does not compile (the typecheck runs these lines)', async () => {
    expectTypeOf(takeEarly('home')).toEqualTypeOf<Promise<HomeData> | undefined>();
    expectTypeOf(takeEarly('firstScreen')).toEqualTypeOf<Promise<FirstScreen> | undefined>();
    // @ts-expect-error: no early read has that name
    expect(takeEarly('answer')).toBeUndefined();
    // @ts-expect-error: the home read resolves to the home lists
    startEarly('home', async () => 42);
    await takeEarly('home');
  });

  it('the popup shows the home read early, then reads the database again on the next load', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const early = loadHome(db, NOW);
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00002', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const state = createPopupState({
      db: getDb,
      send: fakeSend({ markSeen: async () => ({ unseen: 0 }) }),
      subscribe: () => () => undefined,
      now: () => NOW,
      firstHome: early,
    });

    await state.load();
    expect(state.home.value?.latest.papers.map((paper) => paper.id)).toEqual(['2611.00001']);
    await state.load();
    expect(state.home.value?.latest.papers.map((paper) => paper.id).sort()).toEqual(['2611.00001', '2611.00002']);
  });

  it('a failed early home read shows as the load error, and the next load recovers', async () => {
    const db = await getDb();
    await storeListing(db, { key: 'day:2026-11-20', papers: [makePaper('2611.00001', { listedOn: '2026-11-20' })], fetchedAt: NOW, mode: 'merge' });
    const state = createPopupState({
      db: getDb,
      send: fakeSend({ markSeen: async () => ({ unseen: 0 }) }),
      subscribe: () => () => undefined,
      now: () => NOW,
      firstHome: Promise.reject(new Error('blocked')),
    });
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
      send: freshViewsSend(),
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
