import { utcDay } from './dates';
import { dayKey, getListingPapers, getUnseenIds, latestListedDay, type PaperRecord, type PaperboyDb } from './db';
import { readSyncState } from './sync';
import type { SyncState } from './sync-state';

/** What the popup and the side panel start with, read straight from IndexedDB. */
export interface HomeData {
  trending: PaperRecord[];
  /** The latest listing day with papers, most upvoted first. */
  latest: { day?: string; isToday: boolean; papers: PaperRecord[] };
  /** New papers the user has not looked at that are in neither list (a past day that grew). */
  earlierUnseen: PaperRecord[];
  sync: SyncState;
}

export const byUpvotes = (a: PaperRecord, b: PaperRecord) => b.upvotes - a.upvotes || a.id.localeCompare(b.id);

export async function loadHome(db: PaperboyDb, now: number): Promise<HomeData> {
  const [trending, day, sync, unseenIds] = await Promise.all([
    getListingPapers(db, 'trending'),
    latestListedDay(db),
    readSyncState(db),
    getUnseenIds(db),
  ]);
  const latestPapers = day ? (await getListingPapers(db, dayKey(day))).sort(byUpvotes) : [];
  const shown = new Set([...trending, ...latestPapers].map((paper) => paper.id));
  const missing = unseenIds.filter((id) => !shown.has(id));
  const earlierUnseen = (await Promise.all(missing.map((id) => db.get('papers', id))))
    .filter((paper): paper is PaperRecord => paper !== undefined)
    .sort(byUpvotes);
  return {
    trending,
    latest: { day, isToday: day === utcDay(now), papers: latestPapers },
    earlierUnseen,
    sync,
  };
}
