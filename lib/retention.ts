import type { ListingKey, PaperboyDb } from './db';

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
 * Frees space by deleting the oldest day listings (never today's or the given keep list) and
 * the papers only they held. Saved papers are never deleted, whatever listing they came from.
 */
export async function pruneOldestListings(db: PaperboyDb, options: { count: number; keep?: ReadonlySet<ListingKey> }): Promise<PruneResult> {
  const tx = db.transaction(['listings', 'papers'], 'readwrite');
  const listings = tx.objectStore('listings');
  const papers = tx.objectStore('papers');
  const all = await listings.getAll();
  const days = all
    .filter((listing) => listing.key.startsWith('day:') && !options.keep?.has(listing.key))
    .sort((a, b) => a.key.localeCompare(b.key));
  const doomed = days.slice(0, Math.min(options.count, Math.max(0, days.length - 1)));
  const doomedKeys = new Set(doomed.map((listing) => listing.key));
  // A paper also listed elsewhere (another day, a week, trending) stays.
  const stillListed = new Set(all.filter((listing) => !doomedKeys.has(listing.key)).flatMap((listing) => listing.ids));
  let removedPapers = 0;
  for (const listing of doomed) {
    void listings.delete(listing.key);
    for (const id of listing.ids) {
      if (stillListed.has(id)) continue;
      const paper = await papers.get(id);
      if (!paper || paper.savedAt !== undefined) continue;
      stillListed.add(id); // once
      void papers.delete(id);
      removedPapers += 1;
    }
  }
  await tx.done;
  return { listings: doomed.length, papers: removedPapers };
}
