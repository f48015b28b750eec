// How a fetched paper merges with the one stored: the merge policy. Pure.
import type { Paper } from '../source/entry';
import { viewKeysOf } from './listing-keys';
import type { ListingKey, PaperRecord } from './records';

/** Samples of upvotes over time kept per paper (about two weeks of changes at a few a day). */
const MAX_UPVOTE_SAMPLES = 64;

export interface FetchedIn {
  /** The listing the paper was fetched in. */
  key: ListingKey;
  fetchedAt: number;
  /** Papers fetched because the user asked for an old day or a search are not "new arrivals". */
  markNew?: boolean;
}

/** The record to store for `paper`, fetched in a listing, given what was stored (`existing`). */
export function mergeFetched(existing: PaperRecord | undefined, paper: Paper, { key, fetchedAt, markNew }: FetchedIn): PaperRecord {
  const merged = notingListing(mergePaper(existing, paper, fetchedAt), key);
  if (!existing && markNew === false) delete merged.unseen;
  return merged;
}

function mergePaper(existing: PaperRecord | undefined, { listedOnGuessed, ...fields }: Paper, now: number): PaperRecord {
  // A listing day the source did not give is a stand-in: it does not move a paper already stored.
  const paper = existing && listedOnGuessed ? { ...fields, listedOn: existing.listedOn } : fields;
  if (!existing) {
    return {
      ...paper,
      firstSeenAt: now,
      updatedAt: now,
      unseen: 1,
      listedDays: [paper.listedOn],
      upvoteHistory: [[now, paper.upvotes]],
    };
  }
  const listedDays = existing.listedDays.includes(paper.listedOn) ? existing.listedDays : [...existing.listedDays, paper.listedOn].sort();
  // An answer older than what is stored (a slow request overtaken) must not roll counts back.
  if (now < existing.updatedAt) return { ...existing, listedDays };
  const history = existing.upvoteHistory;
  const lastUpvotes = history[history.length - 1]?.[1];
  const upvoteHistory = lastUpvotes === paper.upvotes ? history : [...history, [now, paper.upvotes] as [number, number]].slice(-MAX_UPVOTE_SAMPLES);
  return {
    ...existing,
    ...paper,
    // Fields the source stopped sending are kept rather than lost.
    aiSummary: paper.aiSummary ?? existing.aiSummary,
    aiKeywords: paper.aiKeywords ?? existing.aiKeywords,
    githubRepo: paper.githubRepo ?? existing.githubRepo,
    githubStars: paper.githubStars ?? existing.githubStars,
    projectPage: paper.projectPage ?? existing.projectPage,
    organization: paper.organization ?? existing.organization,
    firstSeenAt: existing.firstSeenAt,
    updatedAt: now,
    listedDays,
    upvoteHistory,
    ...(codeArrived(existing, paper) ? { codeAddedAt: now } : {}),
  };
}

/**
 * A code link in a listing for a paper stored without one: the "Code released" alert's trigger.
 * A saved paper known only by its id (no upvote history yet) had no details to compare with.
 */
function codeArrived(existing: PaperRecord, paper: Omit<Paper, 'listedOnGuessed'>): boolean {
  return existing.githubRepo === undefined && paper.githubRepo !== undefined && existing.upvoteHistory.length > 0;
}

/** The record, with `key` noted in `alsoIn` when its listing days would not lead a patch there. */
function notingListing(record: PaperRecord, key: ListingKey): PaperRecord {
  if (viewKeysOf(record).includes(key)) return record;
  return { ...record, alsoIn: [...(record.alsoIn ?? []), key] };
}
