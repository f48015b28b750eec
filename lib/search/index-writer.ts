// The search index's writer side. The index lives in IndexedDB beside the papers and is kept by
// their writers, in the writers' own transactions: a page then reads only the postings its query
// needs (lib/search/full-text.ts) instead of building an index of every paper on every open.
//
// Postings are keyed [term, segment]. Every write that indexes papers gets a segment of its own,
// so adding papers is only puts, never a read of what an earlier write indexed; changing or
// deleting a paper edits the records of the one segment it was indexed in (its SearchDoc says which).
import type { IDBPTransaction } from 'idb';
import type { Paper } from '../source/entry';
import type { PaperboyDb, PaperboySchema, PostingRecord, SearchDoc, SearchStores } from '../store/schema';
import { STOP_WORDS, normalizeText, splitWords } from './text';

/** The indexed fields as bits of a posting's mask, with their weights in ranking (full-text.ts). */
export const FIELD_BITS = { title: 1, aiKeywords: 2, authors: 4, organization: 8, abstract: 16 } as const;
type Field = keyof typeof FIELD_BITS;

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
export function termsOf(paper: Paper): Map<string, number> {
  const terms = new Map<string, number>();
  for (const field of Object.keys(FIELD_BITS) as Field[]) {
    // Normalising a whole field at once is far cheaper than word by word.
    for (const word of splitWords(normalizeText(fieldText(paper, field)))) {
      if (!word || STOP_WORDS.has(word)) continue;
      terms.set(word, (terms.get(word) ?? 0) | FIELD_BITS[field]);
    }
  }
  return terms;
}

/** Terms as a SearchDoc keeps them: `term:mask`, sorted, so equal texts give equal strings. */
function encodeTerms(terms: Map<string, number>): string {
  return [...terms].map(([term, mask]) => `${term}:${mask}`).sort().join(' ');
}

function decodeTerms(encoded: string): string[] {
  return encoded ? encoded.split(' ').map((entry) => entry.slice(0, entry.lastIndexOf(':'))) : [];
}

/** The transactions that write papers, and the build's: each holds the search stores. */
type IndexTx = IDBPTransaction<
  PaperboySchema,
  ('papers' | 'summaries' | 'listings' | 'views' | 'heads' | SearchStores)[] | ('papers' | 'summaries' | 'views' | 'heads' | SearchStores)[] | ('papers' | SearchStores | 'searchBuild')[],
  'readwrite'
>;
/** The two stores, from a transaction that holds them (typed loosely: writers hold different store lists). */
function storesOf(tx: IndexTx) {
  const t = tx as unknown as IDBPTransaction<PaperboySchema, SearchStores[], 'readwrite'>;
  return { postings: t.objectStore('postings'), docs: t.objectStore('searchDocs') };
}

/** A new segment's name: sortable by time, unique across writes in the same millisecond. */
const newSegment = () => `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

/** Removes `ids` from the postings of their old documents, each [term, segment] record read and written once. */
async function removePostings(tx: IndexTx, docs: readonly SearchDoc[]): Promise<void> {
  const { postings } = storesOf(tx);
  const gone = new Map<string, { key: [string, string]; ids: Set<string> }>();
  for (const doc of docs) {
    for (const term of decodeTerms(doc.terms)) {
      const id = `${term}\u0000${doc.segment}`;
      let entry = gone.get(id);
      if (!entry) gone.set(id, (entry = { key: [term, doc.segment], ids: new Set() }));
      entry.ids.add(doc.id);
    }
  }
  const entries = [...gone.values()];
  const records = await Promise.all(entries.map((entry) => postings.get(entry.key)));
  records.forEach((record, index) => {
    if (!record) return;
    const { key, ids } = entries[index]!;
    const kept: PostingRecord = { term: record.term, ids: [], fields: [] };
    record.ids.forEach((id, at) => {
      if (ids.has(id)) return;
      kept.ids.push(id);
      kept.fields.push(record.fields[at]!);
    });
    if (kept.ids.length === 0) void postings.delete(key);
    else if (kept.ids.length !== record.ids.length) void postings.put(kept, key);
  });
}

/**
 * Indexes papers just written in `tx` (new, or whose indexed text changed; unchanged ones cost a
 * read of their SearchDoc and nothing more). Awaits only IndexedDB requests, so `tx` stays open.
 */
export async function indexPapers(tx: IndexTx, papers: readonly Paper[]): Promise<void> {
  if (papers.length === 0) return;
  const { postings, docs } = storesOf(tx);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const ids = [...byId.keys()];
  const before = await Promise.all(ids.map((id) => docs.get(id)));
  const segment = newSegment();
  const stale: SearchDoc[] = [];
  const added = new Map<string, PostingRecord>();
  ids.forEach((id, index) => {
    const terms = termsOf(byId.get(id)!);
    const encoded = encodeTerms(terms);
    const old = before[index];
    if (old?.terms === encoded) return;
    if (old) stale.push(old);
    for (const [term, mask] of terms) {
      let record = added.get(term);
      if (!record) added.set(term, (record = { term, ids: [], fields: [] }));
      record.ids.push(id);
      record.fields.push(mask);
    }
    void docs.put({ id, segment, terms: encoded });
  });
  if (stale.length > 0) await removePostings(tx, stale);
  for (const [term, record] of added) void postings.put(record, [term, segment]);
}

/** Removes deleted papers from the index, in the transaction that deletes them. */
export async function unindexPapers(tx: IndexTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const { docs } = storesOf(tx);
  const found = (await Promise.all([...new Set(ids)].map((id) => docs.get(id)))).filter((doc): doc is SearchDoc => doc !== undefined);
  for (const doc of found) void docs.delete(doc.id);
  await removePostings(tx, found);
}

/** Papers per slice of the build: one short transaction, so writers and readers wait little. */
const BUILD_SLICE = 100;

/** Whether the index covers every stored paper (false only until the build after the v6 upgrade ends). */
export async function isSearchIndexBuilt(db: PaperboyDb): Promise<boolean> {
  return (await db.get('searchBuild', 'build'))?.done ?? true;
}

/**
 * Indexes the papers stored before the index existed, a slice at a time in id order, remembering
 * how far it got so a worker stopped midway resumes there. Papers written meanwhile are indexed
 * by their writers; the build skips them as unchanged. Returns once every paper is indexed.
 */
export async function buildSearchIndex(db: PaperboyDb, pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 20))): Promise<void> {
  for (;;) {
    const tx = db.transaction(['papers', 'postings', 'searchDocs', 'searchBuild'], 'readwrite');
    const state = await tx.objectStore('searchBuild').get('build');
    if (!state || state.done) {
      await tx.done;
      return;
    }
    const range = state.after === undefined ? undefined : IDBKeyRange.lowerBound(state.after, true);
    const papers = await tx.objectStore('papers').getAll(range, BUILD_SLICE);
    await indexPapers(tx, papers);
    const last = papers[papers.length - 1]?.id;
    void tx.objectStore('searchBuild').put({ done: papers.length < BUILD_SLICE, after: last ?? state.after }, 'build');
    await tx.done;
    await pause();
  }
}
