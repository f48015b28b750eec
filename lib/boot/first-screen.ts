import { utcDay } from '../core/dates';
import { getPapers, getViewHead } from '../store/reads';
import type { ListingKey, ListingRecord, PaperRecord, PaperSummary, SyncState } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { isFiltering, type PaperFilters, type SortKey } from '../reader/filters';
import type { ReaderPrefs } from '../reader/prefs';
import { DEFAULT_READER_PREFS } from '../settings/defaults';
import { defaultView, listingKeyOf, type ReaderView } from '../reader/view';
import { pageSyncState } from '../sync/unstored-state';
import { HEAD_SORTS, hasHead, type HeadSort, type ViewHead } from '../store/view-heads';

/** A long view's first paint, read whole: its head, the first cards' records, the sync state. */
export interface HeadScreen {
  key: ListingKey;
  sort: HeadSort;
  listing?: ListingRecord;
  head: ViewHead;
  records: PaperRecord[];
  sync: SyncState;
}

/** What the side panel opens on: its preferences, and the head screen when one is what it shows first. */
export interface FirstScreen {
  prefs: ReaderPrefs;
  view: ReaderView;
  head?: HeadScreen;
}

/**
 * The side panel's opening reads: the preferences say which view; a week or month shown with no
 * filter and a sort its head keeps is then read as its head and the first cards' records. Anything else (a
 * day, a filter, trending) is read by the page itself. Never rejects: what it could not read,
 * the page reads (and reports) itself.
 */
export async function readFirstScreen(prefsRead: Promise<ReaderPrefs>, db: Promise<PaperboyDb>, now: number): Promise<FirstScreen> {
  // A database that fails to open is the page's to report, when it reads for itself.
  void db.catch(() => undefined);
  const prefs = await prefsRead.catch(() => DEFAULT_READER_PREFS);
  const view = defaultView(prefs.view, utcDay(now));
  const key = listingKeyOf(view, undefined);
  const sort = key && headSortOf(key, prefs.sort, prefs.filters);
  if (!key || !sort) return { prefs, view };
  try {
    return { prefs, view, head: await readHeadScreen(await db, key, sort) };
  } catch {
    return { prefs, view };
  }
}

/** The sort to read `key`'s head in, when its head is what the list shows first: a long view, no filter, a kept sort. */
export function headSortOf(key: ListingKey, sort: SortKey, filters: PaperFilters): HeadSort | undefined {
  if (!hasHead(key) || isFiltering(filters)) return undefined;
  return HEAD_SORTS.find((candidate) => candidate === sort);
}

/**
 * A long view's head in `sort` with the full records of its first papers; none without a head.
 * `held`: records the page holds already (as they are now), which are not read again.
 */
export async function readHeadScreen(
  db: PaperboyDb,
  key: ListingKey,
  sort: HeadSort,
  held: (paper: PaperSummary) => boolean = () => false,
): Promise<HeadScreen | undefined> {
  const [{ listing, head }, sync] = await Promise.all([getViewHead(db, key), pageSyncState(db.get('meta', 'sync'))]);
  const first = head?.top[sort];
  if (!head || !first) return undefined;
  const records = await getPapers(
    db,
    first.filter((paper) => !held(paper)).map((paper) => paper.id),
  );
  return { key, sort, listing, head, records, sync };
}
