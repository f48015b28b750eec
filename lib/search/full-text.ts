// The full-text search's reader side: a query reads from IndexedDB only the postings of its words
// (the word being typed as a prefix, through a key range on the term), then ranks the papers that
// hold every word. The index itself is kept by the writers of papers (lib/store/postings.ts).
import type { PaperboyDb } from '../store/schema';
import { FIELD_BITS, bucketOf } from '../store/postings';
import { queryWords, type QueryWord } from './text';

/** How much a word counts in each field: a title match beats one in the abstract. */
const BOOSTS: [bit: number, boost: number][] = [
  [FIELD_BITS.title, 3],
  [FIELD_BITS.aiKeywords, 2],
  [FIELD_BITS.authors, 1.5],
  [FIELD_BITS.organization, 1.2],
  [FIELD_BITS.abstract, 1],
];
const FIELD_WEIGHT = Array.from({ length: 32 }, (_, mask) => BOOSTS.reduce((sum, [bit, boost]) => (mask & bit ? sum + boost : sum), 0));
/** A longer word the typed one begins, or one a typo away, counts less than the word itself. */
const PREFIX_WEIGHT = 0.5;
/** The least a word found counts for, however common. */
const MIN_RARITY = 1e-6;
const FUZZY_WEIGHT = 0.45;

/** One typo in 5–7 letters, two from 8 up; shorter words would match too many others. */
const maxTypos = (term: string) => (term.length < 5 ? 0 : Math.min(2, Math.round(term.length * 0.2)));

/** A term's papers across every segment, with the fields each holds it in. */
interface TermPostings {
  ids: string[];
  fields: number[];
}
type Postings = Map<string, TermPostings>;

/** Adds one line's postings (`term id:mask id:mask…`, from `start` to `end`) to `into`. */
function addLine(text: string, start: number, end: number, term: string, into: Postings): void {
  let entry = into.get(term);
  if (!entry) {
    entry = { ids: [], fields: [] };
    into.set(term, entry);
  }
  for (const posting of text.slice(start + term.length + 1, end).split(' ')) {
    const colon = posting.lastIndexOf(':');
    entry.ids.push(posting.slice(0, colon));
    entry.fields.push(Number(posting.slice(colon + 1)));
  }
}

/** The postings of the terms `accept` takes among those beginning with `start`, from one record's sorted lines. */
function extract(text: string, start: string, accept: (term: string) => boolean, into: Postings): void {
  let at = text.startsWith(start) ? 0 : text.indexOf(`\n${start}`) + 1;
  if (at === 0 && !text.startsWith(start)) return;
  // Lines are sorted, so the terms that begin with `start` are together.
  while (at < text.length && text.startsWith(start, at)) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const term = text.slice(at, text.indexOf(' ', at));
    if (accept(term)) addLine(text, at, end, term, into);
    at = end + 1;
  }
}

/** Every term in one record (for typo tolerance). */
function termsIn(text: string, into: Set<string>): void {
  for (let at = 0; at < text.length; ) {
    into.add(text.slice(at, text.indexOf(' ', at)));
    const newline = text.indexOf('\n', at);
    at = newline < 0 ? text.length : newline + 1;
  }
}

/** Edit distance, or `max + 1` as soon as it is sure to exceed `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** Every record of a first letter: one per listing day. */
const bucketRange = (bucket: string) => IDBKeyRange.bound([bucket], [bucket, []]);

/** Postings extracted already, by what was asked: a word typed on narrows what its shorter prefix found. */
const CACHED_READS = 16;
/** Records read already, by first letter: a few letters' worth, about a megabyte each at a year of papers. */
const CACHED_BUCKETS = 3;

interface SearchQueryOptions {
  /** Only these ids (the current view). */
  within?: ReadonlySet<string>;
  limit?: number;
}

export interface FullTextSearch {
  /** Paper ids, best match first. */
  search(query: string, options?: SearchQueryOptions): Promise<string[]>;
  /** Papers were written: forget what was read. */
  forget(): void;
}

export function createFullTextSearch(db: () => Promise<PaperboyDb>): FullTextSearch {
  /** `p:` + a prefix or `w:` + a whole word → the postings found for it. */
  let cache = new Map<string, Postings>();
  /** First letter → its records. */
  let buckets = new Map<string, Promise<string[]>>();
  let paperCount: Promise<number> | undefined;

  const remember = (key: string, postings: Postings): Postings => {
    if (cache.size >= CACHED_READS) cache.delete(cache.keys().next().value!);
    cache.set(key, postings);
    return postings;
  };
  const bucket = (database: PaperboyDb, letter: string): Promise<string[]> => {
    let read = buckets.get(letter);
    if (!read) {
      if (buckets.size >= CACHED_BUCKETS) buckets.delete(buckets.keys().next().value!);
      read = database.getAll('postings', bucketRange(letter));
      buckets.set(letter, read);
      read.catch(() => buckets.delete(letter));
    }
    return read;
  };
  /** The postings of a cached read of a shorter prefix, narrowed to `word`. */
  const fromCache = (word: QueryWord): Postings | undefined => {
    if (!word.prefix) {
      const whole = cache.get(`w:${word.term}`);
      if (whole) return whole;
    }
    for (let length = word.term.length; length > 0; length--) {
      const read = cache.get(`p:${word.term.slice(0, length)}`);
      if (!read) continue;
      const narrowed: Postings = new Map();
      for (const [term, postings] of read) if (word.prefix ? term.startsWith(word.term) : term === word.term) narrowed.set(term, postings);
      return narrowed;
    }
    return undefined;
  };

  async function postingsOf(database: PaperboyDb, word: QueryWord): Promise<Postings> {
    const cached = fromCache(word);
    if (cached) return cached;
    const postings: Postings = new Map();
    const accept = word.prefix ? () => true : (term: string) => term === word.term;
    for (const text of await bucket(database, bucketOf(word.term))) extract(text, word.term, accept, postings);
    return remember(`${word.prefix ? 'p' : 'w'}:${word.term}`, postings);
  }

  /** Terms a typo or two from a word the index does not know (sharing its first letter, whose records are read already). */
  async function nearPostings(database: PaperboyDb, word: QueryWord): Promise<Postings> {
    const typos = maxTypos(word.term);
    const texts = await bucket(database, bucketOf(word.term));
    const terms = new Set<string>();
    for (const text of texts) termsIn(text, terms);
    const near = new Set<string>();
    for (const term of terms) {
      const close =
        distance(word.term, term, typos) <= typos ||
        (word.prefix && term.length > word.term.length && distance(word.term, term.slice(0, word.term.length), typos) <= typos);
      if (close) near.add(term);
    }
    const postings: Postings = new Map();
    if (near.size > 0) for (const text of texts) for (const term of near) extract(text, term, (found) => found === term, postings);
    return postings;
  }

  /** Each paper's score for one word: its best matching term, weighted by rarity and field. */
  function score(word: QueryWord, postings: Postings, papers: number, weight: number, candidates?: ReadonlySet<string>): Map<string, number> {
    const scores = new Map<string, number>();
    for (const [term, { ids, fields }] of postings) {
      // A word can have more postings than the papers counted (a count read before more were
      // stored; ids a prune could not rewrite away): its rarity would be 0 or less and drop every
      // match. However common, a word found matches.
      const holders = Math.min(ids.length, papers);
      const rarity = Math.max(MIN_RARITY, Math.log(1 + (papers - holders + 0.5) / (holders + 0.5)));
      const factor = term === word.term ? weight : weight * PREFIX_WEIGHT * (word.term.length / term.length);
      ids.forEach((id, at) => {
        if (candidates && !candidates.has(id)) return;
        const value = rarity * factor * FIELD_WEIGHT[fields[at]!]!;
        if (value > (scores.get(id) ?? 0)) scores.set(id, value);
      });
    }
    return scores;
  }

  async function run(database: PaperboyDb, words: QueryWord[], within?: ReadonlySet<string>): Promise<string[]> {
    if (words.length === 0) return [];
    paperCount ??= database.count('papers');
    const [papers, read] = await Promise.all([paperCount, Promise.all(words.map((word) => postingsOf(database, word)))]);
    const size = (postings: Postings) => [...postings.values()].reduce((sum, entry) => sum + entry.ids.length, 0);
    // Rarest first, each further word scored only on the papers still in the running.
    const order = words.map((word, index) => ({ word, postings: read[index]!, count: size(read[index]!) })).sort((a, b) => a.count - b.count);
    let scores: Map<string, number> | undefined;
    for (const { word, postings, count } of order) {
      // Typo tolerance only for words the index does not know: a word it knows is spelled right,
      // and its near spellings ("model" → "modal") would add noise that no highlight explains.
      const fuzzy = count === 0 && maxTypos(word.term) > 0;
      const found = fuzzy ? await nearPostings(database, word) : postings;
      const next = score(word, found, papers, fuzzy ? FUZZY_WEIGHT : 1, scores ? new Set(scores.keys()) : within);
      if (scores) for (const [id, value] of next) next.set(id, value + scores.get(id)!);
      scores = next;
      if (scores.size === 0) break;
    }
    return scores ? [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id) : [];
  }

  return {
    async search(query, { within, limit } = {}) {
      if (within?.size === 0 || (limit !== undefined && limit <= 0)) return [];
      const { words, fallback } = queryWords(query);
      const database = await db();
      let ids = await run(database, words, within);
      // "diffusion m": a word just begun would empty the list until it is long enough to be a
      // prefix; keep showing the finished words' results meanwhile.
      if (ids.length === 0 && fallback) ids = await run(database, fallback, within);
      return ids.slice(0, limit);
    },
    forget() {
      cache = new Map();
      buckets = new Map();
      paperCount = undefined;
    },
  };
}
