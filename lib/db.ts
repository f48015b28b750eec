import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { daysOfIsoWeek } from './dates';
import type { Paper } from './paper';
import type { SyncState } from './sync-state';

export const DB_NAME = 'paperboy';
export const DB_VERSION = 3;
/** Samples of upvotes over time kept per paper (about two weeks of changes at a few a day). */
const MAX_UPVOTE_SAMPLES = 64;

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
}

/**
 * A paper without its long texts (abstract, AI summary and keywords) and history: what sorting,
 * filtering, the marks and the popup's compact card need, about a tenth of the record (v3).
 * Written with every paper, so a month of them reads fast; the reader then reads only the full
 * records it shows.
 */
export type PaperSummary = Omit<PaperRecord, 'abstract' | 'aiSummary' | 'aiKeywords' | 'upvoteHistory' | 'thumbnail'>;

export function summaryOf(record: PaperRecord): PaperSummary {
  const { abstract: _abstract, aiSummary: _aiSummary, aiKeywords: _aiKeywords, upvoteHistory: _history, thumbnail: _thumbnail, ...summary } = record;
  return summary;
}

/** A day, an ISO week, a month, HF's trending list, or the last "Search Hugging Face" answer. */
export type ListingKey = `day:${string}` | `week:${string}` | `month:${string}` | 'trending' | 'search';

export interface ListingRecord {
  key: ListingKey;
  /** Paper ids in the source's order. */
  ids: string[];
  fetchedAt: number;
}

export interface PaperboySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { unseen: number; listedOn: string; savedAt: number; updatedAt: number } };
  /** v3: one per paper, kept in step with `papers` by every writer. */
  summaries: { key: string; value: PaperSummary; indexes: { listedDays: string; unseen: number; savedAt: number } };
  listings: { key: ListingKey; value: ListingRecord };
  meta: { key: 'sync'; value: SyncState };
}

export type PaperboyDb = IDBPDatabase<PaperboySchema>;

export const dayKey = (day: string): ListingKey => `day:${day}`;

/** Opens (and upgrades) the database. Each version adds one step; none is ever edited. */
export async function openPaperboyDb(name = DB_NAME): Promise<PaperboyDb> {
  let opened: PaperboyDb | undefined;
  opened = await openDB<PaperboySchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
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
        // One entry per listing day: a day, week or month is one range read.
        summaries.createIndex('listedDays', 'listedDays', { multiEntry: true });
        summaries.createIndex('unseen', 'unseen');
        summaries.createIndex('savedAt', 'savedAt');
        // Back-fill from the stored papers (only IndexedDB requests are awaited: the upgrade
        // transaction stays open).
        for (let cursor = await papers.openCursor(); cursor; cursor = await cursor.continue()) {
          void summaries.put(summaryOf(cursor.value));
        }
      }
    },
    blocking() {
      // A newer version is waiting (an extension update): step aside so it can upgrade.
      opened?.close();
      dbPromise = undefined;
    },
  });
  return opened;
}

let dbPromise: Promise<PaperboyDb> | undefined;

/** One connection per page or worker, opened on first use. */
export function getDb(): Promise<PaperboyDb> {
  dbPromise ??= openPaperboyDb().catch((error: unknown) => {
    dbPromise = undefined;
    throw error;
  });
  return dbPromise;
}

/** Forgets the cached connection (tests give every case a fresh IndexedDB). */
export function resetDbConnection(): void {
  void dbPromise?.then((db) => db.close()).catch(() => undefined);
  dbPromise = undefined;
}

function mergePaper(existing: PaperRecord | undefined, paper: Paper, now: number): PaperRecord {
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
  const listedDays = existing.listedDays.includes(paper.listedOn)
    ? existing.listedDays
    : [...existing.listedDays, paper.listedOn].sort();
  // An answer older than what is stored (a slow request overtaken) must not roll counts back.
  if (now < existing.updatedAt) return { ...existing, listedDays };
  const history = existing.upvoteHistory;
  const lastUpvotes = history[history.length - 1]?.[1];
  const upvoteHistory =
    lastUpvotes === paper.upvotes ? history : [...history, [now, paper.upvotes] as [number, number]].slice(-MAX_UPVOTE_SAMPLES);
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
  };
}

export interface StoreListingInput {
  key: ListingKey;
  papers: Paper[];
  fetchedAt: number;
  /** Day lists only grow: ids stored before but missing now are kept. Rankings are replaced. */
  mode: 'merge' | 'replace';
  /** Papers fetched because the user asked for an old day or a search are not "new arrivals". */
  markNew?: boolean;
}

/**
 * Writes one fetched listing and its papers in a single transaction, so a listing is
 * stored whole or not at all. Returns the ids that were never stored before.
 */
export async function storeListing(db: PaperboyDb, input: StoreListingInput): Promise<string[]> {
  const tx = db.transaction(['papers', 'summaries', 'listings'], 'readwrite');
  const papers = tx.objectStore('papers');
  const summaries = tx.objectStore('summaries');
  const listings = tx.objectStore('listings');
  const [existingPapers, existingListing] = await Promise.all([
    Promise.all(input.papers.map((paper) => papers.get(paper.id))),
    listings.get(input.key),
  ]);
  const newIds: string[] = [];
  input.papers.forEach((paper, index) => {
    const existing = existingPapers[index];
    const merged = mergePaper(existing, paper, input.fetchedAt);
    if (!existing) {
      newIds.push(paper.id);
      if (input.markNew === false) delete merged.unseen;
    }
    void papers.put(merged);
    void summaries.put(summaryOf(merged));
  });
  const fetchedIds = input.papers.map((paper) => paper.id);
  const fetched = new Set(fetchedIds);
  const kept = input.mode === 'merge' ? (existingListing?.ids ?? []).filter((id) => !fetched.has(id)) : [];
  void listings.put({ key: input.key, ids: [...fetchedIds, ...kept], fetchedAt: input.fetchedAt });
  await tx.done;
  return newIds;
}

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

/** The latest stored listing day that has papers: day listings from the newest, by key range. */
export async function latestListedDay(db: PaperboyDb): Promise<string | undefined> {
  const tx = db.transaction('listings');
  for (let cursor = await tx.store.openCursor(IDBKeyRange.bound('day:', 'day:\uffff'), 'prev'); cursor; cursor = await cursor.continue()) {
    if (cursor.value.ids.length > 0) return cursor.key.slice(4);
  }
  return undefined;
}

export async function countUnseen(db: PaperboyDb): Promise<number> {
  return db.countFromIndex('papers', 'unseen', 1);
}

export async function getUnseenIds(db: PaperboyDb): Promise<string[]> {
  return db.getAllKeysFromIndex('papers', 'unseen', 1);
}

type PapersTx = IDBPTransaction<PaperboySchema, ('papers' | 'summaries')[], 'readwrite'>;

/** Writes a changed paper and its summary together. */
function putPaper(tx: PapersTx, paper: PaperRecord): void {
  void tx.objectStore('papers').put(paper);
  void tx.objectStore('summaries').put(summaryOf(paper));
}

/** Deletes a paper and its summary (retention). */
export function deletePaper(tx: IDBPTransaction<PaperboySchema, ('papers' | 'summaries' | 'listings')[], 'readwrite'>, id: string): void {
  void tx.objectStore('papers').delete(id);
  void tx.objectStore('summaries').delete(id);
}

/** Marks papers as looked at; returns how many were unseen before. */
export async function markSeen(db: PaperboyDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction(['papers', 'summaries'], 'readwrite');
  const papers = tx.objectStore('papers');
  let changed = 0;
  for (const id of ids) {
    const paper = await papers.get(id);
    if (!paper?.unseen) continue;
    delete paper.unseen;
    changed += 1;
    putPaper(tx, paper);
  }
  await tx.done;
  return changed;
}

/** Sets or clears the read mark; returns the ids that changed. */
export async function setRead(db: PaperboyDb, ids: readonly string[], read: boolean, now: number): Promise<string[]> {
  const tx = db.transaction(['papers', 'summaries'], 'readwrite');
  const changed: string[] = [];
  for (const id of ids) {
    const paper = await tx.objectStore('papers').get(id);
    if (!paper || (paper.readAt !== undefined) === read) continue;
    if (read) paper.readAt = now;
    else delete paper.readAt;
    // Reading a paper is looking at it: it is no longer new either.
    if (read) delete paper.unseen;
    changed.push(id);
    putPaper(tx, paper);
  }
  await tx.done;
  return changed;
}

export async function setSaved(db: PaperboyDb, id: string, saved: boolean, now: number): Promise<boolean> {
  const tx = db.transaction(['papers', 'summaries'], 'readwrite');
  const paper = await tx.objectStore('papers').get(id);
  if (!paper || (paper.savedAt !== undefined) === saved) {
    await tx.done;
    return false;
  }
  if (saved) paper.savedAt = now;
  else delete paper.savedAt;
  putPaper(tx, paper);
  await tx.done;
  return true;
}

/** Saved papers, most recently saved first. */
export async function getSavedPapers(db: PaperboyDb): Promise<PaperRecord[]> {
  return (await db.getAllFromIndex('papers', 'savedAt')).reverse();
}

export async function getPapers(db: PaperboyDb, ids: readonly string[]): Promise<PaperRecord[]> {
  const tx = db.transaction('papers');
  const papers = await Promise.all(ids.map((id) => tx.store.get(id)));
  return papers.filter((paper): paper is PaperRecord => paper !== undefined);
}

export async function getAllPapers(db: PaperboyDb): Promise<PaperRecord[]> {
  return db.getAll('papers');
}

export async function countPapers(db: PaperboyDb): Promise<number> {
  return db.count('papers');
}

/** The days a listing covers, as an inclusive range of `listedDays` keys; none for rankings and searches. */
function dayRangeOf(key: ListingKey): [string, string] | undefined {
  if (key.startsWith('day:')) return [key.slice(4), key.slice(4)];
  if (key.startsWith('month:')) return [`${key.slice(6)}-01`, `${key.slice(6)}-31`];
  if (key.startsWith('week:')) {
    const days = daysOfIsoWeek(key.slice(5));
    return days.length > 0 ? [days[0]!, days[days.length - 1]!] : undefined;
  }
  return undefined;
}

/**
 * A listing and its papers' summaries in the listing's order. A day, week or month is one range
 * read on the summaries' `listedDays` index (one request, not one per paper); ids it misses (a
 * paper listed by the source under another day) are read one by one.
 */
export async function getListingSummaries(db: PaperboyDb, key: ListingKey): Promise<{ listing?: ListingRecord; summaries: PaperSummary[] }> {
  const tx = db.transaction(['listings', 'summaries']);
  const summaries = tx.objectStore('summaries');
  const range = dayRangeOf(key);
  const [listing, inRange] = await Promise.all([
    tx.objectStore('listings').get(key),
    range ? summaries.index('listedDays').getAll(IDBKeyRange.bound(range[0], range[1])) : Promise.resolve([]),
  ]);
  if (!listing) return { summaries: [] };
  const byId = new Map(inRange.map((summary) => [summary.id, summary]));
  const missing = listing.ids.filter((id) => !byId.has(id));
  const found = await Promise.all(missing.map((id) => summaries.get(id)));
  for (const summary of found) if (summary) byId.set(summary.id, summary);
  const ordered: PaperSummary[] = [];
  for (const id of listing.ids) {
    const summary = byId.get(id);
    if (summary) ordered.push(summary);
  }
  return { listing, summaries: ordered };
}

export async function getSummaries(db: PaperboyDb, ids: readonly string[]): Promise<PaperSummary[]> {
  const tx = db.transaction('summaries');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return found.filter((summary): summary is PaperSummary => summary !== undefined);
}

export async function getAllSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return db.getAll('summaries');
}

/** Saved papers' summaries, most recently saved first. */
export async function getSavedSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return (await db.getAllFromIndex('summaries', 'savedAt')).reverse();
}

export async function getUnseenSummaries(db: PaperboyDb): Promise<PaperSummary[]> {
  return db.getAllFromIndex('summaries', 'unseen', 1);
}

/** Papers stored or updated from the source after `since`. */
export async function getPapersUpdatedAfter(db: PaperboyDb, since: number): Promise<PaperRecord[]> {
  return db.getAllFromIndex('papers', 'updatedAt', IDBKeyRange.lowerBound(since, true));
}

/** Up to `count` papers in id order after `afterId`: a bounded page, for work done in slices. */
export async function getPapersPage(db: PaperboyDb, afterId: string | undefined, count: number): Promise<PaperRecord[]> {
  return db.getAll('papers', afterId === undefined ? undefined : IDBKeyRange.lowerBound(afterId, true), count);
}
