import { describe, expect, it } from 'vitest';
import { seededSummaries } from '../../support/seeded-summaries';
import { applyFilters, sortPapers } from '@/lib/reader/filters';
import { HEAD_SORTS, hasHead, headOf, headPart } from '@/lib/store/view-heads';

const summaries = (count: number) => seededSummaries(count, 7);

describe('view heads', () => {
  it.each(HEAD_SORTS.flatMap((sort) => [0, 1, 5, 6, 300].map((count) => [sort, count] as const)))(
    'the head of %s over %i papers is the sorted list cut',
    (sort, count) => {
      const list = summaries(count);
      expect(headOf('month:2026-11', list, 6).top[sort]).toEqual(sortPapers(list, sort).slice(0, 6));
    },
  );

  it('counts the papers and the unread ones', () => {
    const list = summaries(40);
    const head = headOf('month:2026-11', list);
    expect(head.count).toBe(40);
    expect(head.unread).toBe(list.filter((paper) => paper.readAt === undefined).length);
    expect(head.top.comments).toHaveLength(6);
  });

  it('leaves muted papers out of its lists and counts, as the list does, but not out of the total', () => {
    const list = summaries(40).map((paper, index) => (index % 4 === 0 ? { ...paper, muted: [{ kind: 'keyword' as const, label: 'llm' }] } : paper));
    const shown = list.filter((_, index) => index % 4 !== 0);
    const head = headOf('month:2026-11', list);
    expect(head.total).toBe(40);
    expect(head.count).toBe(30);
    expect(head.unread).toBe(shown.filter((paper) => paper.readAt === undefined).length);
    for (const sort of HEAD_SORTS) expect(head.top[sort]).toEqual(sortPapers(shown, sort).slice(0, 6));
    expect(headPart(head, 'hasCode')?.count).toBe(applyFilters(shown, { hasCode: true }).length);
  });

  it.each(HEAD_SORTS.flatMap((sort) => [0, 5, 300].map((count) => [sort, count] as const)))(
    'keeps the same for the papers with code (the "Has code" filter), %s over %i papers',
    (sort, count) => {
      const list = summaries(count);
      const withCode = applyFilters(list, { hasCode: true });
      const part = headPart(headOf('month:2026-11', list, 6), 'hasCode')!;
      expect(part.top[sort]).toEqual(sortPapers(withCode, sort).slice(0, 6));
      expect(part.count).toBe(withCode.length);
      expect(part.unread).toBe(withCode.filter((paper) => paper.readAt === undefined).length);
    },
  );

  it('has no "Has code" part in a head written before it was kept', () => {
    const { hasCode: _, ...older } = headOf('month:2026-11', summaries(10));
    expect(headPart(older, 'hasCode')).toBeUndefined();
    expect(headPart(older, 'none')).toBe(older);
  });

  it.each([
    ['month:2026-11', true],
    ['week:2026-W47', true],
    ['day:2026-11-20', false],
    ['trending', false],
    ['search', false],
  ] as const)('%s has a head: %s', (key, expected) => {
    expect(hasHead(key)).toBe(expected);
  });
});
