import { describe, expect, it, vi } from 'vitest';
import MiniSearch from 'minisearch';
import { createSearchIndex, type SearchIndex } from '@/lib/search/full-text';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';

const PAPERS: Paper[] = [
  makePaper('2611.00001', {
    title: 'Diffusion Models for Video Generation',
    authors: ['Kurt Gödel', 'Ada Lovelace'],
    organization: 'DeepMind',
    aiKeywords: ['video synthesis', 'generative models'],
    abstract: 'We train a large generator on web videos.',
  }),
  makePaper('2611.00002', {
    title: 'Scaling Language Models',
    authors: ['Anders Ångström'],
    organization: 'Meta AI',
    abstract: 'Transformers trained on large corpora keep improving.',
  }),
  makePaper('2611.00003', {
    title: 'Reinforcement Learning for Reasoning',
    authors: ['José Łukasz'],
    organization: 'École Polytechnique',
    abstract: 'Unlike diffusion approaches, we optimise a policy with verifiable rewards.',
  }),
  makePaper('2611.00004', { title: 'Graph Neural Networks Revisited', abstract: 'A theory of message passing.' }),
  makePaper('2611.00005', { title: 'Evaluating GPT-4 on Olympiad Geometry', abstract: 'Hard problems.' }),
  makePaper('2611.00006', { title: 'GPT-3 Was Few-Shot', abstract: 'In-context learning.' }),
];

function indexOf(papers: Paper[] = PAPERS): SearchIndex {
  const index = createSearchIndex();
  index.addAll(papers);
  return index;
}

const QUERIES = ['diffusion', 'diffu', 'godel', 'gpt 4', 'language models', 'ecole', 'difusion', 'video', 'the', 'reasoning rl'];

describe('search', () => {
  const index = indexOf();

  it.each([
    ['diffusion', ['2611.00001', '2611.00003']], // title beats abstract
    ['DIFFUSION', ['2611.00001', '2611.00003']],
    ['diffu', ['2611.00001', '2611.00003']], // the word being typed is a prefix
    ['difusion', ['2611.00001', '2611.00003']], // one typo in a long word
    ['godel', ['2611.00001']], // author, accent-insensitive
    ['GÖDEL', ['2611.00001']],
    ['angstrom', ['2611.00002']],
    ['lukasz', ['2611.00003']],
    ['ecole', ['2611.00003']], // organization
    ['deepmind', ['2611.00001']],
    ['synthesis', ['2611.00001']], // AI keywords
    ['diffusion video', ['2611.00001']], // AND: 00003 lacks "video"
    ['diffusion graph', []],
    ['gpt 4', ['2611.00005']], // a short last word is matched whole
    ['gpt-4', ['2611.00005']],
    ['the', ['2611.00004']], // a stop word being typed may start "theory"
    ['of', []], // a lone short stop word searches nothing
    ['a theory', ['2611.00004']], // finished stop words are ignored
    ['diffusion m', ['2611.00001', '2611.00003']], // a word just begun does not empty the list
    ['grph', []], // no typo tolerance under five letters
    ['', []],
    ['   ', []],
    ['!!! ...', []],
  ])('%j finds %j', (query, ids) => {
    expect(index.search(query)).toEqual(ids);
  });

  it('keeps only papers within the current view', () => {
    expect(index.search('diffusion', { within: new Set(['2611.00003', '2611.00004']) })).toEqual(['2611.00003']);
    expect(index.search('diffusion video', { within: new Set(['2611.00003']) })).toEqual([]);
    expect(index.search('diffusion', { within: new Set() })).toEqual([]);
  });

  it.each([
    [1, ['2611.00001']],
    [5, ['2611.00001', '2611.00003']],
    [0, []],
  ])('returns at most %i ids', (limit, ids) => {
    expect(index.search('diffusion', { limit })).toEqual(ids);
  });

  it('tolerates typos only in words the index does not know', () => {
    const modal = makePaper('2611.00099', { title: 'Modal Logic' });
    const model = makePaper('2611.10000', { title: 'A Model' });
    // "modol" is in no paper: "modal" or "model" may be what was meant.
    expect(indexOf([modal, model]).search('modol').sort()).toEqual(['2611.00099', '2611.10000']);
    // A word the index knows is spelled right; its neighbours would be noise no highlight explains.
    expect(indexOf([modal, model]).search('model')).toEqual(['2611.10000']);
  });

  it('counts papers', () => {
    expect(index.size).toBe(PAPERS.length);
    expect(createSearchIndex().size).toBe(0);
  });
});

describe('updating the index', () => {
  it('replaces a changed paper so its old text is no longer found', () => {
    const index = indexOf();
    index.upsert([makePaper('2611.00001', { title: 'Protein Folding at Scale', authors: ['Ada Lovelace'] })]);
    expect(index.size).toBe(PAPERS.length);
    expect(index.search('diffusion')).toEqual(['2611.00003']);
    expect(index.search('godel')).toEqual([]);
    expect(index.search('protein')).toEqual(['2611.00001']);
  });

  it('leaves unchanged papers alone, however often they come back', () => {
    const index = indexOf();
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    const discard = vi.spyOn(MiniSearch.prototype, 'discard');
    index.upsert(PAPERS);
    index.addAll(PAPERS.map((paper) => ({ ...paper, upvotes: paper.upvotes + 1 }))); // counts are not indexed
    expect(add).not.toHaveBeenCalled();
    expect(discard).not.toHaveBeenCalled();
    add.mockRestore();
    discard.mockRestore();
    expect(index.size).toBe(PAPERS.length);
    expect(QUERIES.map((q) => index.search(q))).toEqual(QUERIES.map((q) => indexOf().search(q)));
  });

  it('removes papers by id, ignoring unknown ones', () => {
    const index = indexOf();
    index.remove(['2611.00001', '9999.99999']);
    expect(index.size).toBe(PAPERS.length - 1);
    expect(index.search('diffusion')).toEqual(['2611.00003']);
    // A removed paper can come back.
    index.upsert([PAPERS[0]!]);
    expect(index.search('diffusion')).toEqual(['2611.00001', '2611.00003']);
  });
});
