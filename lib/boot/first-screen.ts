import { utcDay } from '../core/dates';
import { getPapers, getViewHead } from '../store/reads';
import type { ListingKey, ListingRecord, PaperRecord, PaperSummary, SyncState } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { isFiltering, type PaperFilters, type SortKey } from '../reader/filters';
import type { ReaderPrefs } from '../reader/prefs';
import { DEFAULT_READER_PREFS } from '../settings/defaults';
import { defaultView, listingKeyOf, type ReaderView } from '../reader/view';
import { pageSyncState } from '../sync/unstored-state';
import { HEAD_SORTS, hasHead, headPart, type HeadFilter, type HeadPart, type HeadSort, type ViewHead } from '../store/view-heads';

/** A long view's first paint, read whole: its head, the first cards' records, the sync state. */
export interface HeadScreen {
  key: ListingKey;
  sort: HeadSort;
  filter: HeadFilter;
  listing?: ListingRecord;
  head: ViewHead;
  /** The head's lists and counts under `filter` (the whole head with none). */
  part: HeadPart;
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
  const filter = headFilterOf(prefs.filters);
  if (!key || !sort || !filter) return { prefs, view };
  try {
    return { prefs, view, head: await readHeadScreen(await db, key, sort, filter) };
  } catch {
    return { prefs, view };
  }
}

/** The sort to read `key`'s head in, when its head is what the list shows first: a long view, no filter, a kept sort. */
export function headSortOf(key: ListingKey, sort: SortKey, filters: PaperFilters): HeadSort | undefined {
  if (!hasHead(key) || !headFilterOf(filters)) return undefined;
  return HEAD_SORTS.find((candidate) => candidate === sort);
}

/** The head part that serves `filters`: none set, or "Has code" alone; undefined for any other. */
export function headFilterOf(filters: PaperFilters): HeadFilter | undefined {
  if (!isFiltering(filters)) return 'none';
  return filters.hasCode === true && !isFiltering({ ...filters, hasCode: false }) ? 'hasCode' : undefined;
}

/**
 * A long view's head in `sort` with the full records of its first papers; none without a head.
 * `held`: records the page holds already (as they are now), which are not read again.
 */
export async function readHeadScreen(
  db: PaperboyDb,
  key: ListingKey,
  sort: HeadSort,
  filter: HeadFilter = 'none',
  held: (paper: PaperSummary) => boolean = () => false,
): Promise<HeadScreen | undefined> {
  const [{ listing, head }, sync] = await Promise.all([getViewHead(db, key), pageSyncState(db.get('meta', 'sync'))]);
  const part = head && headPart(head, filter);
  const first = part?.top[sort];
  if (!head || !part || !first) return undefined;
  const records = await getPapers(
    db,
    first.filter((paper) => !held(paper)).map((paper) => paper.id),
  );
  return { key, sort, filter, listing, head, part, records, sync };
}
