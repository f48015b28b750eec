import { utcDay } from './dates';
import { dayKey, getListingSummaries, getSummaries, type PaperSummary, type PaperboyDb } from './db';
import { EMPTY_SYNC_STATE, type SyncState } from './sync-state';

/** What the popup starts with, read straight from IndexedDB: summaries, no abstracts. */
export interface HomeData {
  trending: PaperSummary[];
  /** The latest listing day with papers, most upvoted first. */
  latest: { day?: string; isToday: boolean; papers: PaperSummary[] };
  /** New papers the user has not looked at that are in neither list (a past day that grew). */
  earlierUnseen: PaperSummary[];
  sync: SyncState;
}

export const byUpvotes = (a: PaperSummary, b: PaperSummary) => b.upvotes - a.upvotes || a.id.localeCompare(b.id);

/**
 * The latest listing day with papers, the trending ids, the sync state and the unseen papers in one
 * read transaction: the day listings are found by key range from the newest, so an open reads
 * one or two listings, not all of them.
 */
async function readHomeIndex(db: PaperboyDb) {
  const tx = db.transaction(['listings', 'summaries', 'meta']);
  const listings = tx.objectStore('listings');
  const [trending, sync, unseen] = await Promise.all([
    listings.get('trending'),
    tx.objectStore('meta').get('sync'),
    tx.objectStore('summaries').index('unseen').getAll(1),
  ]);
  let day: string | undefined;
  for (let cursor = await listings.openCursor(IDBKeyRange.bound('day:', 'day:\uffff'), 'prev'); cursor; cursor = await cursor.continue()) {
    if (cursor.value.ids.length > 0) {
      day = cursor.key.slice(4);
      break;
    }
  }
  return { trendingIds: trending?.ids ?? [], sync: sync ?? EMPTY_SYNC_STATE, unseen, day };
}

export async function loadHome(db: PaperboyDb, now: number): Promise<HomeData> {
  const { trendingIds, sync, unseen, day } = await readHomeIndex(db);
  const [trending, latest] = await Promise.all([
    getSummaries(db, trendingIds),
    day ? getListingSummaries(db, dayKey(day)) : Promise.resolve({ summaries: [] }),
  ]);
  const latestPapers = latest.summaries.sort(byUpvotes);
  const shown = new Set([...trending, ...latestPapers].map((paper) => paper.id));
  return {
    trending,
    latest: { day, isToday: day === utcDay(now), papers: latestPapers },
    earlierUnseen: unseen.filter((paper) => !shown.has(paper.id)).sort(byUpvotes),
    sync,
  };
}
