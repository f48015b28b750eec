// The orders papers are sorted in. Here, below the reader (lib/reader/filters.ts sorts with them),
// because the store keeps each long view's first papers in these orders (view-heads.ts).
import type { Paper } from '../source/entry';

/** What sorting reads of a paper: a stored summary is enough. */
export type SortablePaper = Pick<Paper, 'id' | 'upvotes' | 'comments' | 'githubStars' | 'publishedAt' | 'organization' | 'githubRepo' | 'projectPage'>;

export type SortKey = 'upvotes' | 'trending' | 'published' | 'comments' | 'stars';

export type Compare = (a: SortablePaper, b: SortablePaper) => number;

// Every order ends in upvotes then id (newer arXiv id first), so equal keys never shuffle
// between renders or browsers.
// By code point, not localeCompare: an id is ASCII, and the first localeCompare in a page starts
// the collator (tens of milliseconds before the popup's first card, measured).
export const byTieBreak = (a: Pick<SortablePaper, 'upvotes' | 'id'>, b: Pick<SortablePaper, 'upvotes' | 'id'>): number =>
  b.upvotes - a.upvotes || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const descending =
  (key: (paper: SortablePaper) => number): Compare =>
  (a, b) =>
    key(b) - key(a) || byTieBreak(a, b);

// Parsed once per paper object, not twice per comparison (a month sorts ~1,500 papers: some
// 30,000 comparisons). An unreadable date sorts last rather than poisoning the comparison with NaN.
const publishedTimes = new WeakMap<SortablePaper, number>();
const publishedTime = (paper: SortablePaper) => {
  let time = publishedTimes.get(paper);
  if (time === undefined) {
    const parsed = Date.parse(paper.publishedAt);
    time = Number.isNaN(parsed) ? -Infinity : parsed;
    publishedTimes.set(paper, time);
  }
  return time;
};

const COMPARES: Record<Exclude<SortKey, 'trending'>, Compare> = {
  upvotes: byTieBreak,
  published: (a, b) => {
    const ta = publishedTime(a);
    const tb = publishedTime(b);
    return ta === tb ? byTieBreak(a, b) : tb > ta ? 1 : -1;
  },
  comments: descending((paper) => paper.comments),
  stars: descending((paper) => paper.githubStars ?? 0),
};

/** The comparison behind a sort that needs only the papers themselves (all but 'trending'). */
export const compareFor = (sort: Exclude<SortKey, 'trending'>): Compare => COMPARES[sort];
