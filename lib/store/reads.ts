// The readers: listings, papers, their summaries and views, the heads, and counts.
import { summaryOf, type DaySummaries, type ListingKey, type ListingRecord, type PaperRecord, type PaperSummary } from './records';
import type { IDBPObjectStore, StoreNames } from 'idb';
import { dayOfKey } from './listing-keys';
import type { PaperboyDb, PaperboySchema } from './schema';
import type { ViewHead } from './view-heads';

export async function getListing(db: PaperboyDb, key: ListingKey): Promise<ListingRecord | undefined> {
  return db.get('listings', key);
}

/** The papers of a listing in its order; ids whose paper is missing are left out. */
export async function getListingPapers(db: PaperboyDb, key: ListingKey): Promise<PaperRecord[]> {
  const listing = await db.get('listings', key);
  return listing ? getPapers(db, listing.ids) : [];
}

export async function getAllListings(db: PaperboyDb): Promise<ListingRecord[]> {
  return db.getAll('listings');
}

/** The latest stored listing day that has papers. */
export async function latestListedDay(db: PaperboyDb): Promise<string | undefined> {
  return latestDayIn(db.transaction('listings').store);
}

/** The same, in a transaction of the caller's (the popup reads its home in one): day listings from the newest, by key range. */
export async function latestDayIn<Stores extends ArrayLike<StoreNames<PaperboySchema>>>(
  listings: IDBPObjectStore<PaperboySchema, Stores, 'listings', 'readonly'>,
): Promise<string | undefined> {
  for (let cursor = await listings.openCursor(IDBKeyRange.bound('day:', 'day:\uffff'), 'prev'); cursor; cursor = await cursor.continue()) {
    if (cursor.value.ids.length > 0) return dayOfKey(cursor.key);
  }
  return undefined;
}

export async function countUnseen(db: PaperboyDb): Promise<number> {
  return db.countFromIndex('papers', 'unseen', 1);
}

/** Saved papers, most recently saved first. */
export async function getSavedPapers(db: PaperboyDb): Promise<PaperRecord[]> {
  return (await db.getAllFromIndex('papers', 'savedAt')).reverse();
}

/** The papers of `ids` in that order; ids not stored are left out. */
export async function getPapers(db: PaperboyDb, ids: readonly string[]): Promise<PaperRecord[]> {
  const tx = db.transaction('papers');
  const papers = await Promise.all(ids.map((id) => tx.store.get(id)));
  return papers.filter((paper): paper is PaperRecord => paper !== undefined);
}

export async function countPapers(db: PaperboyDb): Promise<number> {
  return db.count('papers');
}

/**
 * A listing and its papers' summaries in the listing's order: its ready-made view, one read.
 * Without one (not expected: every writer keeps them), the summaries are read one by one.
 */
export async function getListingSummaries(db: PaperboyDb, key: ListingKey): Promise<{ listing?: ListingRecord; summaries: PaperSummary[] }> {
  const tx = db.transaction(['listings', 'papers', 'views']);
  const [listing, view] = await Promise.all([tx.objectStore('listings').get(key), tx.objectStore('views').get(key)]);
  if (!listing) return { summaries: [] };
  if (view) return { listing, summaries: view.summaries };
  const papers = tx.objectStore('papers');
  const found = await Promise.all(listing.ids.map((id) => papers.get(id)));
  return { listing, summaries: found.flatMap((paper) => (paper ? [summaryOf(paper)] : [])) };
}

/** A week's or month's head (lib/store/view-heads.ts) with its listing: what the side panel's first paint shows. */
export async function getViewHead(db: PaperboyDb, key: ListingKey): Promise<{ listing?: ListingRecord; head?: ViewHead }> {
  const tx = db.transaction(['listings', 'heads']);
  const [listing, head] = await Promise.all([tx.objectStore('listings').get(key), tx.objectStore('heads').get(key)]);
  return { listing, head: listing ? head : undefined };
}

/**
 * Whether the search index covers every stored paper (false only until the build after the v6
 * upgrade ends). Here, not beside the index's writer (postings.ts): the panel asks it at once,
 * and loads the index's code only for a query.
 */
export async function isSearchIndexBuilt(db: PaperboyDb): Promise<boolean> {
  return (await db.get('searchBuild', 'build'))?.done ?? true;
}

/**
 * The summaries of `ids` (in no particular order); ids not stored are left out. Cut from the
 * papers, read by id: for a few hundred ids that is less than reading the days they are on.
 */
export async function getSummaries(db: PaperboyDb, ids: readonly string[]): Promise<PaperSummary[]> {
  return (await getPapers(db, ids)).map(summaryOf);
}

/** Every stored paper's summary: one record per listing day. */
export async function getAllSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return (await db.getAll('daySummaries')).flatMap((day) => day.summaries);
}

/** Saved papers' summaries, most recently saved first (cut from the saved papers: a few, on any days). */
export async function getSavedSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return (await getSavedPapers(db)).map(summaryOf);
}

/** The unseen papers' summaries, read from the days that have any (most often the latest one). */
export function unseenIn(days: readonly DaySummaries[]): PaperSummary[] {
  return days.flatMap((day) => day.summaries.filter((summary) => summary.unseen === 1));
}

export async function getUnseenSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return unseenIn(await db.getAllFromIndex('daySummaries', 'unseen', 1));
}

/** Papers stored or updated from the source after `since`. */
export async function getPapersUpdatedAfter(db: PaperboyDb, since: number): Promise<PaperRecord[]> {
  return db.getAllFromIndex('papers', 'updatedAt', IDBKeyRange.lowerBound(since, true));
}
