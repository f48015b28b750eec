// The side panel's first cards of a week or month under a filter its head does not keep, picked
// from the view's facets (lib/store/view-facets.ts). Loaded only when such a filter is kept: most
// opens are served by the head, and the panel's first script stays small.
import { applyFilters, type PaperFilters } from '../reader/filters';
import { getPapers } from '../store/reads';
import { summaryOf, withoutMuted, type ListingKey, type ListingRecord, type PaperRecord, type PaperSummary } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { rowsOf, type FacetRow } from '../store/view-facets';
import { HEAD_SIZE, type HeadSort } from '../store/view-heads';
import { topPapers } from '../store/top-papers';

/** A long view's first cards and its counts, as its head or its facets give them. */
export interface FirstCards {
  listing?: ListingRecord;
  /** The view's papers. */
  total: number;
  /** Those the filters keep, and the unread ones among them. */
  count: number;
  unread: number;
  /** The first papers in the sort the filters keep. */
  first: PaperSummary[];
  /** Their full records, when read already. */
  records?: PaperRecord[];
}

/** What a list under a filter shows first: the ids of its first papers in a sort, and its counts. */
export interface FacetPick {
  ids: string[];
  count: number;
  unread: number;
}

/**
 * The first `size` of `rows` the filters keep, in `sort`, with how many they keep and how many of
 * those are unread; muted papers left out, as the list leaves them when it opens.
 */
export function pickRows(rows: FacetRow[], filters: PaperFilters, sort: HeadSort, size: number): FacetPick {
  const kept = applyFilters(withoutMuted(rows), filters);
  let unread = 0;
  for (const row of kept) if (row.readAt === undefined) unread += 1;
  return { ids: topPapers(kept, sort, size).map((row) => row.id), count: kept.length, unread };
}

/** The facets give the first papers' ids: their records are read, and their summaries cut from those. None without facets (written before v7). */
export async function readFacetCards(db: PaperboyDb, key: ListingKey, sort: HeadSort, filters: PaperFilters): Promise<FirstCards | undefined> {
  // Read here rather than in reads.ts: a module the panel's first script holds would carry it there.
  const tx = db.transaction(['listings', 'facets']);
  const [listing, facets] = await Promise.all([tx.objectStore('listings').get(key), tx.objectStore('facets').get(key)]);
  if (!listing || !facets) return undefined;
  const rows = rowsOf(facets);
  const pick = pickRows(rows, filters, sort, HEAD_SIZE);
  const records = await getPapers(db, pick.ids);
  return { listing, total: rows.length, count: pick.count, unread: pick.unread, first: records.map(summaryOf), records };
}
