// The search index's writer side. The index lives in IndexedDB beside the papers and is kept by
// their writers, in the writers' own transactions: a page then reads only the postings its query
// needs (lib/search/full-text.ts) instead of building an index of every paper on every open.
//
// Postings are grouped by the first letter of the term and the paper's listing day: one record
// per [letter, day], a string of sorted lines `term id:mask id:mask…`. Each IndexedDB request
// costs far more than the bytes it moves, so this keeps a write of a day's 100 papers to a few
// dozen records, and a query to one record per day for its word's letter.
import type { IDBPTransaction } from 'idb';
import type { Paper } from '../source/entry';
import type { PaperboyDb, PaperboySchema } from './schema';
import { STOP_WORDS, normalizeText, splitWords } from '../core/words';

/** The indexed fields as bits of a posting's mask, with their weights in ranking (full-text.ts). */
export const FIELD_BITS = { title: 1, aiKeywords: 2, authors: 4, organization: 8, abstract: 16 } as const;
type Field = keyof typeof FIELD_BITS;
const FIELDS = Object.keys(FIELD_BITS) as Field[];

function fieldText(paper: Paper, field: Field): string {
  switch (field) {
    case 'authors':
      return paper.authors.join(' ; ');
    case 'aiKeywords':
      return paper.aiKeywords?.join(' ; ') ?? '';
    case 'organization':
      return paper.organization ?? '';
    default:
      return paper[field] ?? '';
  }
}

/** A paper's indexed terms (folded, without stop words), each with the fields that hold it. */
function termsOf(paper: Paper): Map<string, number> {
  const terms = new Map<string, number>();
  for (const field of FIELDS) {
    // Normalising a whole field at once is far cheaper than word by word.
    for (const word of splitWords(normalizeText(fieldText(paper, field)))) {
      if (!word || STOP_WORDS.has(word)) continue;
      terms.set(word, (terms.get(word) ?? 0) | FIELD_BITS[field]);
    }
  }
  return terms;
}

/** The record a term of a paper listed on `day` is in. */
export const bucketOf = (term: string): string => String.fromCodePoint(term.codePointAt(0)!);
const postingKey = (term: string, day: string): [string, string] => [bucketOf(term), day];

/** term → (paper id → field mask). */
type BucketPostings = Map<string, Map<string, number>>;

function parseBucket(text: string | undefined): BucketPostings {
  const terms: BucketPostings = new Map();
  if (!text) return terms;
  for (const line of text.split('\n')) {
    const parts = line.split(' ');
    const papers = new Map<string, number>();
    for (let i = 1; i < parts.length; i++) {
      const posting = parts[i]!;
      const colon = posting.lastIndexOf(':');
      papers.set(posting.slice(0, colon), Number(posting.slice(colon + 1)));
    }
    terms.set(parts[0]!, papers);
  }
  return terms;
}

/** Sorted by term, so that a reader finds a prefix's terms together (full-text.ts). */
function formatBucket(terms: BucketPostings): string {
  const lines: string[] = [];
  for (const term of [...terms.keys()].sort()) {
    const papers = terms.get(term)!;
    if (papers.size === 0) continue;
    let line = term;
    for (const [id, mask] of papers) line += ` ${id}:${mask}`;
    lines.push(line);
  }
  return lines.join('\n');
}

const sameIndexedText = (a: Paper, b: Paper): boolean => a.listedOn === b.listedOn && FIELDS.every((field) => fieldText(a, field) === fieldText(b, field));

/** A paper as it was before a write (absent: new, or not indexed yet) and after it (absent: deleted). */
export interface IndexChange {
  before?: Paper;
  after?: Paper;
}

/** The transactions that write papers, and the build's: each holds `postings`. */
type IndexTx = IDBPTransaction<
  PaperboySchema,
  | ('papers' | 'summaries' | 'listings' | 'views' | 'heads' | 'postings')[]
  | ('papers' | 'summaries' | 'views' | 'heads' | 'postings')[]
  | ('papers' | 'postings' | 'searchBuild')[],
  'readwrite'
>;

/**
 * Brings the postings of written papers in step, in the writer's transaction: a paper whose
 * indexed text and day did not change (most re-fetches: counts are not indexed) costs nothing.
 * Re-adding a paper replaces what it had in those records, so indexing twice is harmless.
 * Awaits only IndexedDB requests, so `tx` stays open.
 *
 * `deletesOnly`: only the records left empty are written (deleted); the rest keep the ids of
 * papers that are gone, which a search skips as it shows only stored papers. For a prune under
 * a full quota: Chromium counts every put against the quota, however much it shrinks a record.
 */
export async function updateIndex(tx: IndexTx, changes: readonly IndexChange[], options: { deletesOnly?: boolean } = {}): Promise<void> {
  /** Per touched record: the ids to take out of it, and the postings to put in. */
  const touched = new Map<string, { key: [string, string]; drop: Set<string>; add: BucketPostings }>();
  const recordOf = (term: string, day: string) => {
    const key = postingKey(term, day);
    const name = `${key[0]}\u0000${day}`;
    let entry = touched.get(name);
    if (!entry) {
      entry = { key, drop: new Set(), add: new Map() };
      touched.set(name, entry);
    }
    return entry;
  };
  for (const { before, after } of changes) {
    if (before && after && sameIndexedText(before, after)) continue;
    if (before) for (const term of termsOf(before).keys()) recordOf(term, before.listedOn).drop.add(before.id);
    if (after) {
      for (const [term, mask] of termsOf(after)) {
        const entry = recordOf(term, after.listedOn);
        entry.drop.add(after.id);
        let papers = entry.add.get(term);
        if (!papers) {
          papers = new Map();
          entry.add.set(term, papers);
        }
        papers.set(after.id, mask);
      }
    }
  }
  if (touched.size === 0) return;
  const postings = (tx as unknown as IDBPTransaction<PaperboySchema, ['postings'], 'readwrite'>).objectStore('postings');
  const entries = [...touched.values()];
  const stored = await Promise.all(entries.map((entry) => postings.get(entry.key)));
  entries.forEach(({ key, drop, add }, index) => {
    const terms = parseBucket(stored[index]);
    for (const papers of terms.values()) for (const id of drop) papers.delete(id);
    for (const [term, papers] of add) {
      const kept = terms.get(term);
      if (kept) for (const [id, mask] of papers) kept.set(id, mask);
      else terms.set(term, papers);
    }
    const text = formatBucket(terms);
    if (text) {
      if (!options.deletesOnly) void postings.put(text, key);
    } else if (stored[index] !== undefined) void postings.delete(key);
  });
}

/** Papers per slice of the build: one short transaction, so writers and readers wait little. */
const BUILD_SLICE = 100;

/** Whether the index covers every stored paper (false only until the build after the v6 upgrade ends). */
export async function isSearchIndexBuilt(db: PaperboyDb): Promise<boolean> {
  return (await db.get('searchBuild', 'build'))?.done ?? true;
}

const shortPause = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * Indexes the papers stored before the index existed, a slice at a time in id order, remembering
 * how far it got so a worker stopped midway resumes there. Papers written meanwhile are indexed
 * by their writers; indexing one again is harmless. Returns once every paper is indexed.
 */
export async function buildSearchIndex(db: PaperboyDb, pause: () => Promise<void> = shortPause): Promise<void> {
  for (;;) {
    const tx = db.transaction(['papers', 'postings', 'searchBuild'], 'readwrite');
    const state = await tx.objectStore('searchBuild').get('build');
    if (!state || state.done) {
      await tx.done;
      return;
    }
    const range = state.after === undefined ? undefined : IDBKeyRange.lowerBound(state.after, true);
    const papers = await tx.objectStore('papers').getAll(range, BUILD_SLICE);
    await updateIndex(
      tx,
      papers.map((paper) => ({ after: paper })),
    );
    void tx.objectStore('searchBuild').put({ done: papers.length < BUILD_SLICE, after: papers[papers.length - 1]?.id ?? state.after }, 'build');
    await tx.done;
    await pause();
  }
}
