// A page's first script starts its opening reads (lib/boot/early-read.ts); the page's state uses them once.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPopupState } from '@/components/popup/popup-state';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { startEarly, takeEarly } from '@/lib/boot/early-read';
import { loadHome, type HomeData } from '@/lib/boot/home';
import { makePaper } from '../../support/make-paper';
import { fakeSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');

describe('early reads', () => {
  it('hands a read over once, and nothing that had not been started', async () => {
    const home = await loadHome(await getDb(), NOW);
    expect(takeEarly('home')).toBeUndefined();
    startEarly('home', async () => home);
    expect(await takeEarly('home')).toBe(home);
    expect(takeEarly('home')).toBeUndefined();
  });

  it('a failed early read that nobody takes is not an unhandled rejection', async () => {
    startEarly('home', () => Promise.reject(new Error('no database')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarly('home')).rejects.toThrow('no database');
  });

  it('a read is typed by its name: another name or type does not compile (the typecheck runs these lines)', async () => {
    expectTypeOf(takeEarly('home')).toEqualTypeOf<Promise<HomeData> | undefined>();
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
});
