import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION, createSearchIndex, highlight, loadSearchIndex, normalizeText, queryTerms, type SearchIndex } from '@/lib/search/full-text';
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

describe('normalizeText', () => {
  it.each([
    ['Gödel', 'godel'],
    ['Ångström', 'angstrom'],
    ['GO\u0308DEL', 'godel'], // decomposed umlaut
    ['Crème Brûlée', 'creme brulee'],
    ['Łukasz Øresund', 'lukasz oresund'],
    ['Straße', 'strasse'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ οδος', 'οδοσ οδοσ'], // final sigma is not special
    ['東京 2026', '東京 2026'],
    ['already plain', 'already plain'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

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
    const before = JSON.stringify(index);
    index.upsert(PAPERS);
    index.addAll(PAPERS.map((paper) => ({ ...paper, upvotes: paper.upvotes + 1 }))); // counts are not indexed
    expect(JSON.stringify(index)).toBe(before);
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

describe('storing the index', () => {
  it.each([
    ['a JSON string', (index: SearchIndex) => JSON.stringify(index)],
    ['a structured clone', (index: SearchIndex) => structuredClone(index.toJSON())],
  ])('reloads from %s with the same answers', (_name, store) => {
    const original = indexOf();
    const loaded = loadSearchIndex(store(original))!;
    expect(loaded.size).toBe(original.size);
    expect(QUERIES.map((q) => loaded.search(q))).toEqual(QUERIES.map((q) => original.search(q)));
    // It stays usable: updates replace, and unchanged papers are still recognised.
    const reloaded = JSON.stringify(loaded);
    loaded.upsert(PAPERS);
    expect(JSON.stringify(loaded)).toBe(reloaded);
    loaded.upsert([makePaper('2611.00007', { title: 'Video Diffusion Distillation' })]);
    expect(loaded.search('video diffusion').sort()).toEqual(['2611.00001', '2611.00007']);
  });

  it.each([
    ['broken JSON', '{"version":'],
    ['null', 'null'],
    ['another version', JSON.stringify({ ...indexOf().toJSON(), version: SEARCH_INDEX_VERSION + 1 })],
    ['no index', JSON.stringify({ version: SEARCH_INDEX_VERSION, signatures: [] })],
    ['a corrupt index', JSON.stringify({ version: SEARCH_INDEX_VERSION, index: { nope: true }, signatures: [] })],
  ])('gives undefined for %s, so the caller rebuilds', (_name, json) => {
    expect(loadSearchIndex(json)).toBeUndefined();
  });
});

describe('queryTerms', () => {
  it.each([
    ['Gödel  Diffusion', ['godel', 'diffusion']],
    ['the diffusion of models', ['diffusion', 'models']],
    ['GPT-4o', ['gpt', '4o']],
    ['diffusion Diffusion', ['diffusion']],
    ['models the', ['models', 'the']], // the last word may be the start of "theory"
    ['models a', ['models']],
    ['', []],
  ])('%j → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });
});

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('highlight', () => {
  it.each([
    ['Kurt Gödel', ['godel'], [{ text: 'Kurt ', match: false }, { text: 'Gödel', match: true }]],
    ['Diffusion models', ['diffu'], [{ text: 'Diffu', match: true }, { text: 'sion models', match: false }]],
    ['GPT-4o wins', queryTerms('gpt 4'), [{ text: 'GPT', match: true }, { text: '-', match: false }, { text: '4', match: true }, { text: 'o wins', match: false }]],
    ['<b>diffusion</b>', ['diffusion'], [{ text: '<b>', match: false }, { text: 'diffusion', match: true }, { text: '</b>', match: false }]],
    ['no match here', ['diffusion'], [{ text: 'no match here', match: false }]],
    ['no terms', [], [{ text: 'no terms', match: false }]],
    ['', ['x'], []],
  ])('%j with %j', (text, terms, segments) => {
    expect(highlight(text, terms)).toEqual(segments);
  });

  it.each([
    ['undiffused diffusion', ['diff'], ['diff']], // word starts only
    ['Go\u0308del and Gödel', ['godel'], ['Go\u0308del', 'Gödel']], // the mark stays with its letter
    ['Ångström units', queryTerms('angstrom'), ['Ångström']],
    ['STRASSE Straße', ['strasse'], ['STRASSE', 'Straße']],
    ['Maß', ['mas'], ['Maß']], // never splits a character
    ['İstanbul', ['istanbul'], ['İstanbul']],
    ['ΟΔΟΣ οδος', queryTerms('Οδος'), ['ΟΔΟΣ', 'οδος']],
    ['🚀 Diffusion 🚀', ['diffusion'], ['Diffusion']],
    ['מודל שפה גדול', ['שפה'], ['שפה']],
    ['نموذج لغوي', ['لغوي'], ['لغوي']],
    ['diffusion distillation', ['di', 'diffusion'], ['diffusion', 'di']], // longest term wins
  ])('marks %j for %j', (text, terms, expected) => {
    expect(marked(highlight(text, terms))).toEqual(expected);
  });

  it('always gives back the original text exactly', () => {
    const pieces = [
      'Gödel', 'Go\u0308del', 'ß', 'İ', 'ΟΔΟΣ', 'ς', 'e\u0301', '\u0301', '🚀', '👩‍👩‍👧', '\u200d', '\ufe0f', '\ud83d', '\udc00',
      'מודל', 'نموذج', '\u202e', '<mark>', '</script>', '&amp;', '"', ' ', '  ', '\n', '-', '.', 'DIFFUSION', 'diffusion', 'x', '42', '東京', 'Ångström',
    ];
    const termSets = [['godel'], ['diff', 'x'], ['ss', 'i'], ['οδοσ'], ['e'], ['מודל', 'نموذج'], ['42', 'angstrom', 'mark'], ['東'], []];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('');
      const terms = termSets[round % termSets.length]!;
      const segments = highlight(text, terms);
      expect(segments.map((s) => s.text).join('')).toBe(text);
      segments.forEach((segment, i) => {
        expect(segment.text).not.toBe('');
        // Neighbours alternate: a mark is never split in two.
        if (i > 0) expect(segment.match).not.toBe(segments[i - 1]!.match);
        if (segment.match) expect(terms.some((term) => normalizeText(segment.text).startsWith(term))).toBe(true);
      });
    }
  });
});
