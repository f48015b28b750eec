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
import { isSearchIndexBuilt } from './reads';
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

/** The record a term of a paper listed on `day` is in: [bucketOf(term), day]. */
export const bucketOf = (term: string): string => String.fromCodePoint(term.codePointAt(0)!);

/** Up to this many papers leaving a record, each is looked for in its text first (a scan per paper costs less than splitting every line). */
const SCANNED_DROPS = 8;

/**
 * A stored record with the postings of `drop`'s papers taken out and `add`'s put in. Postings are
 * handled as text (` id:mask` segments) rather than maps of ids: a day's 100 papers bring some
 * 15,000 postings, and one object per posting made the write mostly allocation and collection.
 */
function mergeRecord(stored: string | undefined, drop: ReadonlySet<string>, add: ReadonlyMap<string, readonly string[]>): string {
  const lines = new Map<string, string>();
  if (stored) {
    // Only the papers this record holds are taken out: most papers written to a day are new to
    // it, and splitting every line for them was most of the write.
    const held = drop.size > SCANNED_DROPS ? drop : new Set([...drop].filter((id) => stored.includes(` ${id}:`)));
    for (const line of stored.split('\n')) {
      const space = line.indexOf(' ');
      let postings = line.slice(space);
      if (held.size > 0) {
        postings = postings
          .split(' ')
          .filter((posting) => posting !== '' && !held.has(posting.slice(0, posting.lastIndexOf(':'))))
          .map((posting) => ` ${posting}`)
          .join('');
      }
      if (postings) lines.set(line.slice(0, space), postings);
    }
  }
  // A paper written here is in `drop` too, so its postings are never in a line twice.
  for (const [term, postings] of add) lines.set(term, (lines.get(term) ?? '') + postings.join(''));
  // Sorted by term, so that a reader finds a prefix's terms together (full-text.ts).
  return [...lines.keys()]
    .sort()
    .map((term) => term + lines.get(term))
    .join('\n');
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
  | ('papers' | 'daySummaries' | 'listings' | 'views' | 'heads' | 'facets' | 'postings')[]
  | ('papers' | 'daySummaries' | 'views' | 'heads' | 'facets' | 'postings')[]
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
 *
 * `newDays`: listing days no stored paper was listed on before this write. Their records can hold
 * only the ids of papers that are gone, so they are written without being read first (a day never
 * stored before, the usual first fetch of a page, then costs a put per letter, not a get and a put).
 */
export async function updateIndex(
  tx: IndexTx,
  changes: readonly IndexChange[],
  options: { deletesOnly?: boolean; newDays?: ReadonlySet<string> } = {},
): Promise<void> {
  /**
   * Per listing day: the papers whose postings leave its records (every paper written there too:
   * re-adding replaces), the letters of the records touched, and the postings to put in, as
   * term → its ` id:mask` segments (joined once, not copied at each paper; terms are grouped into
   * their letters' records only at the end).
   */
  const days = new Map<string, { drop: Set<string>; letters: Set<string>; add: Map<string, string[]> }>();
  const dayOf = (day: string) => {
    let entry = days.get(day);
    if (!entry) {
      entry = { drop: new Set(), letters: new Set(), add: new Map() };
      days.set(day, entry);
    }
    return entry;
  };
  for (const { before, after } of changes) {
    if (before && after && sameIndexedText(before, after)) continue;
    if (before) {
      const { drop, letters } = dayOf(before.listedOn);
      drop.add(before.id);
      for (const term of termsOf(before).keys()) letters.add(bucketOf(term));
    }
    if (after) {
      const { drop, add } = dayOf(after.listedOn);
      drop.add(after.id);
      const id = ` ${after.id}:`;
      // One string per mask a paper has (a handful), not one per posting (some 150 a paper).
      const segments: string[] = [];
      for (const [term, mask] of termsOf(after)) {
        segments[mask] ??= id + mask;
        const segment = segments[mask]!;
        const postings = add.get(term);
        if (postings) postings.push(segment);
        else add.set(term, [segment]);
      }
    }
  }
  const records: { key: [string, string]; drop: Set<string>; add: Map<string, string[]> }[] = [];
  for (const [day, { drop, letters, add }] of days) {
    const byLetter = new Map<string, Map<string, string[]>>([...letters].map((letter) => [letter, new Map()]));
    for (const [term, postings] of add) {
      const letter = bucketOf(term);
      let terms = byLetter.get(letter);
      if (!terms) {
        terms = new Map();
        byLetter.set(letter, terms);
      }
      terms.set(term, postings);
    }
    for (const [letter, terms] of byLetter) records.push({ key: [letter, day], drop, add: terms });
  }
  if (records.length === 0) return;
  const postings = (tx as unknown as IDBPTransaction<PaperboySchema, ['postings'], 'readwrite'>).objectStore('postings');
  const stored = await Promise.all(records.map((record) => (options.newDays?.has(record.key[1]) ? undefined : postings.get(record.key))));
  records.forEach(({ key, drop, add }, index) => {
    const text = mergeRecord(stored[index], drop, add);
    if (text) {
      if (!options.deletesOnly) void postings.put(text, key);
    } else if (stored[index] !== undefined) void postings.delete(key);
  });
}

/** Papers per slice of the build: one short transaction, so writers and readers wait little. */
const BUILD_SLICE = 100;

const shortPause = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/**
 * Indexes the papers stored before the index existed, a slice at a time in id order, remembering
 * how far it got so a worker stopped midway resumes there. Papers written meanwhile are indexed
 * by their writers; indexing one again is harmless. Returns once every paper is indexed.
 */
export async function buildSearchIndex(db: PaperboyDb, pause: () => Promise<void> = shortPause): Promise<void> {
  // Every worker start asks: a read, so the usual answer (built) holds no write lock on the papers.
  if (await isSearchIndexBuilt(db)) return;
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
