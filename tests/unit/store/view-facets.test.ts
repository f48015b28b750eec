// A long view's facets (lib/store/view-facets.ts): the first papers and counts they give under any
// filter and sort are those of the whole view's summaries filtered and sorted.
import { describe, expect, it } from 'vitest';
import { seededSummaries } from '../../support/seeded-summaries';
import { applyFilters, sortPapers, type PaperFilters } from '@/lib/reader/filters';
import { facetsOf, rowsOf } from '@/lib/store/view-facets';
import { pickRows } from '@/lib/boot/facet-screen';
import { HEAD_SORTS } from '@/lib/store/view-heads';

const summaries = (count: number) => seededSummaries(count, 11);

const FILTERS: [string, PaperFilters][] = [
  ['no filter', {}],
  ['an organisation', { organization: 'Odd Lab' }],
  ['a minimum of upvotes', { minUpvotes: 3 }],
  ['a half-typed minimum', { minUpvotes: Number.NaN }],
  ['Has code', { hasCode: true }],
  ['a project page', { hasProjectPage: true }],
  ['Hide read', { unreadOnly: true }],
  ['all of them', { organization: 'Even Lab', minUpvotes: 1, hasCode: true, hasProjectPage: true, unreadOnly: true }],
];

describe('view facets', () => {
  it.each(FILTERS.flatMap(([label, filters]) => HEAD_SORTS.map((sort) => [label, sort, filters] as const)))(
    'under %s, in %s, pick the sorted filtered list cut, with its counts',
    (_label, sort, filters) => {
      const list = summaries(400);
      const kept = applyFilters(list, filters);
      const pick = pickRows(rowsOf(facetsOf('month:2026-11', list)), filters, sort, 6);
      expect(pick.ids).toEqual(
        sortPapers(kept, sort)
          .slice(0, 6)
          .map((paper) => paper.id),
      );
      expect(pick.count).toBe(kept.length);
      expect(pick.unread).toBe(kept.filter((paper) => paper.readAt === undefined).length);
    },
  );

  it('give back what the filters and sorts read of each paper, in the view’s order, and nothing else', () => {
    const list = summaries(50);
    const rows = rowsOf(facetsOf('week:2026-W47', list));
    expect(rows).toEqual(
      list.map(({ id, upvotes, comments, githubStars, publishedAt, organization, githubRepo, projectPage, readAt, muted }) =>
        JSON.parse(JSON.stringify({ id, upvotes, comments, githubStars, publishedAt, organization, githubRepo, projectPage, readAt, muted })),
      ),
    );
    // A field a paper lacks is absent, not undefined.
    expect(rows.filter((row) => 'readAt' in row)).toHaveLength(list.filter((paper) => paper.readAt !== undefined).length);
  });

  it('leave muted papers out of what they pick and count', () => {
    const list = summaries(60).map((paper, index) => (index % 3 === 0 ? { ...paper, muted: [{ kind: 'author' as const, label: 'A' }] } : paper));
    const shown = list.filter((_, index) => index % 3 !== 0);
    const pick = pickRows(rowsOf(facetsOf('month:2026-11', list)), { minUpvotes: 1 }, 'upvotes', 6);
    const kept = applyFilters(shown, { minUpvotes: 1 });
    expect(pick).toEqual({
      ids: sortPapers(kept, 'upvotes')
        .slice(0, 6)
        .map((paper) => paper.id),
      count: kept.length,
      unread: kept.filter((paper) => paper.readAt === undefined).length,
    });
  });

  it('are stored a column per field, not an object per paper', () => {
    const { columns } = facetsOf('month:2026-11', summaries(30));
    expect(Object.values(columns).every((column) => Array.isArray(column) && column.length === 30)).toBe(true);
  });
});
