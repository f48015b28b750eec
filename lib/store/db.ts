import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { isoWeekOf } from '../core/dates';
import type { Paper } from '../source/entry';
import type { ListingKey, PaperRecord, PaperSummary } from './records';
import type { SyncState } from '../sync/state';
import { hasHead, headOf, type ViewHead } from './view-heads';

export const DB_NAME = 'paperboy';
export const DB_VERSION = 4;
/** Samples of upvotes over time kept per paper (about two weeks of changes at a few a day). */
const MAX_UPVOTE_SAMPLES = 64;

export type { ListingKey, PaperRecord, PaperSummary };

export function summaryOf(record: PaperRecord): PaperSummary {
  const { abstract: _abstract, aiSummary: _aiSummary, aiKeywords: _aiKeywords, upvoteHistory: _history, thumbnail: _thumbnail, mediaUrls: _media, submitter: _submitter, ...summary } = record;
  return summary;
}

/** A listing's papers as summaries, in the listing's order; rewritten whenever one of them changes. */
export interface ListingView {
  key: ListingKey;
  summaries: PaperSummary[];
}

export interface ListingRecord {
  key: ListingKey;
  /** Paper ids in the source's order. */
  ids: string[];
  fetchedAt: number;
}

export interface PaperboySchema extends DBSchema {
  papers: { key: string; value: PaperRecord; indexes: { unseen: number; listedOn: string; savedAt: number; updatedAt: number } };
  /** v3: one per paper, kept in step with `papers` by every writer. */
  summaries: { key: string; value: PaperSummary; indexes: { unseen: number; savedAt: number } };
  /** v3: each listing's summaries in its order, ready made: a month is one read, not 1,500. */
  views: { key: ListingKey; value: ListingView };
  /** v4: a week's or month's first papers per sort and its counts, written with its view (lib/store/view-heads.ts). */
  heads: { key: ListingKey; value: ViewHead };
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
    async upgrade(db, oldVersion, _newVersion, transaction) {
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
      if (oldVersion < 3) {
        // v3: small summaries for sorting and filtering a whole month without reading every
        // abstract; `updatedAt` lets the search index pick up only what changed.
        const papers = transaction.objectStore('papers');
        papers.createIndex('updatedAt', 'updatedAt');
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('unseen', 'unseen');
        summaries.createIndex('savedAt', 'savedAt');
        // Back-fill from the stored papers (only IndexedDB requests are awaited: the upgrade
        // transaction stays open).
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
  const tx = db.transaction(['papers', 'summaries', 'listings', 'views', 'heads'], 'readwrite');
  const papers = tx.objectStore('papers');
  const summaries = tx.objectStore('summaries');
  const listings = tx.objectStore('listings');
  const [existingPapers, existingListing, existingView] = await Promise.all([
    Promise.all(input.papers.map((paper) => papers.get(paper.id))),
    listings.get(input.key),
    tx.objectStore('views').get(input.key),
  ]);
  const newIds: string[] = [];
  const changed: PaperSummary[] = [];
  input.papers.forEach((paper, index) => {
    const existing = existingPapers[index];
    const merged = notingListing(mergePaper(existing, paper, input.fetchedAt), input.key);
    if (!existing) {
      newIds.push(paper.id);
      if (input.markNew === false) delete merged.unseen;
    }
    void papers.put(merged);
    const summary = summaryOf(merged);
    changed.push(summary);
    void summaries.put(summary);
  });
  const fetchedIds = input.papers.map((paper) => paper.id);
  const fetched = new Set(fetchedIds);
  const kept = input.mode === 'merge' ? (existingListing?.ids ?? []).filter((id) => !fetched.has(id)) : [];
  const ids = [...fetchedIds, ...kept];
  void listings.put({ key: input.key, ids, fetchedAt: input.fetchedAt });
  // This listing's view, whole; the other views holding these papers, patched.
  const known = new Map((existingView?.summaries ?? []).map((summary) => [summary.id, summary]));
  for (const summary of changed) known.set(summary.id, summary);
  const unknown = ids.filter((id) => !known.has(id));
  for (const summary of await Promise.all(unknown.map((id) => summaries.get(id)))) if (summary) known.set(summary.id, summary);
  putView(tx, { key: input.key, summaries: ids.flatMap((id) => known.get(id) ?? []) });
  await patchViews(tx, changed, input.key);
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

type ViewsTx = IDBPTransaction<PaperboySchema, ('papers' | 'summaries' | 'listings' | 'views' | 'heads')[] | ('papers' | 'summaries' | 'views' | 'heads')[], 'readwrite'>;
type PapersTx = IDBPTransaction<PaperboySchema, ('papers' | 'summaries' | 'views' | 'heads')[], 'readwrite'>;

/**
 * Writes the heads of the stored weeks and months that have none (after the v4 upgrade; the
 * background calls it when the extension is updated). Returns how many it wrote.
 */
export async function fillMissingHeads(db: PaperboyDb): Promise<number> {
  const tx = db.transaction(['views', 'heads'], 'readwrite');
  const heads = tx.objectStore('heads');
  const have = new Set(await heads.getAllKeys());
  let written = 0;
  for (const prefix of ['week:', 'month:']) {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    for (let cursor = await tx.objectStore('views').openCursor(range); cursor; cursor = await cursor.continue()) {
      if (have.has(cursor.key) || !hasHead(cursor.key)) continue;
      void heads.put(headOf(cursor.key, cursor.value.summaries));
      written += 1;
    }
  }
  await tx.done;
  return written;
}

/** Every write of a view goes through here: a long view's head is rewritten with it. */
function putView(tx: ViewsTx, view: ListingView): void {
  void tx.objectStore('views').put(view);
  if (hasHead(view.key)) void tx.objectStore('heads').put(headOf(view.key, view.summaries));
}

/** The listings whose view may hold a paper: its days, their weeks and months, the rankings, and those noted. */
function viewKeysOf(summary: PaperSummary): ListingKey[] {
  const keys = new Set<ListingKey>(['trending', 'search', ...(summary.alsoIn ?? [])]);
  for (const day of summary.listedDays) {
    keys.add(`day:${day}`);
    keys.add(`month:${day.slice(0, 7)}`);
    try {
      keys.add(`week:${isoWeekOf(day)}`);
    } catch {
      // not a day: no week
    }
  }
  return [...keys];
}

/** The record, with `key` noted in `alsoIn` when its listing days would not lead a patch there. */
function notingListing(record: PaperRecord, key: ListingKey): PaperRecord {
  if (viewKeysOf(record).includes(key)) return record;
  return { ...record, alsoIn: [...(record.alsoIn ?? []), key] };
}

/** Puts changed summaries into every stored view that holds them (except `skip`, written whole). */
async function patchViews(tx: ViewsTx, changed: readonly PaperSummary[], skip?: ListingKey): Promise<void> {
  const byKey = new Map<ListingKey, Map<string, PaperSummary>>();
  for (const summary of changed) {
    for (const key of viewKeysOf(summary)) {
      if (key === skip) continue;
      let updates = byKey.get(key);
      if (!updates) byKey.set(key, (updates = new Map()));
      updates.set(summary.id, summary);
    }
  }
  const views = tx.objectStore('views');
  const keys = [...byKey.keys()];
  const stored = await Promise.all(keys.map((key) => views.get(key)));
  stored.forEach((view, index) => {
    const updates = byKey.get(keys[index]!)!;
    if (!view || !view.summaries.some((summary) => updates.has(summary.id))) return;
    putView(tx, { key: view.key, summaries: view.summaries.map((summary) => updates.get(summary.id) ?? summary) });
  });
}

/** Writes a changed paper and its summary together. */
function putPaper(tx: PapersTx, paper: PaperRecord): PaperSummary {
  void tx.objectStore('papers').put(paper);
  const summary = summaryOf(paper);
  void tx.objectStore('summaries').put(summary);
  return summary;
}

type PruneTx = IDBPTransaction<PaperboySchema, ('papers' | 'summaries' | 'listings' | 'views' | 'heads')[], 'readwrite'>;

/** Deletes a paper and its summary (retention: only papers no remaining listing holds). */
export function deletePaper(tx: PruneTx, id: string): void {
  void tx.objectStore('papers').delete(id);
  void tx.objectStore('summaries').delete(id);
}

/** Deletes a listing and its view (retention). */
export function deleteListing(tx: PruneTx, key: ListingKey): void {
  void tx.objectStore('listings').delete(key);
  void tx.objectStore('views').delete(key);
  void tx.objectStore('heads').delete(key);
}

/** The stores a writer of papers must include in its transaction, so summaries and views stay in step. */
export const PAPER_STORES = ['papers', 'summaries', 'views', 'heads'] as const;

/**
 * For writers of papers outside this module (imports, synced marks, alerts): puts the records
 * with their summaries and patches the listing views that hold them. `tx` covers PAPER_STORES.
 */
export async function putPapers(tx: PapersTx, records: readonly PaperRecord[]): Promise<void> {
  await patchViews(tx, records.map((record) => putPaper(tx, record)));
}

/** Deletes papers no listing holds (e.g. a saved-id stub that was unsaved) with their summaries. */
export function deleteUnlistedPapers(tx: PapersTx, ids: readonly string[]): void {
  for (const id of ids) {
    void tx.objectStore('papers').delete(id);
    void tx.objectStore('summaries').delete(id);
  }
}

/** Marks papers as looked at; returns how many were unseen before. */
export async function markSeen(db: PaperboyDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const papers = tx.objectStore('papers');
  const changed: PaperSummary[] = [];
  for (const paper of await Promise.all([...new Set(ids)].map((id) => papers.get(id)))) {
    if (!paper?.unseen) continue;
    delete paper.unseen;
    changed.push(putPaper(tx, paper));
  }
  await patchViews(tx, changed);
  await tx.done;
  return changed.length;
}

/** Sets or clears the read mark; returns the ids that changed. */
export async function setRead(db: PaperboyDb, ids: readonly string[], read: boolean, now: number): Promise<string[]> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const changed: string[] = [];
  const summaries: PaperSummary[] = [];
  for (const paper of await Promise.all([...new Set(ids)].map((id) => tx.objectStore('papers').get(id)))) {
    if (!paper || (paper.readAt !== undefined) === read) continue;
    if (read) paper.readAt = now;
    else delete paper.readAt;
    // Reading a paper is looking at it: it is no longer new either.
    if (read) delete paper.unseen;
    changed.push(paper.id);
    summaries.push(putPaper(tx, paper));
  }
  await patchViews(tx, summaries);
  await tx.done;
  return changed;
}

export async function setSaved(db: PaperboyDb, id: string, saved: boolean, now: number): Promise<boolean> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const paper = await tx.objectStore('papers').get(id);
  if (!paper || (paper.savedAt !== undefined) === saved) {
    await tx.done;
    return false;
  }
  if (saved) paper.savedAt = now;
  else delete paper.savedAt;
  await patchViews(tx, [putPaper(tx, paper)]);
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

/**
 * A listing and its papers' summaries in the listing's order: its ready-made view, one read.
 * Without one (not expected: every writer keeps them), the summaries are read one by one.
 */
export async function getListingSummaries(db: PaperboyDb, key: ListingKey): Promise<{ listing?: ListingRecord; summaries: PaperSummary[] }> {
  const tx = db.transaction(['listings', 'summaries', 'views']);
  const [listing, view] = await Promise.all([tx.objectStore('listings').get(key), tx.objectStore('views').get(key)]);
  if (!listing) return { summaries: [] };
  if (view) return { listing, summaries: view.summaries };
  const summaries = tx.objectStore('summaries');
  const found = await Promise.all(listing.ids.map((id) => summaries.get(id)));
  return { listing, summaries: found.filter((summary): summary is PaperSummary => summary !== undefined) };
}

/** A week's or month's head (lib/store/view-heads.ts) with its listing: what the side panel's first paint shows. */
export async function getViewHead(db: PaperboyDb, key: ListingKey): Promise<{ listing?: ListingRecord; head?: ViewHead }> {
  const tx = db.transaction(['listings', 'heads']);
  const [listing, head] = await Promise.all([tx.objectStore('listings').get(key), tx.objectStore('heads').get(key)]);
  return { listing, head: listing ? head : undefined };
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
