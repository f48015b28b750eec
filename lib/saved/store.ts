// IndexedDB side of "saved papers follow the user" and of import: the background's writes.
import { PAPER_STORES, type PaperboyDb } from '../store/schema';
import { deleteUnlistedPapers, putPapers } from '../store/writes';
import type { PaperRecord } from '../store/records';
import type { Paper } from '../source/entry';
import { isSavedMark, markSeconds, toSeconds, type Mark } from './merge';

/**
 * A saved paper known only by its id (saved on another device, never stored here). It is
 * shown in the Saved view by id until its details are fetched; no sync has touched it yet,
 * so it has no upvote history, which is how it is told apart.
 */
export function isStub(paper: PaperRecord): boolean {
  return paper.upvoteHistory.length === 0;
}

export function stubRecord(id: string, savedAt: number): PaperRecord {
  return {
    id,
    title: `arXiv:${id}`,
    abstract: '',
    authors: [],
    publishedAt: '',
    listedOn: '',
    upvotes: 0,
    comments: 0,
    firstSeenAt: savedAt,
    // 0: any listing that brings this paper later replaces the stub's fields.
    updatedAt: 0,
    listedDays: [],
    upvoteHistory: [],
    savedAt,
  };
}

/** A full record for a paper that arrived outside a listing (single fetch or import). */
function freshRecord(paper: Paper, now: number, marks: { savedAt?: number; readAt?: number }): PaperRecord {
  const record: PaperRecord = {
    ...paper,
    firstSeenAt: now,
    updatedAt: now,
    listedDays: paper.listedOn ? [paper.listedOn] : [],
    upvoteHistory: [[now, paper.upvotes]],
  };
  if (marks.savedAt !== undefined) record.savedAt = marks.savedAt;
  if (marks.readAt !== undefined) record.readAt = marks.readAt;
  return record;
}

/** Saved marks of every saved paper here, as this device's replica of the sync buckets. */
export async function savedMarksOf(db: PaperboyDb): Promise<Record<string, Mark>> {
  const saved = await db.getAllFromIndex('papers', 'savedAt');
  return Object.fromEntries(saved.map((paper) => [paper.id, Math.max(1, toSeconds(paper.savedAt!))]));
}

export interface AppliedMarks {
  /** Ids whose saved state changed here. */
  changed: string[];
  /** Saved ids with no details yet: fetch them. */
  stubs: string[];
}

/**
 * Brings IndexedDB in line with merged marks: saves what is saved (a stub when the paper is
 * not stored), unsaves what was removed later than it was saved here. A local save newer
 * than a removal is kept (it is published by the caller).
 */
export async function applyMarks(db: PaperboyDb, marks: Record<string, Mark>): Promise<AppliedMarks> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const papers = tx.objectStore('papers');
  const result: AppliedMarks = { changed: [], stubs: [] };
  const puts: PaperRecord[] = [];
  const deletes: string[] = [];
  for (const [id, mark] of Object.entries(marks)) {
    const paper = await papers.get(id);
    const at = markSeconds(mark) * 1000;
    if (isSavedMark(mark)) {
      if (!paper) {
        puts.push(stubRecord(id, at));
        result.changed.push(id);
        result.stubs.push(id);
        continue;
      }
      if (isStub(paper)) result.stubs.push(id);
      if (paper.savedAt !== undefined) continue;
      puts.push({ ...paper, savedAt: at });
      result.changed.push(id);
      continue;
    }
    if (!paper || paper.savedAt === undefined || toSeconds(paper.savedAt) >= markSeconds(mark)) continue;
    result.changed.push(id);
    // A stub is only a saved id: unsaved, nothing of it is worth keeping.
    if (isStub(paper)) deletes.push(id);
    else {
      const { savedAt: _dropped, ...rest } = paper;
      puts.push(rest);
    }
  }
  // Through putPapers, so the summaries and listing views the reader shows follow.
  await putPapers(tx, puts);
  deleteUnlistedPapers(tx, deletes);
  await tx.done;
  return result;
}

/** Fills a stub with the fetched paper; a paper stored meanwhile by a sync is left alone. */
export async function fillStub(db: PaperboyDb, paper: Paper, now: number): Promise<boolean> {
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const existing = await tx.objectStore('papers').get(paper.id);
  // Unsaved (and deleted) meanwhile, or already a full record: nothing to do.
  if (!existing || !isStub(existing)) {
    await tx.done;
    return false;
  }
  await putPapers(tx, [freshRecord(paper, now, { savedAt: existing.savedAt, readAt: existing.readAt })]);
  await tx.done;
  return true;
}

export interface ImportedPaper extends Paper {
  savedAt?: number;
  readAt?: number;
}

export interface ImportCounts {
  /** Papers that were not stored before. */
  added: number;
  /** Ids that gained a saved mark (not part of the answer to pages). */
  newlySaved?: string[];
  /** Papers that gained a saved mark. */
  saved: number;
  /** Papers that gained a read mark. */
  read: number;
}

/**
 * Merges imported papers into the store in one transaction: unknown papers are added (not as
 * new arrivals), known ones keep their newer stored details; saved and read marks are only
 * ever added, so an import never loses a mark and never duplicates a paper (ids are keys).
 */
export async function importPapers(db: PaperboyDb, papers: readonly ImportedPaper[], now: number): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, saved: 0, read: 0 };
  const newlySaved: string[] = [];
  const tx = db.transaction([...PAPER_STORES], 'readwrite');
  const puts: PaperRecord[] = [];
  for (const imported of papers) {
    const { savedAt, readAt, ...paper } = imported;
    const existing = await tx.objectStore('papers').get(paper.id);
    if (!existing || isStub(existing)) {
      const marks = { savedAt: existing?.savedAt ?? savedAt, readAt: existing?.readAt ?? readAt };
      puts.push(freshRecord(paper, now, marks));
      if (!existing) counts.added += 1;
      if (!existing && marks.savedAt !== undefined) newlySaved.push(paper.id);
      if (!existing && marks.readAt !== undefined) counts.read += 1;
      continue;
    }
    const next = { ...existing };
    if (savedAt !== undefined && existing.savedAt === undefined) {
      next.savedAt = savedAt;
      newlySaved.push(paper.id);
    }
    if (readAt !== undefined && existing.readAt === undefined) {
      next.readAt = readAt;
      delete next.unseen;
      counts.read += 1;
    }
    if (next.savedAt !== existing.savedAt || next.readAt !== existing.readAt) puts.push(next);
  }
  await putPapers(tx, puts);
  await tx.done;
  return { ...counts, saved: newlySaved.length, newlySaved };
}
