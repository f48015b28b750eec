// The side panel's opening reads (lib/boot/first-screen.ts): the preferences, and a week's or month's head.
import { effect } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { getDb } from '@/lib/store/connection';
import { setRead, storeListing } from '@/lib/store/writes';
import { readFirstScreen } from '@/lib/boot/first-screen';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { HEAD_SIZE } from '@/lib/store/view-heads';
import { makePaper } from '../../support/make-paper';
import { freshViewsSend } from '../../support/fakes';

const NOW = Date.parse('2026-11-20T15:00:00Z');
// Paper n has n upvotes and n % 4 comments; every third has its code on GitHub, every fifth
// from the third is Odd Lab's, every fifth from the second has a project page; 2 and 6 are read.
const monthPapers = (count: number, prefix = '2611.000') =>
  Array.from({ length: count }, (_, index) =>
    makePaper(`${prefix}${String(index).padStart(2, '0')}`, {
      upvotes: index,
      comments: index % 4,
      listedOn: `2026-11-1${index % 5}`,
      githubRepo: index % 3 === 0 ? 'https://github.com/acme/model' : undefined,
      organization: index % 5 === 3 ? 'Odd Lab' : 'ACME Research',
      projectPage: index % 5 === 2 ? 'https://acme.example/project' : undefined,
    }),
  );

async function seedMonth(count = 10) {
  const db = await getDb();
  await storeListing(db, { key: 'month:2026-11', papers: monthPapers(count), fetchedAt: NOW - 1000, mode: 'replace', markNew: false });
  await setRead(db, ['2611.00002', '2611.00006'], true, NOW - 500);
  return db;
}

const month = (prefs: Partial<ReaderPrefs> = {}): ReaderPrefs => ({ ...DEFAULT_READER_PREFS, view: 'month', ...prefs });

describe('readFirstScreen', () => {
  it('reads a month head and the full records of its first cards in the preferred sort', async () => {
    const db = await seedMonth();
    const screen = await readFirstScreen(Promise.resolve(month()), Promise.resolve(db), NOW);
    expect(screen.view).toEqual({ kind: 'month', month: '2026-11' });
    expect(screen.head?.key).toBe('month:2026-11');
    expect(screen.head?.total).toBe(10);
    const top = ['2611.00009', '2611.00008', '2611.00007', '2611.00006', '2611.00005', '2611.00004'];
    expect(screen.head?.first.map((paper) => paper.id)).toEqual(top);
    expect(screen.head?.records.map((record) => record.id)).toEqual(top);
    expect(screen.head?.records[0]?.abstract).toBeTruthy();
  });

  it('reads the head of the papers with code when "Has code" is the filter kept', async () => {
    const db = await seedMonth();
    const screen = await readFirstScreen(Promise.resolve(month({ filters: { hasCode: true } })), Promise.resolve(db), NOW);
    expect(screen.head?.count).toBe(4);
    expect(screen.head?.total).toBe(10);
    expect(screen.head?.records.map((record) => record.id)).toEqual(['2611.00009', '2611.00006', '2611.00003', '2611.00000']);
  });

  it.each([
    ['a minimum of upvotes', { minUpvotes: 7 }, 'upvotes', ['2611.00009', '2611.00008', '2611.00007'], 3],
    ['"Has code" with a minimum of upvotes', { hasCode: true, minUpvotes: 3 }, 'upvotes', ['2611.00009', '2611.00006', '2611.00003'], 3],
    ['an organisation', { organization: 'Odd Lab' }, 'upvotes', ['2611.00008', '2611.00003'], 2],
    ['Hide read', { unreadOnly: true }, 'comments', ['2611.00007', '2611.00003', '2611.00009', '2611.00005', '2611.00001', '2611.00008'], 8],
    ['a project page', { hasProjectPage: true }, 'published', ['2611.00007', '2611.00002'], 2],
  ] as const)('reads the first papers and counts from the month’s facets with %s kept', async (_label, filters, sort, ids, count) => {
    const db = await seedMonth();
    const screen = await readFirstScreen(Promise.resolve(month({ filters, sort })), Promise.resolve(db), NOW);
    expect(screen.head?.first.map((paper) => paper.id)).toEqual(ids);
    expect(screen.head?.records.map((record) => record.id)).toEqual(ids);
    expect(screen.head?.records[0]?.abstract).toBeTruthy();
    expect({ count: screen.head?.count, total: screen.head?.total }).toEqual({ count, total: 10 });
  });

  it.each([
    ['a day view', month({ view: 'today' })],
    ['the trending sort', month({ sort: 'trending' })],
  ])('leaves the reads to the page with %s', async (_label, prefs) => {
    const db = await seedMonth();
    const screen = await readFirstScreen(Promise.resolve(prefs), Promise.resolve(db), NOW);
    expect(screen.prefs).toEqual(prefs);
    expect(screen.head).toBeUndefined();
  });

  it('opens on the default view when the preferences cannot be read', async () => {
    const screen = await readFirstScreen(Promise.reject(new Error('storage gone')), getDb(), NOW);
    expect(screen.prefs).toEqual(DEFAULT_READER_PREFS);
    expect(screen.view).toEqual({ kind: 'today' });
  });

  it('leaves a database that will not open to the page, without rejecting', async () => {
    const screen = await readFirstScreen(Promise.resolve(month()), Promise.reject(new Error('blocked')), NOW);
    expect(screen).toEqual({ prefs: month(), view: { kind: 'month', month: '2026-11' } });
  });
});

describe('the side panel opening on a month', () => {
  it('with "Has code" kept, paints the head of the papers with code first, counted against the month', async () => {
    const db = await seedMonth();
    const prefs = month({ filters: { hasCode: true } });
    const { head } = await readFirstScreen(Promise.resolve(prefs), Promise.resolve(db), NOW);
    const state = createPanelState({
      db: getDb,
      send: freshViewsSend(),
      subscribe: () => () => undefined,
      now: () => NOW,
      prefs: { getValue: async () => prefs, setValue: async () => undefined },
    });
    const shown: { ids: string[]; matching: number; total: number }[] = [];
    const stop = effect(() => {
      const ids = state.visible.value.map((paper) => paper.id);
      if (ids.length > 0) shown.push({ ids, matching: state.matching.value, total: state.total.value });
    });
    await state.start();
    stop();
    const withCode = ['2611.00009', '2611.00006', '2611.00003', '2611.00000'];
    expect(head?.filters).toEqual({ hasCode: true });
    // The first paint is the head's: the same papers, the same counts, as the whole month's read after it.
    expect(shown[0]).toEqual({ ids: withCode, matching: 4, total: 10 });
    expect(shown.at(-1)).toEqual({ ids: withCode, matching: 4, total: 10 });
  });

  it('paints the month’s head first (its first cards, whole), then the whole month', async () => {
    const db = await seedMonth();
    const { head } = await readFirstScreen(Promise.resolve(month()), Promise.resolve(db), NOW);
    const state = createPanelState({
      db: getDb,
      send: freshViewsSend(),
      subscribe: () => () => undefined,
      now: () => NOW,
      prefs: { getValue: async () => month(), setValue: async () => undefined },
    });
    const shown: { ids: string[]; total: number; abstracts: number }[] = [];
    const stop = effect(() => {
      const ids = state.visible.value.map((paper) => paper.id);
      if (ids.length > 0) shown.push({ ids, total: state.total.value, abstracts: ids.filter((id) => state.records.value.get(id)?.abstract).length });
    });
    await state.start();
    stop();
    expect(shown[0]).toEqual({ ids: head!.records.map((record) => record.id), total: 10, abstracts: HEAD_SIZE });
    expect(shown.at(-1)?.total).toBe(10);
    expect(shown.at(-1)?.ids.slice(0, 2)).toEqual(['2611.00009', '2611.00008']);
  });
});
