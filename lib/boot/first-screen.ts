import { utcDay } from '../core/dates';
import { getPapers, getViewHead } from '../store/reads';
import type { FirstCards } from './facet-screen';
import type { ListingKey, PaperRecord, PaperSummary, SyncState } from '../store/records';
import type { PaperboyDb } from '../store/schema';
import { isFiltering, type PaperFilters, type SortKey } from '../reader/filters';
import type { ReaderPrefs } from '../reader/prefs';
import { DEFAULT_READER_PREFS } from '../settings/defaults';
import { defaultView, listingKeyOf, type ReaderView } from '../reader/view';
import { pageSyncState } from '../sync/unstored-state';
import { HEAD_SORTS, hasHead, headPart, type HeadFilter, type HeadSort } from '../store/view-heads';

/** A long view's first paint, read whole: its first cards' summaries and records, its counts, the sync state. */
export interface HeadScreen extends FirstCards {
  key: ListingKey;
  sort: HeadSort;
  /** The filters it was read under. */
  filters: PaperFilters;
  /** The full records of `first`, but those the page held already. */
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
 * The side panel's opening reads: the preferences say which view; a week or month shown in a
 * sort its head keeps is then read as its first cards and counts, from its head (no filter, or
 * "Has code") or its facets (any other filter). Anything else (a day, trending) is read by the
 * page itself. Never rejects: what it could not read, the page reads (and reports) itself.
 */
export async function readFirstScreen(prefsRead: Promise<ReaderPrefs>, db: Promise<PaperboyDb>, now: number): Promise<FirstScreen> {
  // A database that fails to open is the page's to report, when it reads for itself.
  void db.catch(() => undefined);
  const prefs = await prefsRead.catch(() => DEFAULT_READER_PREFS);
  const view = defaultView(prefs.view, utcDay(now));
  const key = listingKeyOf(view, undefined);
  const sort = key && headSortOf(key, prefs.sort);
  if (!key || !sort) return { prefs, view };
  try {
    return { prefs, view, head: await readHeadScreen(await db, key, sort, prefs.filters) };
  } catch {
    return { prefs, view };
  }
}

/** The sort to read `key`'s head screen in, when it has one: a long view, a sort its head keeps. */
export function headSortOf(key: ListingKey, sort: SortKey): HeadSort | undefined {
  if (!hasHead(key)) return undefined;
  return HEAD_SORTS.find((candidate) => candidate === sort);
}

/** The head part that serves `filters`: none set, or "Has code" alone; undefined for any other (the facets serve those). */
function headFilterOf(filters: PaperFilters): HeadFilter | undefined {
  if (!isFiltering(filters)) return 'none';
  return filters.hasCode === true && !isFiltering({ ...filters, hasCode: false }) ? 'hasCode' : undefined;
}

/**
 * A long view's first papers in `sort` under `filters`, with their full records and the counts;
 * none when the view has neither the head nor the facets that serve them (written before).
 * `held`: records the page holds already (as they are now), which are not read again.
 */
export async function readHeadScreen(
  db: PaperboyDb,
  key: ListingKey,
  sort: HeadSort,
  filters: PaperFilters,
  held: (paper: PaperSummary) => boolean = () => false,
): Promise<HeadScreen | undefined> {
  const filter = headFilterOf(filters);
  const [cards, sync] = await Promise.all([
    filter ? fromHead(db, key, sort, filter) : fromFacets(db, key, sort, filters),
    pageSyncState(db.get('meta', 'sync')),
  ]);
  if (!cards) return undefined;
  const records =
    cards.records ??
    (await getPapers(
      db,
      cards.first.filter((paper) => !held(paper)).map((paper) => paper.id),
    ));
  return { ...cards, key, sort, filters, records, sync };
}

async function fromHead(db: PaperboyDb, key: ListingKey, sort: HeadSort, filter: HeadFilter): Promise<FirstCards | undefined> {
  const { listing, head } = await getViewHead(db, key);
  const part = head && headPart(head, filter);
  if (head?.total === undefined || !part) return undefined;
  return { listing, total: head.total, count: part.count, unread: part.unread, first: part.top[sort] };
}

/** A filter the heads do not keep: its part is loaded only then, and the panel's first script stays small. */
async function fromFacets(db: PaperboyDb, key: ListingKey, sort: HeadSort, filters: PaperFilters): Promise<FirstCards | undefined> {
  return (await import('./facet-screen')).readFacetCards(db, key, sort, filters);
}
