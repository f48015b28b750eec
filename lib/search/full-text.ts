// minisearch (~6 kB gzipped, no dependencies, actively maintained): a radix-tree index with
// prefix, fuzzy and boosted search, which we would otherwise write ourselves.
import MiniSearch, { type Options } from 'minisearch';
import type { Paper } from '../source/entry';
import { STOP_WORDS, normalizeText, queryWords, type QueryWord } from './text';

/** One typo in 5–7 letters, two from 8 up; shorter words would match too many others. */
const fuzziness = (term: string) => (term.length >= 5 ? 0.2 : false);

type Field = 'title' | 'authors' | 'organization' | 'aiKeywords' | 'abstract';
const FIELDS: Field[] = ['title', 'authors', 'organization', 'aiKeywords', 'abstract'];

function fieldText(paper: Paper, field: Field): string {
  switch (field) {
    case 'authors':
      return paper.authors.join(' ; ');
    case 'aiKeywords':
      return paper.aiKeywords?.join(' ; ') ?? '';
    case 'organization':
      return paper.organization ?? '';
    default:
      return paper[field];
  }
}

/** A paper as indexed; a stored one carries `updatedAt`, which changes whenever its text may have. */
export type IndexedPaper = Paper & { updatedAt?: number };

/** A stored paper's `updatedAt`; otherwise FNV-1a over the indexed text: a cheap, stable change detector for upsert (not security). */
function signature(paper: IndexedPaper): string {
  if (paper.updatedAt !== undefined) return `u${paper.updatedAt}`;
  const text = FIELDS.map((field) => fieldText(paper, field)).join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36) + text.length.toString(36);
}

const OPTIONS: Options<Paper> = {
  idField: 'id',
  fields: FIELDS,
  // Normalising a whole field at once is far cheaper than word by word.
  extractField: (paper, field) => (field === 'id' ? paper.id : normalizeText(fieldText(paper, field as Field))),
  processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
  searchOptions: {
    boost: { title: 3, aiKeywords: 2, authors: 1.5, organization: 1.2, abstract: 1 },
    maxFuzzy: 2,
    // Words arrive one at a time, normalised by parseQuery, stop words already handled there.
    processTerm: (term) => term,
  },
};

export interface SearchQueryOptions {
  /** Only these ids (the current view). */
  within?: ReadonlySet<string>;
  limit?: number;
}

export interface SearchIndex {
  /** Adds papers; ones already present are updated as by `upsert`. */
  addAll(papers: readonly IndexedPaper[]): void;
  /** Adds or replaces papers by id; unchanged papers are left alone, so repeating it is free. */
  upsert(papers: readonly IndexedPaper[]): void;
  remove(ids: Iterable<string>): void;
  readonly size: number;
  /** Paper ids, best match first. */
  search(query: string, options?: SearchQueryOptions): string[];
}

export function createSearchIndex(): SearchIndex {
  const mini = new MiniSearch<Paper>(OPTIONS);
  /** What each indexed paper was indexed as: `upsert` skips the unchanged. */
  const signatures = new Map<string, string>();
  const upsert = (papers: readonly IndexedPaper[]) => {
    for (const paper of papers) {
      const sig = signature(paper);
      if (mini.has(paper.id)) {
        if (signatures.get(paper.id) === sig) continue;
        // discard is O(1); minisearch vacuums the stale entries later, in the background.
        mini.discard(paper.id);
      }
      mini.add(paper);
      signatures.set(paper.id, sig);
    }
  };

  /** Scores one word's papers, only those in `candidates` when given. */
  const scoreWord = (word: QueryWord, fuzzy: number | false, candidates?: ReadonlySet<string>) =>
    mini.search(word.term, {
      prefix: word.prefix,
      fuzzy,
      // A zero boost drops a paper before minisearch builds a result for it: the cheap way to restrict.
      boostDocument: candidates ? (id) => (candidates.has(id as string) ? 1 : 0) : undefined,
    });
  /** How often a word (without typos) is in the index: a dry run that builds no results. */
  const countPostings = (word: QueryWord) => {
    let postings = 0;
    mini.search(word.term, { prefix: word.prefix, fuzzy: false, boostDocument: () => (postings++, 0) });
    return postings;
  };

  // minisearch scores every paper each word matches before combining the words, and a common
  // word ("model") costs milliseconds per thousand papers. So words are scored rarest first,
  // each further word only on the papers still in the running. Scores add up as in
  // minisearch's own AND, so the ranking is the same.
  const run = (words: QueryWord[], within?: ReadonlySet<string>): string[] => {
    const counted = words.map((word) => ({ word, postings: countPostings(word) })).sort((a, b) => a.postings - b.postings);
    let scores: Map<string, number> | undefined;
    for (const { word, postings } of counted) {
      // Typo tolerance only for words the index does not know: a word it knows is spelled right,
      // and its near spellings ("model" → "modal") would add noise that no highlight explains.
      const fuzzy = postings === 0 && fuzziness(word.term);
      const next = new Map<string, number>();
      for (const result of scoreWord(word, fuzzy, scores ? new Set(scores.keys()) : within)) {
        const id = result.id as string;
        next.set(id, (scores?.get(id) ?? 0) + result.score);
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return scores ? [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id) : [];
  };

  return {
    addAll: upsert,
    upsert,
    remove(ids) {
      for (const id of ids) {
        if (mini.has(id)) mini.discard(id);
        signatures.delete(id);
      }
    },
    get size() {
      return mini.documentCount;
    },
    search(query, { within, limit } = {}) {
      if (within?.size === 0 || (limit !== undefined && limit <= 0)) return [];
      const { words, fallback } = queryWords(query);
      let ids = run(words, within);
      // "diffusion m": a word just begun would empty the list until it is long enough to be a
      // prefix; keep showing the finished words' results meanwhile.
      if (ids.length === 0 && fallback) ids = run(fallback, within);
      return ids.slice(0, limit);
    },
  };
}
