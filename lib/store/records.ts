// What IndexedDB keeps per paper and which listings there are: plain types, below lib/store/db.ts and
// the modules it uses to write (lib/store/view-heads.ts), so they can share them. lib/store/db.ts re-exports them.
import type { Paper } from '../source/entry';
import type { WatchHit } from '../alerts/watchlist';

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
}

/**
 * A paper without its long texts (abstract, AI summary and keywords) and history: what sorting,
 * filtering, the marks and the popup's compact card need, about a tenth of the record (v3).
 * Written with every paper, so a month of them reads fast; the reader then reads only the full
 * records it shows.
 */
export type PaperSummary = Omit<PaperRecord, 'abstract' | 'aiSummary' | 'aiKeywords' | 'upvoteHistory' | 'thumbnail' | 'mediaUrls' | 'submitter'>;

/** A day, an ISO week, a month, HF's trending list, or the last "Search Hugging Face" answer. */
export type ListingKey = `day:${string}` | `week:${string}` | `month:${string}` | 'trending' | 'search';
