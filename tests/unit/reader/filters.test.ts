import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, applyFilters, isFiltering, organizationsOf, sortPapers, type PaperFilters, type SortKey } from '@/lib/reader/filters';
import type { PaperRecord } from '@/lib/store/records';
import type { Paper } from '@/lib/source/entry';
import { makePaper } from '../../support/make-paper';

const PAPERS: Paper[] = [
  makePaper('2611.00001', { organization: 'Meta AI', upvotes: 50, githubRepo: 'https://github.com/a/b', projectPage: 'https://a.github.io' }),
  makePaper('2611.00002', { organization: 'Meta AI', upvotes: 10, githubRepo: 'http://github.com/a/b' }),
  makePaper('2611.00003', { organization: 'DeepMind', upvotes: 9, githubRepo: 'javascript:alert(1)', projectPage: 'not a url' }),
  makePaper('2611.00004', { upvotes: 0, projectPage: 'https://example.org/p' }),
];
const ids = (papers: Paper[]) => papers.map((paper) => paper.id);

describe('applyFilters', () => {
  it.each<[string, PaperFilters, string[]]>([
    ['nothing', {}, ['2611.00001', '2611.00002', '2611.00003', '2611.00004']],
    ['an organization', { organization: 'Meta AI' }, ['2611.00001', '2611.00002']],
    ['an organization, exactly', { organization: 'meta ai' }, []],
    ['a minimum of upvotes, inclusive', { minUpvotes: 10 }, ['2611.00001', '2611.00002']],
    ['a cleared minimum (NaN)', { minUpvotes: Number.NaN }, ['2611.00001', '2611.00002', '2611.00003', '2611.00004']],
    ['code as an https link only', { hasCode: true }, ['2611.00001']],
    ['a project page as an https link only', { hasProjectPage: true }, ['2611.00001', '2611.00004']],
    ['unticked boxes', { hasCode: false, hasProjectPage: false }, ['2611.00001', '2611.00002', '2611.00003', '2611.00004']],
    ['all at once', { organization: 'Meta AI', minUpvotes: 20, hasCode: true, hasProjectPage: true }, ['2611.00001']],
  ])('by %s', (_name, filters, expected) => {
    expect(ids(applyFilters(PAPERS, filters))).toEqual(expected);
  });

  it.each<[string, PaperFilters, string[]]>([
    ['unread only', { unreadOnly: true }, ['2611.00001', '2611.00003', '2611.00004']],
    ['unread only, off', { unreadOnly: false }, ['2611.00001', '2611.00002', '2611.00003', '2611.00004']],
    ['unread only, with code', { unreadOnly: true, hasCode: true }, ['2611.00001']],
  ])('by %s (one paper read)', (_name, filters, expected) => {
    const marked = PAPERS.map((paper) => (paper.id === '2611.00002' ? { ...paper, readAt: 1 } : paper));
    expect(ids(applyFilters(marked, filters))).toEqual(expected);
  });

  it('keeps the stored record type and leaves the input alone', () => {
    const records: PaperRecord[] = PAPERS.map((paper) => ({ ...paper, firstSeenAt: 1, updatedAt: 1, listedDays: [paper.listedOn], upvoteHistory: [] }));
    const kept: PaperRecord[] = applyFilters(records, { hasCode: true });
    expect(kept[0]).toBe(records[0]);
    expect(records).toHaveLength(4);
  });
});

describe('sortPapers', () => {
  const papers: Paper[] = [
    makePaper('2611.00001', { upvotes: 5, comments: 2, githubStars: 100, publishedAt: '2026-11-10T00:00:00.000Z' }),
    makePaper('2611.00002', { upvotes: 20, comments: 0, publishedAt: '2026-11-12T00:00:00.000Z' }),
    makePaper('2611.00003', { upvotes: 20, comments: 2, githubStars: 0, publishedAt: '2026-11-12T00:00:00.000Z' }),
    makePaper('2611.00004', { upvotes: 5, comments: 7, githubStars: 3, publishedAt: '2026-11-14T09:00:00+09:00' }),
    makePaper('2611.00005', { upvotes: 1, comments: 2, publishedAt: 'garbled' }),
  ];

  it.each<[SortKey, string[]]>([
    // Ties fall back to upvotes, then the newer id.
    ['upvotes', ['2611.00003', '2611.00002', '2611.00004', '2611.00001', '2611.00005']],
    // 00004 is 14 Nov 00:00 UTC; unreadable dates go last.
    ['published', ['2611.00004', '2611.00003', '2611.00002', '2611.00001', '2611.00005']],
    ['comments', ['2611.00004', '2611.00003', '2611.00001', '2611.00005', '2611.00002']],
    // Missing stars count as none.
    ['stars', ['2611.00001', '2611.00004', '2611.00003', '2611.00002', '2611.00005']],
  ])('by %s', (sort, expected) => {
    expect(ids(sortPapers(papers, sort))).toEqual(expected);
  });

  it.each<[string, string[], string[]]>([
    ['follows the ranking, the rest after by upvotes', ['2611.00005', '2611.00001'], ['2611.00005', '2611.00001', '2611.00003', '2611.00002', '2611.00004']],
    [
      'ignores unknown and repeated ids',
      ['9999.00001', '2611.00004', '2611.00005', '2611.00004'],
      ['2611.00004', '2611.00005', '2611.00003', '2611.00002', '2611.00001'],
    ],
    ['is by upvotes without a ranking', [], ['2611.00003', '2611.00002', '2611.00004', '2611.00001', '2611.00005']],
  ])('by trending %s', (_name, order, expected) => {
    expect(ids(sortPapers(papers, 'trending', order))).toEqual(expected);
  });

  it('returns a new array and leaves the input in place', () => {
    const before = ids(papers);
    const sorted = sortPapers(papers, 'upvotes');
    expect(sorted).not.toBe(papers);
    expect(ids(papers)).toEqual(before);
    expect(sortPapers([], 'stars')).toEqual([]);
  });

  it('gives the same order whatever the input order', () => {
    const keys: SortKey[] = ['upvotes', 'published', 'comments', 'stars', 'trending'];
    for (const sort of keys) {
      const expected = ids(sortPapers(papers, sort, ['2611.00002']));
      expect(ids(sortPapers([...papers].reverse(), sort, ['2611.00002']))).toEqual(expected);
    }
  });
});

describe('organizationsOf', () => {
  it('counts organizations, most frequent first, then alphabetically', () => {
    const papers = [
      makePaper('1', { organization: 'Zeta Lab' }),
      makePaper('2', { organization: 'Meta AI' }),
      makePaper('3', { organization: 'Alpha Org' }),
      makePaper('4', { organization: 'Meta AI' }),
      makePaper('5'),
      makePaper('6', { organization: '' }),
    ];
    expect(organizationsOf(papers)).toEqual([
      { name: 'Meta AI', count: 2 },
      { name: 'Alpha Org', count: 1 },
      { name: 'Zeta Lab', count: 1 },
    ]);
    expect(organizationsOf([])).toEqual([]);
  });
});

describe('isFiltering', () => {
  it.each<[PaperFilters, boolean]>([
    [DEFAULT_FILTERS, false],
    [{}, false],
    [{ organization: '' }, false],
    [{ minUpvotes: 0 }, false],
    [{ hasCode: false, hasProjectPage: false }, false],
    [{ organization: 'Meta AI' }, true],
    [{ minUpvotes: 1 }, true],
    [{ hasCode: true }, true],
    [{ hasProjectPage: true }, true],
    [{ unreadOnly: true }, true],
    [{ unreadOnly: false }, false],
  ])('%j → %s', (filters, expected) => {
    expect(isFiltering(filters)).toBe(expected);
  });

  it('finds every paper with the default filters', () => {
    expect(applyFilters(PAPERS, DEFAULT_FILTERS)).toEqual(PAPERS);
  });
});
