// The database's shape: its typed idb schema and its version (the upgrade from any earlier one: upgrade.ts).
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import type { DaySummaries, ListingKey, ListingRecord, ListingView, PaperRecord, PaperSummary, SyncState } from './records';
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
