// The upgrade from any earlier version of the database to DB_VERSION. Loaded only when an open
// finds the database missing or older (lib/store/connection.ts): pages carry none of it otherwise.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { daySummariesOf, summaryOf, type PaperSummary } from './records';
import type { PaperboySchema } from './schema';

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
    // Every database from v3 on has it; one without (never shipped) simply has none to move.
    const hadSummaries = db.objectStoreNames.contains('summaries');
    for (const summary of hadSummaries ? await transaction.objectStore('summaries').getAll() : []) {
      const summaries = byDay.get(summary.listedOn);
      if (summaries) summaries.push(summary);
      else byDay.set(summary.listedOn, [summary]);
    }
    for (const [day, summaries] of byDay) void days.put(daySummariesOf(day, summaries));
    if (hadSummaries) db.deleteObjectStore('summaries');
  }
}
