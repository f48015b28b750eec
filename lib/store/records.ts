// What IndexedDB keeps: the records' types (papers, their summaries, listings, views, the sync
// state) and how a summary is cut from a paper. Plain data, below every other module of the store.
import type { Paper } from '../source/entry';
import type { ApiErrorKind } from '../source/client';
import type { LinkedRepos } from '../source/linked-repos';

/** A watchlist rule a paper matches, as stored on the paper and shown on its card (the rules themselves: lib/alerts/watchlist.ts). */
export interface WatchHit {
  kind: 'keyword' | 'author' | 'organization' | 'submitter';
  label: string;
}

export interface PaperRecord extends Paper {
  /** When Paperboy first stored this paper. */
  firstSeenAt: number;
  updatedAt: number;
  /** Present (1) only while the paper is new and the user has not looked at it: a sparse index. */
  unseen?: 1;
  /** Every listing day this paper has appeared on. */
  listedDays: string[];
  /** [time, upvotes], appended when the count changes. */
  upvoteHistory: [number, number][];
  /** When the user opened it or marked it read (v2). */
  readAt?: number;
  /** When the user saved it (v2); saved papers are kept for good. */
  savedAt?: number;
  /** Watchlist rules it matches, written by the background's alerts (no index: no schema change). */
  watch?: WatchHit[];
  /**
   * Listings that hold it though none of its listing days would say so (a day's answer with a
   * paper the source dates on another day, a month's with one from the day before it): where
   * changes to it must also be patched. No index: no schema change.
   */
  alsoIn?: ListingKey[];
  /** Mute rules it matches, written with the watch marks: left out of every list, the badge and notifications. No index. */
  muted?: WatchHit[];
  /** When a listing first brought a code link for it, stored before without one (lib/alerts/code-released.ts). No index. */
  codeAddedAt?: number;
}

/** Whether a mute rule matches the paper (its `muted` marks): it is then left out of every list, the badge and notifications. */
export function isMuted(paper: { muted?: readonly WatchHit[] }): boolean {
  return (paper.muted?.length ?? 0) > 0;
}

/** The papers no muted rule matches, in their order (the same list when none is muted). */
export function withoutMuted<T extends { muted?: readonly WatchHit[] }>(papers: readonly T[]): T[] {
  return papers.some(isMuted) ? papers.filter((paper) => !isMuted(paper)) : (papers as T[]);
}

/**
 * A paper without its long texts (abstract, AI summary and keywords) and history: what sorting,
 * filtering, the marks and the popup's compact card need, about a tenth of the record (v3).
 * Written with every paper, so a month of them reads fast; the reader then reads only the full
 * records it shows.
 */
export type PaperSummary = Omit<PaperRecord, 'abstract' | 'aiSummary' | 'aiKeywords' | 'upvoteHistory' | 'thumbnail' | 'mediaUrls' | 'submitter'>;

export function summaryOf(record: PaperRecord): PaperSummary {
  const {
    abstract: _abstract,
    aiSummary: _aiSummary,
    aiKeywords: _aiKeywords,
    upvoteHistory: _history,
    thumbnail: _thumbnail,
    mediaUrls: _media,
    submitter: _submitter,
    ...summary
  } = record;
  return summary;
}

/**
 * The summaries of the papers listed on one day (their `listedOn`), in one record (v8): a day's
 * write puts one record, not one per paper, and every summary is one read per day. `unseen` is
 * set while one of them is unseen (a sparse index: the unseen papers without a read of every day).
 */
export interface DaySummaries {
  day: string;
  summaries: PaperSummary[];
  unseen?: 1;
}

export function daySummariesOf(day: string, summaries: PaperSummary[]): DaySummaries {
  return summaries.some((summary) => summary.unseen === 1) ? { day, summaries, unseen: 1 } : { day, summaries };
}

/** A day, an ISO week, a month, HF's trending list, or the last "Search Hugging Face" answer. */
export type ListingKey = `day:${string}` | `week:${string}` | `month:${string}` | 'trending' | 'search';

export interface ListingRecord {
  key: ListingKey;
  /** Paper ids in the source's order. */
  ids: string[];
  fetchedAt: number;
}

/** A listing's papers as summaries, in the listing's order; rewritten whenever one of them changes. */
export interface ListingView {
  key: ListingKey;
  summaries: PaperSummary[];
}

export interface SyncError {
  kind: ApiErrorKind | 'storage';
  message: string;
  at: number;
  status?: number;
  /** Rate limits: when requests may resume. */
  retryAt?: number;
  /** The source that failed: its backoff or rate limit does not bind another one. */
  source?: string;
}

export interface SyncSummary {
  at: number;
  newPapers: number;
  fetched: number;
  skipped: number;
  /** Papers kept with a field given a stand-in (absent in states stored before it was counted). */
  partial?: number;
  requests: number;
  problems: string[];
  /** Storage was full: this many of the oldest day listings (and their unsaved papers) were removed. */
  pruned?: { listings: number; papers: number };
}

/** What the last syncs did, stored for the badge and the UI (how it changes: lib/sync/state.ts). */
export interface SyncState {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** The error of the last attempt; cleared by a success. */
  error?: SyncError;
  /** When the current run of failures began. */
  failingSince?: number;
  failures: number;
  /** No scheduled request before this time (backoff or rate limit). */
  notBefore?: number;
  last?: SyncSummary;
}

/** A paper's linked repositories as the background keeps them (lib/store/linked-repos.ts), v5. */
export interface LinkedReposRecord {
  /** The paper's arXiv id. */
  id: string;
  fetchedAt: number;
  repos: LinkedRepos;
}
