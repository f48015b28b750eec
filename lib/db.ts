import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Paper } from './paper';
import type { SyncState } from './sync-state';

export const DB_NAME = 'paperboy';
export const DB_VERSION = 2;
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

/** A day, an ISO week, a month, HF's trending list, or the last "Search Hugging Face" answer. */
export type ListingKey = `day:${string}` | `week:${string}` | `month:${string}` | 'trending' | 'search';

export interface ListingRecord {
  key: ListingKey;
  /** Paper ids in the source's order. */
  ids: string[];
  fetchedAt: number;
}

export interface PaperboySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { unseen: number; listedOn: string; savedAt: number } };
  listings: { key: ListingKey; value: ListingRecord };
  meta: { key: 'sync'; value: SyncState };
}

export type PaperboyDb = IDBPDatabase<PaperboySchema>;

export const dayKey = (day: string): ListingKey => `day:${day}`;

/** An open that has not answered by then is stuck (seen on a full disk), not slow. */
export const OPEN_TIMEOUT_MS = 10_000;
/** An upgrade may rightly take long with a year of papers, but not forever. */
const UPGRADE_TIMEOUT_MS = 120_000;

/** Opens (and upgrades) the database. Each version adds one step; none is ever edited. */
export async function openPaperboyDb(name = DB_NAME, timeoutMs = OPEN_TIMEOUT_MS): Promise<PaperboyDb> {
  let opened: PaperboyDb | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  let giveUp: (limitMs: number) => void = () => undefined;
  const stuck = new Promise<never>((_resolve, reject) => {
    giveUp = (limitMs) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new Error(`The browser's storage did not answer within ${limitMs / 1000} s (is the disk full?)`));
      }, limitMs);
    };
  });
  giveUp(timeoutMs);
  const opening = openDB<PaperboySchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      giveUp(Math.max(timeoutMs, UPGRADE_TIMEOUT_MS));
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
    },
    blocking() {
      // A newer version is waiting (an extension update): step aside so it can upgrade.
      opened?.close();
      dbPromise = undefined;
    },
    terminated() {
      // The browser closed the connection (a full disk does this): the next use reopens.
      dbPromise = undefined;
    },
  });
  // A connection that arrives after giving up is closed, not leaked.
  void opening.then((db) => gaveUp && db.close(), () => undefined);
  try {
    opened = await Promise.race([opening, stuck]);
  } finally {
    clearTimeout(timer);
  }
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
  const tx = db.transaction(['papers', 'listings'], 'readwrite');
  const papers = tx.objectStore('papers');
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

/** The latest stored listing day that has papers. */
export async function latestListedDay(db: PaperboyDb): Promise<string | undefined> {
  const keys = await db.getAllKeys('listings');
  const days = keys.filter((key) => key.startsWith('day:')).sort().reverse();
  for (const key of days) {
    const listing = await db.get('listings', key);
    if (listing && listing.ids.length > 0) return key.slice(4);
  }
  return undefined;
}

export async function countUnseen(db: PaperboyDb): Promise<number> {
  return db.countFromIndex('papers', 'unseen', 1);
}

export async function getUnseenIds(db: PaperboyDb): Promise<string[]> {
  return db.getAllKeysFromIndex('papers', 'unseen', 1);
}

/** Marks papers as looked at; returns how many were unseen before. */
export async function markSeen(db: PaperboyDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction('papers', 'readwrite');
  let changed = 0;
  for (const id of ids) {
    const paper = await tx.store.get(id);
    if (!paper?.unseen) continue;
    delete paper.unseen;
    changed += 1;
    void tx.store.put(paper);
  }
  await tx.done;
  return changed;
}

/** Sets or clears the read mark; returns the ids that changed. */
export async function setRead(db: PaperboyDb, ids: readonly string[], read: boolean, now: number): Promise<string[]> {
  const tx = db.transaction('papers', 'readwrite');
  const changed: string[] = [];
  for (const id of ids) {
    const paper = await tx.store.get(id);
    if (!paper || (paper.readAt !== undefined) === read) continue;
    if (read) paper.readAt = now;
    else delete paper.readAt;
    // Reading a paper is looking at it: it is no longer new either.
    if (read) delete paper.unseen;
    changed.push(id);
    void tx.store.put(paper);
  }
  await tx.done;
  return changed;
}

export async function setSaved(db: PaperboyDb, id: string, saved: boolean, now: number): Promise<boolean> {
  const tx = db.transaction('papers', 'readwrite');
  const paper = await tx.store.get(id);
  if (!paper || (paper.savedAt !== undefined) === saved) {
    await tx.done;
    return false;
  }
  if (saved) paper.savedAt = now;
  else delete paper.savedAt;
  await tx.store.put(paper);
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
