// minisearch (~7 kB gzipped, no dependencies, actively maintained): a radix-tree index with
// prefix, fuzzy and boosted search and JSON round trips, which we would otherwise write ourselves.
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { Paper } from './paper';

/** Bump when the options below change: an index stored under another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

// Letters that carry no combining mark under NFD but are still "accented" to a reader.
// Final sigma folds into sigma because toLowerCase picks it by context, which would make a
// word's normalised form depend on its neighbours.
const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', ς: 'σ' };
const COMBINING_MARKS = /\p{M}/gu;
const FOLDABLE = /[łøđħıßæœς]/g;

/** Lowercase without accents, so "Gödel", "GODEL" and "godel" compare equal. */
export function normalizeText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch);
}

const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

/** The normalised, distinct terms of a query, in order (for highlighting). */
export function queryTerms(query: string): string[] {
  const terms = tokenize(query).map(normalizeText).filter(Boolean);
  return [...new Set(terms)];
}

type Field = 'title' | 'authors' | 'organization' | 'aiKeywords' | 'abstract';
const FIELDS: Field[] = ['title', 'authors', 'organization', 'aiKeywords', 'abstract'];
/** Not searched: a fingerprint of the indexed text, so upsert can skip unchanged papers. */
const SIGNATURE = 'sig';

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

/** FNV-1a over the indexed text: a cheap, stable change detector (not security). */
function signature(paper: Paper): string {
  const text = FIELDS.map((field) => fieldText(paper, field)).join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36) + text.length.toString(36);
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3, aiKeywords: 2, authors: 1.5, organization: 1.2, abstract: 1 },
  combineWith: 'AND',
  // Only the last term is still being typed; a one-letter prefix would also match most of the
  // vocabulary and cost tens of milliseconds on a large index for a useless result.
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
  // One typo in 5–7 letters, two from 8 up; shorter words would match too many others.
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
};

/** The one place the index is configured: building and loading must agree. */
const OPTIONS: Options<Paper> = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [SIGNATURE],
  extractField: (paper, field) => (field === 'id' ? paper.id : field === SIGNATURE ? signature(paper) : fieldText(paper, field as Field)),
  processTerm: (term) => normalizeText(term) || null,
  searchOptions: SEARCH_OPTIONS,
};

export interface SearchSnapshot {
  version: number;
  index: AsPlainObject;
}

export interface SearchIndex {
  /** Adds papers; ones already present are updated as by `upsert`. */
  addAll(papers: readonly Paper[]): void;
  /** Adds or replaces papers by id; unchanged papers are left alone, so repeating it is free. */
  upsert(papers: readonly Paper[]): void;
  remove(ids: Iterable<string>): void;
  readonly size: number;
  /** Paper ids, best match first; `within` keeps only those ids (the current view). */
  search(query: string, options?: { within?: ReadonlySet<string>; limit?: number }): string[];
  /** A structured-clonable snapshot for IndexedDB, or for `JSON.stringify`. */
  toJSON(): SearchSnapshot;
}

function wrap(mini: MiniSearch<Paper>): SearchIndex {
  const upsert = (papers: readonly Paper[]) => {
    for (const paper of papers) {
      if (mini.has(paper.id)) {
        if (mini.getStoredFields(paper.id)?.[SIGNATURE] === signature(paper)) continue;
        // discard is O(1); the stale postings are vacuumed in the background.
        mini.discard(paper.id);
      }
      mini.add(paper);
    }
  };
  return {
    addAll: upsert,
    upsert,
    remove(ids) {
      for (const id of ids) if (mini.has(id)) mini.discard(id);
    },
    get size() {
      return mini.documentCount;
    },
    search(query, { within, limit } = {}) {
      if (!query.trim()) return [];
      const results = mini.search(query, within ? { filter: (result) => within.has(result.id as string) } : {});
      const ids = results.map((result) => result.id as string);
      return limit === undefined ? ids : ids.slice(0, Math.max(0, limit));
    },
    toJSON: () => ({ version: SEARCH_INDEX_VERSION, index: mini.toJSON() }),
  };
}

export function createSearchIndex(): SearchIndex {
  return wrap(new MiniSearch<Paper>(OPTIONS));
}

/**
 * Reloads a stored index (`toJSON()`'s value, or that value as a JSON string).
 * `undefined` when it was built by another version or is unreadable: rebuild it from the papers.
 */
export function loadSearchIndex(json: string | SearchSnapshot): SearchIndex | undefined {
  try {
    const snapshot: unknown = typeof json === 'string' ? JSON.parse(json) : json;
    if (!isSnapshot(snapshot) || snapshot.version !== SEARCH_INDEX_VERSION) return undefined;
    return wrap(MiniSearch.loadJS<Paper>(snapshot.index, OPTIONS));
  } catch {
    return undefined;
  }
}

function isSnapshot(value: unknown): value is SearchSnapshot {
  return typeof value === 'object' && value !== null && 'version' in value && 'index' in value && typeof value.index === 'object' && value.index !== null;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into segments, marking each word start whose normalised form begins with one
 * of `terms` (as from `queryTerms`). Segments hold the original characters, and
 * joined they are always exactly `text`.
 */
export function highlight(text: string, terms: readonly string[]): HighlightSegment[] {
  // Longest first, so "diffusion" wins over "diff" at the same place.
  const wanted = [...new Set(terms.map(normalizeText).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!text || wanted.length === 0) return text ? [{ text, match: false }] : [];

  // Normalise code point by code point, remembering where each normalised char came from,
  // so a match found in the normalised text maps back to whole original characters.
  let norm = '';
  const from: number[] = []; // original start of the code point behind each normalised char
  const to: number[] = []; // original end of that code point
  let offset = 0;
  for (const ch of text) {
    const folded = normalizeText(ch);
    for (let k = 0; k < folded.length; k++) {
      from.push(offset);
      to.push(offset + ch.length);
    }
    norm += folded;
    offset += ch.length;
  }

  const segments: HighlightSegment[] = [];
  const push = (start: number, end: number, match: boolean) => {
    if (end <= start) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), match });
  };

  let done = 0; // original text up to here is already in segments
  for (let i = 0; i < norm.length; i++) {
    if (i > 0 && WORD_CHAR.test(norm[i - 1]!)) continue;
    const term = wanted.find((t) => norm.startsWith(t, i));
    if (!term) continue;
    const start = Math.max(from[i]!, done);
    let end = to[i + term.length - 1]!;
    // Keep trailing combining marks with their letter ("o" + U+0308 stays whole).
    while (end < text.length && normalizeText(String.fromCodePoint(text.codePointAt(end)!)) === '') {
      end += String.fromCodePoint(text.codePointAt(end)!).length;
    }
    push(done, start, false);
    push(start, end, true);
    done = end;
    i += term.length - 1;
  }
  push(done, text.length, false);
  return segments;
}
