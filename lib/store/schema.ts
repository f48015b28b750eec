// The database's shape: its typed idb schema, its version, and the upgrade from any earlier one.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import {
  daySummariesOf,
  summaryOf,
  type DaySummaries,
  type ListingKey,
  type ListingRecord,
  type ListingView,
  type PaperRecord,
  type PaperSummary,
  type SyncState,
} from './records';
import type { ViewHead } from './view-heads';
import type { ViewFacets } from './view-facets';
import type { LinkedReposRecord } from './records';

export const DB_NAME = 'paperboy';
export const DB_VERSION = 8;

export interface PaperboySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { unseen: number; listedOn: string; savedAt: number; updatedAt: number } };
  /** v3 to v7 only: one summary per paper. The upgrade to v8 moves them into `daySummaries` and deletes it. */
  summaries: { key: string; value: PaperSummary; indexes: { unseen: number; savedAt: number } };
  /** v8: the summaries of each listing day's papers in one record, kept in step with `papers` by every writer (lib/store/derived.ts). */
  daySummaries: { key: string; value: DaySummaries; indexes: { unseen: number } };
  /** v3: each listing's summaries in its order, ready made: a month is one read, not 1,500. */
  views: { key: ListingKey; value: ListingView };
  /** v4: a week's or month's first papers per sort and its counts, written with its view (lib/store/view-heads.ts). */
  heads: { key: ListingKey; value: ViewHead };
  /** v7: what the filters and sorts read of each paper of a week or month, written with its view (lib/store/view-facets.ts). */
  facets: { key: ListingKey; value: ViewFacets };
  listings: { key: ListingKey; value: ListingRecord };
  meta: { key: 'sync'; value: SyncState };
  /** v5: a paper's models, datasets and Spaces, fetched when the reader asks and kept a day (lib/store/linked-repos.ts). */
  linkedRepos: { key: string; value: LinkedReposRecord };
  /** v6: the full-text index: per first letter of a term and listing day, `term id:mask id:mask…` lines (lib/store/postings.ts). */
  postings: { key: [string, string]; value: string };
  /** v6: how far the background's build of the index over papers stored before v6 has got. */
  searchBuild: { key: 'build'; value: SearchBuildState };
}

interface SearchBuildState {
  done: boolean;
  /** The last paper id indexed by the build (papers are visited in id order). */
  after?: string;
}

export type PaperboyDb = IDBPDatabase<PaperboySchema>;

/** The stores a writer of papers must include in its transaction, so summaries and views stay in step. */
export const PAPER_STORES = ['papers', 'daySummaries', 'views', 'heads', 'facets', 'postings'] as const;
type PaperStore = (typeof PAPER_STORES)[number];
/** A transaction over PAPER_STORES: what every writer of papers holds. */
export type PapersTx = IDBPTransaction<PaperboySchema, PaperStore[], 'readwrite'>;
/** A transaction that may also write listings: storeListing's, and retention's. */
export type ListingsTx = IDBPTransaction<PaperboySchema, (PaperStore | 'listings')[], 'readwrite'>;

/**
 * Brings a database of `oldVersion` (0: a new one) to DB_VERSION, inside the upgrade
 * transaction. Each version adds one step; a step is never edited once released, so a database
 * of any earlier version goes through every later step in order. Only IndexedDB requests may be
 * awaited here: any other await would end the transaction.
 */
export async function upgradeSchema(
  db: IDBPDatabase<PaperboySchema>,
  oldVersion: number,
  transaction: IDBPTransaction<PaperboySchema, StoreNames<PaperboySchema>[], 'versionchange'>,
): Promise<void> {
  if (oldVersion < 1) {
    const papers = db.createObjectStore('papers', { keyPath: 'id' });
    papers.createIndex('unseen', 'unseen');
    papers.createIndex('listedOn', 'listedOn');
    db.createObjectStore('listings', { keyPath: 'key' });
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    // v2: read and saved marks live on the paper; saved ones are found by this index.
    transaction.objectStore('papers').createIndex('savedAt', 'savedAt');
  }
  if (oldVersion < 3) {
    // v3: small summaries for sorting and filtering a whole month without reading every
    // abstract; `updatedAt` lets the search index pick up only what changed.
    const papers = transaction.objectStore('papers');
    papers.createIndex('updatedAt', 'updatedAt');
    const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
    summaries.createIndex('unseen', 'unseen');
    summaries.createIndex('savedAt', 'savedAt');
    // Back-fill from the stored papers.
    const byId = new Map<string, PaperSummary>();
    for (let cursor = await papers.openCursor(); cursor; cursor = await cursor.continue()) {
      const summary = summaryOf(cursor.value);
      byId.set(summary.id, summary);
      void summaries.put(summary);
    }
    const views = db.createObjectStore('views', { keyPath: 'key' });
    for (const listing of await transaction.objectStore('listings').getAll()) {
      void views.put({ key: listing.key, summaries: listing.ids.flatMap((id) => byId.get(id) ?? []) });
    }
  }
  if (oldVersion < 4) {
    // v4: the heads of the long views, so the side panel paints a month before reading it
    // whole. Written by the background (fillMissingHeads after an update, then with every
    // view), so no page carries the code that computes them; a view without one is read whole.
    db.createObjectStore('heads', { keyPath: 'key' });
  }
  if (oldVersion < 5) {
    // v5: what a paper links to on the Hub, fetched on demand by the background and kept a day.
    db.createObjectStore('linkedRepos', { keyPath: 'id' });
  }
  if (oldVersion < 6) {
    // v6: the search index, kept by the writers of papers so that the side panel reads only the
    // postings a query needs. Papers stored before are indexed by the background, in slices
    // (buildSearchIndex), not here: an upgrade of a year of papers would hold every page.
    db.createObjectStore('postings');
    const stored = await transaction.objectStore('papers').count();
    void db.createObjectStore('searchBuild').put({ done: stored === 0 }, 'build');
  }
  if (oldVersion < 7) {
    // v7: the long views' facets, so a month opened with any filter kept paints before it is read
    // whole. Written by the background like the heads (fillMissingHeads, then with every view).
    db.createObjectStore('facets', { keyPath: 'key' });
  }
  if (oldVersion < 8) {
    // v8: the summaries of a listing day's papers in one record, not one record per paper: a
    // day's 100 new papers cost one put of summaries instead of 100 (each request costs far more
    // than its bytes), and every summary is read in one request per day.
    const days = db.createObjectStore('daySummaries', { keyPath: 'day' });
    days.createIndex('unseen', 'unseen');
    const byDay = new Map<string, PaperSummary[]>();
    for (const summary of await transaction.objectStore('summaries').getAll()) {
      const summaries = byDay.get(summary.listedOn);
      if (summaries) summaries.push(summary);
      else byDay.set(summary.listedOn, [summary]);
    }
    for (const [day, summaries] of byDay) void days.put(daySummariesOf(day, summaries));
    db.deleteObjectStore('summaries');
  }
}
