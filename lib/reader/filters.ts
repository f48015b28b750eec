import type { Paper } from '../source/entry';
import { byTieBreak, compareFor, type SortablePaper, type SortKey } from '../store/order';
import { hasCode, safeHttpsUrl } from '../core/urls';

/** What filtering and sorting read of a paper: a stored summary is enough. */
export type { SortablePaper } from '../store/order';

/** Unset fields (and `false` for the checkboxes) do not constrain. */
export interface PaperFilters {
  organization?: string;
  minUpvotes?: number;
  hasCode?: boolean;
  hasProjectPage?: boolean;
  /** "Hide read": only papers not read yet. */
  unreadOnly?: boolean;
}

export const DEFAULT_FILTERS: Readonly<PaperFilters> = Object.freeze({});

export function isFiltering(filters: PaperFilters): boolean {
  return (
    Boolean(filters.organization) || (filters.minUpvotes ?? 0) > 0 || filters.hasCode === true || filters.hasProjectPage === true || filters.unreadOnly === true
  );
}

// Only links we would actually show count: a paper whose project page is not an https URL has none.
const hasProjectPage = (paper: SortablePaper) => safeHttpsUrl(paper.projectPage) !== undefined;

export function applyFilters<T extends SortablePaper & { readAt?: number }>(papers: T[], filters: PaperFilters): T[] {
  const { organization } = filters;
  // A cleared or half-typed number field (NaN) means no minimum, not "hide everything".
  const minUpvotes = Number.isFinite(filters.minUpvotes) ? (filters.minUpvotes as number) : 0;
  return papers.filter(
    (paper) =>
      (!organization || paper.organization === organization) &&
      paper.upvotes >= minUpvotes &&
      (!filters.hasCode || hasCode(paper)) &&
      (!filters.hasProjectPage || hasProjectPage(paper)) &&
      (!filters.unreadOnly || paper.readAt === undefined),
  );
}

export type { SortKey } from '../store/order';

/**
 * A sorted copy. 'trending' follows `trendingOrder` (ids in ranking order); papers missing
 * from it come after, by upvotes.
 */
export function sortPapers<T extends SortablePaper>(papers: T[], sort: SortKey, trendingOrder: readonly string[] = []): T[] {
  if (sort !== 'trending') return [...papers].sort(compareFor(sort));
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
