// The full-text search as the side panel uses it: postings written with the papers, read per query.
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/store/connection';
import { putPapers, setSaved, storeListing } from '@/lib/store/writes';
import { pruneBefore } from '@/lib/store/retention';
import { PAPER_STORES } from '@/lib/store/schema';
import { createFullTextSearch } from '@/lib/search/full-text';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';

const T0 = Date.parse('2026-11-20T08:00:00Z');

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

async function store(papers: Paper[], key: `day:${string}` = 'day:2026-11-20', fetchedAt = T0): Promise<void> {
  await storeListing(await getDb(), { key, papers, fetchedAt, mode: 'merge' });
}

async function searchOf(papers: Paper[] = PAPERS) {
  await store(papers);
  return createFullTextSearch(getDb);
}

describe('search', () => {
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
  ])('%j finds %j', async (query, ids) => {
    const search = await searchOf();
    expect(await search.search(query)).toEqual(ids);
  });

  it('finds a word with more postings than the papers it counted (a count read before more were stored, or ids a failed prune left)', async () => {
    await store(PAPERS.slice(0, 1));
    const search = createFullTextSearch(getDb);
    expect(await search.search('diffusion')).toEqual(['2611.00001']); // the paper count is read: 1
    await store(PAPERS.map((paper) => ({ ...paper, abstract: `${paper.abstract} Benchmark results.` })));
    expect((await search.search('benchmark')).sort()).toEqual(PAPERS.map((paper) => paper.id).sort());
  });

  it('keeps only papers within the current view', async () => {
    const search = await searchOf();
    expect(await search.search('diffusion', { within: new Set(['2611.00003', '2611.00004']) })).toEqual(['2611.00003']);
    expect(await search.search('diffusion video', { within: new Set(['2611.00003']) })).toEqual([]);
    expect(await search.search('diffusion', { within: new Set() })).toEqual([]);
  });

  it.each([
    [1, ['2611.00001']],
    [5, ['2611.00001', '2611.00003']],
    [0, []],
  ])('returns at most %i ids', async (limit, ids) => {
    const search = await searchOf();
    expect(await search.search('diffusion', { limit })).toEqual(ids);
  });

  it('tolerates typos only in words the index does not know', async () => {
    const search = await searchOf([makePaper('2611.00099', { title: 'Modal Logic' }), makePaper('2611.10000', { title: 'A Model' })]);
    // "modol" is in no paper: "modal" or "model" may be what was meant.
    expect((await search.search('modol')).sort()).toEqual(['2611.00099', '2611.10000']);
    // A word the index knows is spelled right; its neighbours would be noise no highlight explains.
    expect(await search.search('model')).toEqual(['2611.10000']);
  });

  it('answers a longer prefix from the postings a shorter one read', async () => {
    const search = await searchOf();
    expect(await search.search('dif')).toEqual(['2611.00001', '2611.00003']);
    const db = await getDb();
    const getAll = db.getAll.bind(db);
    let reads = 0;
    db.getAll = ((...args: Parameters<typeof getAll>) => (reads++, getAll(...args))) as typeof db.getAll;
    expect(await search.search('diffusi')).toEqual(['2611.00001', '2611.00003']);
    expect(await search.search('diffusion vid')).toEqual(['2611.00001']);
    expect(reads).toBe(1); // "vid" only
    db.getAll = getAll;
  });
});

describe('keeping the index', () => {
  it('indexes what later writes add, and replaces a changed paper so its old text is no longer found', async () => {
    const search = await searchOf();
    await store([makePaper('2611.00001', { title: 'Protein Folding at Scale', authors: ['Ada Lovelace'] })], 'day:2026-11-20', T0 + 1000);
    search.forget();
    expect(await search.search('diffusion')).toEqual(['2611.00003']);
    expect(await search.search('godel')).toEqual([]);
    expect(await search.search('protein')).toEqual(['2611.00001']);
  });

  it('leaves unchanged papers alone, however often they come back', async () => {
    await searchOf();
    const db = await getDb();
    const before = await db.getAll('postings');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    await store(
      PAPERS.map((paper) => ({ ...paper, upvotes: paper.upvotes + 1 })),
      'day:2026-11-20',
      T0 + 1000,
    ); // counts are not indexed
    expect(put.mock.contexts.some((store) => (store as IDBObjectStore).name === 'postings')).toBe(false);
    put.mockRestore();
    expect(await db.getAll('postings')).toEqual(before);
  });

  it('writes a day never stored before without reading its records, then merges what later writes add', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const readsOfPostings = () => get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'postings').length;
    try {
      await store(PAPERS);
      expect(readsOfPostings()).toBe(0);
      await store([makePaper('2611.00007', { title: 'Diffusion Transformers' })], 'day:2026-11-20', T0 + 1000);
      expect(readsOfPostings()).toBeGreaterThan(0);
    } finally {
      get.mockRestore();
    }
    const search = createFullTextSearch(getDb);
    expect((await search.search('diffusion')).sort()).toEqual(['2611.00001', '2611.00003', '2611.00007']);
    expect(await search.search('godel')).toEqual(['2611.00001']);
  });

  it('writes anew a day whose papers are all gone: ids a prune left in its records are dropped, never doubled', async () => {
    const db = await getDb();
    // What a prune with no room to rewrite leaves (see below): the ids of papers no longer stored.
    await db.put('postings', 'diffusion 2610.00001:1 2610.00009:1', ['d', '2026-10-01']);
    await store([makePaper('2610.00001', { title: 'Old diffusion paper', abstract: 'Kept.', listedOn: '2026-10-01' })], 'day:2026-10-01');
    expect(await db.get('postings', ['d', '2026-10-01'])).toBe('diffusion 2610.00001:1');
    expect(await createFullTextSearch(getDb).search('diffusion')).toEqual(['2610.00001']);
  });

  it.each([1, 3, 12])('takes the old words of %i changed papers out of their day, and keeps the others', async (count) => {
    const ids = Array.from({ length: count }, (_, i) => `2611.${String(100 + i).padStart(5, '0')}`);
    await store([...PAPERS, ...ids.map((id) => makePaper(id, { title: 'Quantum annealing', abstract: 'Spins.' }))]);
    await store(
      ids.map((id) => makePaper(id, { title: 'Protein folding', abstract: 'Spins.' })),
      'day:2026-11-20',
      T0 + 1000,
    );
    const search = createFullTextSearch(getDb);
    expect(await search.search('quantum')).toEqual([]);
    expect((await search.search('protein')).sort()).toEqual(ids);
    expect((await search.search('spins')).sort()).toEqual(ids);
    expect((await search.search('diffusion')).sort()).toEqual(['2611.00001', '2611.00003']);
  });

  it('follows papers written by other modules (imports, saved papers)', async () => {
    const search = await searchOf();
    const db = await getDb();
    const tx = db.transaction([...PAPER_STORES], 'readwrite');
    await putPapers(tx, [
      { ...makePaper('2611.00500', { title: 'Imported tokamak study' }), firstSeenAt: T0, updatedAt: T0, listedDays: [], upvoteHistory: [] },
    ]);
    await tx.done;
    expect(await search.search('tokamak')).toEqual(['2611.00500']);
  });

  it('forgets papers retention deletes, with their postings', async () => {
    await store([makePaper('2610.00001', { title: 'Old diffusion paper', listedOn: '2026-10-01' })], 'day:2026-10-01');
    const search = await searchOf();
    expect(await search.search('diffusion')).toContain('2610.00001');
    await pruneBefore(await getDb(), '2026-11-01');
    search.forget();
    expect(await search.search('diffusion')).toEqual(['2611.00001', '2611.00003']);
    expect(await search.search('old')).toEqual([]);
    const db = await getDb();
    expect((await db.getAll('postings')).some((text) => text.includes('2610.00001'))).toBe(false);
    // Its day's records are gone with it: nothing else was listed then.
    expect(await db.getAllKeys('postings')).not.toContainEqual(['o', '2026-10-01']);
  });

  it('prunes with no room left: the prune only deletes, and a search never shows what it deleted', async () => {
    const old = [
      makePaper('2610.00001', { title: 'Old diffusion paper', listedOn: '2026-10-01' }),
      makePaper('2610.00002', { title: 'Kept diffusion paper', listedOn: '2026-10-01' }),
    ];
    await store(old, 'day:2026-10-01');
    const search = await searchOf();
    const db = await getDb();
    await setSaved(db, '2610.00002', true, T0);
    // A full quota as Chromium has it: every put refused, however small; deletes go through.
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore) {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(await pruneBefore(db, '2026-11-01')).toEqual({ listings: 1, papers: 1 });
    } finally {
      put.mockRestore();
    }
    search.forget();
    const diffusion = await search.search('diffusion');
    expect(diffusion).toContain('2610.00002');
    // The "d" record still names the deleted paper (no room to rewrite it)…
    expect((await db.get('postings', ['d', '2026-10-01']))?.includes('2610.00001')).toBe(true);
    // …which the list never shows: it shows stored papers only.
    expect(await db.get('papers', '2610.00001')).toBeUndefined();
    // Records left empty went: only the deleted paper had an "o" word that day.
    expect(await db.getAllKeys('postings')).not.toContainEqual(['o', '2026-10-01']);
  });
});
