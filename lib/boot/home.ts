import { utcDay } from '../core/dates';
import { dayKey } from '../store/listing-keys';
import { latestDayIn, unseenIn } from '../store/reads';
import type { PaperSummary, SyncState } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { pageSyncState, readUnsavedState } from '../sync/unstored-state';
import { withoutMuted } from '../store/records';
import { byTieBreak } from '../store/order';

/** What the popup starts with, read straight from IndexedDB: summaries, no abstracts, nothing muted. */
export interface HomeData {
  trending: PaperSummary[];
  /** The latest listing day with papers, most upvoted first (ties: the newer arXiv id, as everywhere). */
  latest: { day?: string; isToday: boolean; papers: PaperSummary[] };
  /** New papers the user has not looked at that are in neither list (a past day that grew). */
  earlierUnseen: PaperSummary[];
  sync: SyncState;
}

/**
 * Everything in one read transaction, about five requests whatever the store's size: the sync
 * state, the unseen papers, the latest day with papers (day listings by key range from the
 * newest), and the ready-made views of trending and that day.
 */
export async function loadHome(db: PaperboyDb, now: number): Promise<HomeData> {
  // Asked for now, awaited once the transaction's reads are done (a foreign await would end it).
  const unsaved = readUnsavedState();
  const tx = db.transaction(['listings', 'daySummaries', 'meta', 'views']);
  const listings = tx.objectStore('listings');
  const views = tx.objectStore('views');
  const latestDay = latestDayIn(listings);
  const [trending, sync, unseenDays, day] = await Promise.all([
    views.get('trending'),
    tx.objectStore('meta').get('sync'),
    tx.objectStore('daySummaries').index('unseen').getAll(1),
    latestDay,
  ]);
  const latest = day ? await views.get(dayKey(day)) : undefined;
  const latestPapers = [...withoutMuted(latest?.summaries ?? [])].sort(byTieBreak);
  const trendingPapers = withoutMuted(trending?.summaries ?? []);
  const shown = new Set([...trendingPapers, ...latestPapers].map((paper) => paper.id));
  return {
    trending: trendingPapers,
    latest: { day, isToday: day === utcDay(now), papers: latestPapers },
    earlierUnseen: withoutMuted(unseenIn(unseenDays))
      .filter((paper) => !shown.has(paper.id))
      .sort(byTieBreak),
    sync: await pageSyncState(Promise.resolve(sync), unsaved),
  };
}
