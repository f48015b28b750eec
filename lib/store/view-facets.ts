// What the filters and sorts read of each paper of a long view, kept with the view: a side panel
// opening on a month with a filter kept that the heads do not keep (an organisation, a minimum of
// upvotes, Hide read, a project page) counts and picks its first cards from these
// (lib/boot/facet-screen.ts), a fraction of the month's summaries, and reads those after its first paint.
import type { ListingKey, PaperSummary } from './records';

/** The fields of a summary the filters (lib/reader/filters.ts), the sorts (order.ts) and the mute marks read. */
const FACET_FIELDS = ['id', 'upvotes', 'comments', 'githubStars', 'publishedAt', 'organization', 'githubRepo', 'projectPage', 'readAt', 'muted'] as const;
type FacetField = (typeof FACET_FIELDS)[number];

/** A paper as the facets give it back: enough to filter and sort it as its summary would be. */
export type FacetRow = Pick<PaperSummary, FacetField>;

export interface ViewFacets {
  key: ListingKey;
  /**
   * A column per field, each in the view's order: stored as rows, every field's name would be
   * written, and read back, once per paper.
   */
  columns: { [F in FacetField]: FacetRow[F][] };
}

export function facetsOf(key: ListingKey, summaries: readonly PaperSummary[]): ViewFacets {
  const columns = {} as Record<FacetField, unknown[]>;
  for (const field of FACET_FIELDS) columns[field] = summaries.map((summary) => summary[field]);
  return { key, columns: columns as ViewFacets['columns'] };
}

/** The view's papers as rows again, in its order; a field a paper lacks is left out. */
export function rowsOf({ columns }: ViewFacets): FacetRow[] {
  return columns.id.map((id, index) => {
    const row = { id } as Record<FacetField, unknown>;
    for (const field of FACET_FIELDS) {
      const value = columns[field]?.[index];
      if (value !== undefined) row[field] = value;
    }
    return row as FacetRow;
  });
}
