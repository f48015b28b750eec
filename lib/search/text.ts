// Query parsing and highlighting: what every page needs to show a search, without the index
// itself (lib/search/full-text.ts), which only the side panel loads, and only once a search starts.
import { STOP_WORDS, normalizeText, splitWords } from '../core/words';

/** Shorter last words are matched whole: as prefixes they match most papers, slowly and uselessly. */
const MIN_PREFIX = 3;

interface ParsedQuery {
  /** Finished words, without stop words. */
  words: string[];
  /** The word still being typed, if any worth searching. */
  last?: string;
}

function parseQuery(query: string): ParsedQuery {
  const tokens = splitWords(normalizeText(query)).filter(Boolean);
  const last = tokens.pop();
  const words = [...new Set(tokens.filter((word) => !STOP_WORDS.has(word)))];
  // A typed stop word may be the start of a real word ("the" → "theory"), once long enough.
  const keepLast = last !== undefined && (last.length >= MIN_PREFIX || !STOP_WORDS.has(last));
  return keepLast ? { words, last } : { words };
}

export interface QueryWord {
  term: string;
  /** Matched as the start of a word (the word being typed), else whole. */
  prefix: boolean;
}

/**
 * The words a query searches for, as every search matches them: finished words whole, the word
 * being typed as a prefix once it is MIN_PREFIX long. `fallback`: the finished words alone, to
 * keep showing when a word just begun ("diffusion m") matches nothing yet.
 */
export function queryWords(query: string): { words: QueryWord[]; fallback?: QueryWord[] } {
  const { words, last } = parseQuery(query);
  const finished = words.map((term) => ({ term, prefix: false }));
  if (last === undefined) return { words: finished };
  const typed = [...finished, { term: last, prefix: last.length >= MIN_PREFIX }];
  return last.length < MIN_PREFIX && finished.length > 0 ? { words: typed, fallback: finished } : { words: typed };
}

/** The normalised terms a query searches for, for highlighting. */
export function queryTerms(query: string): string[] {
  const { words, last } = parseQuery(query);
  return [...new Set(last === undefined ? words : [...words, last])];
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /^\p{M}/u;

/** The combining mark starting at `index`, if any. */
function markAt(text: string, index: number): string | undefined {
  const ch = index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : '';
  return MARK.test(ch) ? ch : undefined;
}

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
    const folded = ch < '\x80' ? ch.toLowerCase() : normalizeText(ch); // ASCII needs no NFD
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
    for (let mark = markAt(text, end); mark; mark = markAt(text, end)) end += mark.length;
    push(done, start, false);
    push(start, end, true);
    done = end;
    i += term.length - 1;
  }
  push(done, text.length, false);
  return segments;
}
