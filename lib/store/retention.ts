import { dayOfKey, lastDayOf } from './listing-keys';
import type { ListingKey, ListingRecord, PaperRecord } from './records';
import type { PaperboyDb } from './schema';
import { updateIndex } from './postings';
import { deleteListing, deletePaper } from './writes';
import { updateSummaries } from './derived';

export interface PruneResult {
  listings: number;
  papers: number;
}

/** True for the browser's "storage is full" failure, however it is wrapped. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  const inner = (error as { inner?: unknown; cause?: unknown } | undefined)?.cause;
  return name === 'QuotaExceededError' || (inner !== undefined && isQuotaError(inner));
}

/**
 * Deletes the listings `choose` picks and the papers only they held. Saved papers are never
 * deleted, whatever listing they came from.
 */
async function pruneListings(
  db: PaperboyDb,
  choose: (listings: ListingRecord[]) => ListingRecord[],
  /** Also papers listed before this day that no listing holds (imported, fetched by id, dropped from a replaced listing). */
  orphansBefore?: string,
): Promise<PruneResult> {
  const tx = db.transaction(['listings', 'papers', 'daySummaries', 'views', 'heads', 'facets', 'postings'], 'readwrite');
  const listings = tx.objectStore('listings');
  const papers = tx.objectStore('papers');
  const all = await listings.getAll();
  const doomed = choose(all);
  const doomedKeys = new Set(doomed.map((listing) => listing.key));
  // A paper also listed elsewhere (another day, a week, trending) stays.
  const stillListed = new Set(all.filter((listing) => !doomedKeys.has(listing.key)).flatMap((listing) => listing.ids));
  const removed: PaperRecord[] = [];
  for (const listing of doomed) {
    deleteListing(tx, listing.key);
    for (const id of listing.ids) {
      if (stillListed.has(id)) continue;
      const paper = await papers.get(id);
      if (!paper || paper.savedAt !== undefined) continue;
      stillListed.add(id); // once
      deletePaper(tx, id);
      removed.push(paper);
    }
  }
  if (orphansBefore !== undefined) {
    const old = IDBKeyRange.upperBound(orphansBefore, true);
    for (let cursor = await papers.index('listedOn').openCursor(old); cursor; cursor = await cursor.continue()) {
      const paper = cursor.value;
      if (stillListed.has(paper.id) || paper.savedAt !== undefined) continue;
      deletePaper(tx, paper.id);
      removed.push(paper);
    }
  }
  // A prune runs when the quota is full, and Chromium refuses any put then, even one that
  // shrinks a record: this transaction only deletes (postings and days' summaries left empty among them).
  const changes = removed.map((paper) => ({ before: paper }));
  await Promise.all([updateIndex(tx, changes, { deletesOnly: true }), updateSummaries(tx, changes, { deletesOnly: true })]);
  await tx.done;
  // Then the records still holding other papers drop the deleted ids, if there is room for it;
  // until then a search skips those ids, as it shows only stored papers.
  try {
    const rewrite = db.transaction(['papers', 'daySummaries', 'listings', 'views', 'heads', 'facets', 'postings'], 'readwrite');
    await Promise.all([updateIndex(rewrite, changes), updateSummaries(rewrite, changes)]);
    await rewrite.done;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  return { listings: doomed.length, papers: removed.length };
}

/** Frees space: the oldest day listings go first, never the last one nor those in `keep`. */
export function pruneOldestListings(db: PaperboyDb, options: { count: number; keep?: ReadonlySet<ListingKey> }): Promise<PruneResult> {
  return pruneListings(db, (all) => {
    const days = all.filter((listing) => dayOfKey(listing.key) !== undefined && !options.keep?.has(listing.key)).sort((a, b) => a.key.localeCompare(b.key));
    return days.slice(0, Math.min(options.count, Math.max(0, days.length - 1)));
  });
}

/**
 * Retention: listings that ended before `cutoff` (a day) go, with their unsaved papers, and so do
 * unsaved papers listed before it that no listing holds any more.
 */
export function pruneBefore(db: PaperboyDb, cutoff: string): Promise<PruneResult> {
  return pruneListings(
    db,
    (all) =>
      all.filter((listing) => {
        const last = lastDayOf(listing.key);
        return last !== undefined && last < cutoff;
      }),
    cutoff,
  );
}
