import type { Paper } from './paper';
import { safeHttpsUrl } from './urls';

/** What filtering and sorting read of a paper: a stored summary is enough. */
export type SortablePaper = Pick<Paper, 'id' | 'upvotes' | 'comments' | 'githubStars' | 'publishedAt' | 'organization' | 'githubRepo' | 'projectPage'>;

/** Unset fields (and `false` for the checkboxes) do not constrain. */
export interface PaperFilters {
  organization?: string;
  minUpvotes?: number;
  hasCode?: boolean;
  hasProjectPage?: boolean;
}

export const DEFAULT_FILTERS: Readonly<PaperFilters> = Object.freeze({});

export function isFiltering(filters: PaperFilters): boolean {
  return Boolean(filters.organization) || (filters.minUpvotes ?? 0) > 0 || filters.hasCode === true || filters.hasProjectPage === true;
}

// Only links we would actually show count: a paper whose "code" is not an https URL has none.
const hasCode = (paper: SortablePaper) => safeHttpsUrl(paper.githubRepo) !== undefined;
const hasProjectPage = (paper: SortablePaper) => safeHttpsUrl(paper.projectPage) !== undefined;

export function applyFilters<T extends SortablePaper>(papers: T[], filters: PaperFilters): T[] {
  const { organization } = filters;
  // A cleared or half-typed number field (NaN) means no minimum, not "hide everything".
  const minUpvotes = Number.isFinite(filters.minUpvotes) ? (filters.minUpvotes as number) : 0;
  return papers.filter(
    (paper) =>
      (!organization || paper.organization === organization) &&
      paper.upvotes >= minUpvotes &&
      (!filters.hasCode || hasCode(paper)) &&
      (!filters.hasProjectPage || hasProjectPage(paper)),
  );
}

export type SortKey = 'upvotes' | 'trending' | 'published' | 'comments' | 'stars';

type Compare = (a: SortablePaper, b: SortablePaper) => number;

// Every order ends in upvotes then id (newer arXiv id first), so equal keys never shuffle
// between renders or browsers.
const byTieBreak: Compare = (a, b) => b.upvotes - a.upvotes || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const descending =
  (key: (paper: SortablePaper) => number): Compare =>
  (a, b) =>
    key(b) - key(a) || byTieBreak(a, b);

// An unreadable date sorts last rather than poisoning the comparison with NaN.
const publishedTime = (paper: SortablePaper) => {
  const time = Date.parse(paper.publishedAt);
  return Number.isNaN(time) ? -Infinity : time;
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

/**
 * A sorted copy. 'trending' follows `trendingOrder` (ids in ranking order); papers missing
 * from it come after, by upvotes.
 */
export function sortPapers<T extends SortablePaper>(papers: T[], sort: SortKey, trendingOrder: readonly string[] = []): T[] {
  if (sort !== 'trending') return [...papers].sort(COMPARES[sort]);
  const rank = new Map<string, number>();
  trendingOrder.forEach((id, index) => {
    if (!rank.has(id)) rank.set(id, index);
  });
  const rankOf = (paper: SortablePaper) => rank.get(paper.id) ?? Infinity;
  return [...papers].sort((a, b) => {
    const ra = rankOf(a);
    const rb = rankOf(b);
    return ra === rb ? byTieBreak(a, b) : ra < rb ? -1 : 1;
  });
}

/** Organisations with their paper counts, most frequent first, then alphabetical. */
export function organizationsOf(papers: readonly Pick<Paper, 'organization'>[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { organization } of papers) {
    if (organization) counts.set(organization, (counts.get(organization) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
