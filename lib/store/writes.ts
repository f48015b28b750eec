// The writers: a fetched listing, the marks (new, read, saved), papers written by other modules
// (imports, synced marks, alerts), and deletions. Each keeps the derived copies in step (derived.ts).
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Paper } from '../source/entry';
import { updateIndex } from './postings';
import { patchViews, putPaper, putView, updateSummaries } from './derived';
import { mergeFetched } from './merge';
import { summaryOf, type ListingKey, type PaperRecord, type PaperSummary } from './records';
import { PAPER_STORES, type ListingsTx, type PaperboyDb, type PaperboySchema, type PapersTx } from './schema';

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
 * Which of `papers` are stored: a read of the keys in each arXiv month's span of their ids (a
 * page's ids fall in a few months), so a page of new papers costs a few reads, not one per paper.
 */
async function storedIds(
  store: IDBPObjectStore<PaperboySchema, ArrayLike<StoreNames<PaperboySchema>>, 'papers', 'readwrite'>,
  papers: readonly Paper[],
): Promise<Set<string>> {
  const spans = new Map<string, [low: string, high: string]>();
  for (const { id } of papers) {
    const month = id.slice(0, id.indexOf('.'));
    const span = spans.get(month);
    if (!span) spans.set(month, [id, id]);
    else if (id < span[0]) span[0] = id;
    else if (id > span[1]) span[1] = id;
  }
  const keys = await Promise.all([...spans.values()].map(([low, high]) => store.getAllKeys(IDBKeyRange.bound(low, high))));
  return new Set(keys.flat());
}

/**
 * Writes one fetched listing and its papers in a single transaction, so a listing is
 * stored whole or not at all. Returns the ids that were never stored before.
 */
export async function storeListing(db: PaperboyDb, input: StoreListingInput): Promise<string[]> {
  const tx = db.transaction(['papers', 'daySummaries', 'listings', 'views', 'heads', 'facets', 'postings'], 'readwrite');
  const papers = tx.objectStore('papers');
  const listings = tx.objectStore('listings');
  const days = [...new Set(input.papers.map((paper) => paper.listedOn))];
  const [stored, existingListing, existingView, papersOnDays] = await Promise.all([
    storedIds(papers, input.papers),
    listings.get(input.key),
    tx.objectStore('views').get(input.key),
    // Asked before the puts, so they count what was stored before this listing.
    Promise.all(days.map((day) => papers.index('listedOn').count(day))),
  ]);
  const existingPapers = await Promise.all(input.papers.map((paper) => (stored.has(paper.id) ? papers.get(paper.id) : undefined)));
  const newIds: string[] = [];
  const changed: PaperSummary[] = [];
  // Only papers stored before can be in another stored view: every view is made of stored papers.
  const patched: PaperSummary[] = [];
  const indexChanges = input.papers.map((paper, index) => {
    const existing = existingPapers[index];
    if (!existing) newIds.push(paper.id);
    const record = mergeFetched(existing, paper, input);
    const summary = putPaper(tx, record);
    changed.push(summary);
    if (existing) patched.push(summary);
    return { before: existing, after: record };
  });
  const newDays = new Set(days.filter((_day, index) => papersOnDays[index] === 0));
  const indexing = updateIndex(tx, indexChanges, { newDays });
  const summarizing = updateSummaries(
    tx,
    indexChanges.map(({ before }, index) => ({ before, after: changed[index] })),
    { newDays },
  );
  const fetchedIds = input.papers.map((paper) => paper.id);
  const fetched = new Set(fetchedIds);
  const kept = input.mode === 'merge' ? (existingListing?.ids ?? []).filter((id) => !fetched.has(id)) : [];
  const ids = [...fetchedIds, ...kept];
  void listings.put({ key: input.key, ids, fetchedAt: input.fetchedAt });
  // This listing's view, whole; the other views holding these papers, patched.
  const known = new Map((existingView?.summaries ?? []).map((summary) => [summary.id, summary]));
  for (const summary of changed) known.set(summary.id, summary);
  const unknown = ids.filter((id) => !known.has(id));
  for (const paper of await Promise.all(unknown.map((id) => papers.get(id)))) if (paper) known.set(paper.id, summaryOf(paper));
  putView(tx, { key: input.key, summaries: ids.flatMap((id) => known.get(id) ?? []) });
  await Promise.all([patchViews(tx, patched, input.key), indexing, summarizing]);
  await tx.done;
  return newIds;
}

/**
 * For writers of papers outside the store (imports, synced marks, alerts): puts the records
 * with their summaries and patches the listing views that hold them. `tx` covers PAPER_STORES.
 */
export async function putPapers(tx: PapersTx, records: readonly PaperRecord[]): Promise<void> {
  // Asked before the puts, so they answer with what was stored (requests run in order).
  const before = Promise.all(records.map((record) => tx.objectStore('papers').get(record.id)));
  const summaries = records.map((record) => putPaper(tx, record));
  const stored = await before;
  await Promise.all([
    patchViews(tx, summaries),
    updateIndex(
      tx,
      records.map((record, index) => ({ before: stored[index], after: record })),
    ),
    updateSummaries(
      tx,
      summaries.map((summary, index) => ({ before: stored[index], after: summary })),
    ),
  ]);
}

/** Deletes papers no listing holds (e.g. a saved-id stub that was unsaved) with their summaries and postings. */
export function deleteUnlistedPapers(tx: PapersTx, ids: readonly string[]): void {
  // Asked before the deletes, so they answer with what was stored: the summaries and postings to remove.
  const before = Promise.all(ids.map((id) => tx.objectStore('papers').get(id)));
  for (const id of ids) void tx.objectStore('papers').delete(id);
  // A failure aborts the transaction, which the caller's `tx.done` reports.
  void before
    .then((stored) => {
      const removed = stored.flatMap((paper) => (paper ? [{ before: paper }] : []));
      return Promise.all([updateIndex(tx, removed), updateSummaries(tx, removed)]);
    })
    .catch(() => undefined);
}

/** Deletes a paper (retention: only papers no remaining listing holds; it removes their summaries and postings together, updateSummaries and updateIndex). */
export function deletePaper(tx: ListingsTx, id: string): void {
  void tx.objectStore('papers').delete(id);
}

/** Deletes a listing with its view, head and facets (retention). */
export function deleteListing(tx: ListingsTx, key: ListingKey): void {
  void tx.objectStore('listings').delete(key);
  void tx.objectStore('views').delete(key);
  void tx.objectStore('heads').delete(key);
  void tx.objectStore('facets').delete(key);
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
  await Promise.all([
    patchViews(tx, changed),
    updateSummaries(
      tx,
      changed.map((summary) => ({ after: summary })),
    ),
  ]);
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
  await Promise.all([
    patchViews(tx, summaries),
    updateSummaries(
      tx,
      summaries.map((summary) => ({ after: summary })),
    ),
  ]);
  await tx.done;
  return changed;
}

/** Sets or clears the saved mark; returns whether it changed. */
export async function setSaved(db: PaperboyDb, id: string, saved: boolean, now: number): Promise<boolean> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const paper = await tx.objectStore('papers').get(id);
  if (!paper || (paper.savedAt !== undefined) === saved) {
    await tx.done;
    return false;
  }
  if (saved) paper.savedAt = now;
  else delete paper.savedAt;
  const summary = putPaper(tx, paper);
  await Promise.all([patchViews(tx, [summary]), updateSummaries(tx, [{ after: summary }])]);
  await tx.done;
  return true;
}
