// The quick search answers until the background has built the index (once, after an upgrade): titles, authors and organisations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryOf, type PaperRecord, type PaperSummary } from '@/lib/store/records';
import type { Paper } from '@/lib/source/entry';
import { createQuickSearch } from '@/lib/search/quick';
import { createFullTextSearch } from '@/lib/search/full-text';
import { getDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import type { LiveSearch } from '@/lib/search/live';
import { makePaper } from '../../support/make-paper';
import { freshViewsSend } from '../../support/fakes';

const record = (paper: Paper): PaperRecord => ({ ...paper, firstSeenAt: 1, updatedAt: 1, listedDays: [paper.listedOn], upvoteHistory: [] });

const PAPERS: Paper[] = [
  makePaper('2611.00001', {
    title: 'Diffusion Models for Video Generation',
    authors: ['Kurt Gödel', 'Ada Lovelace'],
    organization: 'DeepMind',
    abstract: 'A large generator.',
  }),
  makePaper('2611.00002', {
    title: 'Scaling Language Models',
    authors: ['Anders Ångström'],
    organization: 'Meta AI',
    abstract: 'Transformers keep improving.',
  }),
  makePaper('2611.00003', {
    title: 'Reinforcement Learning for Reasoning',
    authors: ['José Łukasz'],
    organization: 'École Polytechnique',
    abstract: 'Unlike diffusion approaches.',
  }),
  makePaper('2611.00004', { title: 'Graph Neural Networks Revisited', abstract: 'A theory of message passing.' }),
];
const SUMMARIES: PaperSummary[] = PAPERS.map((paper) => summaryOf(record(paper)));

describe('quick search', () => {
  it.each([
    ['a title word', 'video', ['2611.00001']],
    ['the word being typed, as a prefix', 'diff', ['2611.00001']],
    ['every word (AND)', 'models scaling', ['2611.00002']],
    ['case and accents folded', 'GODEL', ['2611.00001']],
    ['an author with a folded letter', 'lukasz', ['2611.00003']],
    ['an organisation', 'ecole poly', ['2611.00003']],
    ['a finished word whole, not as a prefix', 'model video', []],
    ['finished words whole', 'models video', ['2611.00001']],
    ['a short last word whole', 'mo', []],
    ['a short last word after finished ones keeps their results', 'language mo', ['2611.00002']],
    ['not the abstract (that waits for the index)', 'message', []],
    ['only stop words', 'the of', []],
    ['nothing', '   ', []],
  ])('%s: "%s"', (_, query, expected) => {
    expect([...createQuickSearch().match(SUMMARIES, query)].sort()).toEqual(expected);
  });

  it('searches only the papers it is given (the view)', () => {
    expect([...createQuickSearch().match(SUMMARIES.slice(1), 'models')]).toEqual(['2611.00002']);
  });

  it('finds nothing the full search would not find, whatever the query', async () => {
    const vocabulary = [
      'diffusion',
      'models',
      'video',
      'gödel',
      'ada',
      'scaling',
      'language',
      'meta',
      'ai',
      'learning',
      'reasoning',
      'école',
      'graph',
      'neural',
      'the',
      'for',
      'mod',
      'lang',
      'gr',
      'x',
    ];
    await storeListing(await getDb(), { key: 'day:2026-11-20', papers: PAPERS, fetchedAt: 1, mode: 'merge' });
    const index = createFullTextSearch(getDb);
    const quick = createQuickSearch();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }), fc.boolean(), async (words, typing) => {
        const query = words.join(' ') + (typing ? '' : ' ');
        const full = new Set(await index.search(query));
        for (const id of quick.match(SUMMARIES, query)) expect(full.has(id), `${id} for "${query}"`).toBe(true);
      }),
    );
  });
});

describe('the reader while the background builds its index', () => {
  it('shows the title and author matches at once, marked partial, then every match once the index is built', async () => {
    const { createPanelState } = await import('@/components/sidepanel/panel-state');
    const { getDb } = await import('@/lib/store/connection');
    const { storeListing } = await import('@/lib/store/writes');
    const { DEFAULT_READER_PREFS } = await import('@/lib/settings/defaults');
    const NOW = Date.parse('2026-11-20T15:00:00Z');
    const db = await getDb();
    const listed = [
      makePaper('2611.00011', { title: 'Video Diffusion at Scale', listedOn: '2026-11-20', upvotes: 9 }),
      makePaper('2611.00012', { title: 'Sparse Attention', abstract: 'We also generate video.', listedOn: '2026-11-20', upvotes: 5 }),
      makePaper('2611.00013', { title: 'Unrelated', listedOn: '2026-11-20', upvotes: 1 }),
    ];
    await storeListing(db, { key: 'day:2026-11-20', papers: listed, fetchedAt: NOW, mode: 'replace', markNew: false });

    let built: () => void = () => undefined;
    const index: LiveSearch = {
      ready: false,
      whenReady: () => new Promise<void>((resolve) => (built = resolve)),
      search: async () => ['2611.00012', '2611.00011'],
      warm: () => undefined,
      refresh: async () => undefined,
    };
    const state = createPanelState({
      db: getDb,
      send: freshViewsSend(),
      subscribe: () => () => undefined,
      now: () => NOW,
      prefs: { getValue: async () => ({ ...DEFAULT_READER_PREFS, view: 'today' }), setValue: async () => undefined },
      search: index,
    });
    await state.start();
    expect(state.visible.value.map((paper) => paper.id)).toEqual(['2611.00011', '2611.00012', '2611.00013']);

    const searching = state.setQuery('video');
    await expect.poll(() => state.visible.value.map((paper) => paper.id)).toEqual(['2611.00011']);
    expect(state.searchPartial.value).toBe(true);

    built();
    await searching;
    expect(state.visible.value.map((paper) => paper.id)).toEqual(['2611.00011', '2611.00012']);
    expect(state.searchPartial.value).toBe(false);

    await state.setQuery('');
    expect(state.visible.value).toHaveLength(3);
  });
});
