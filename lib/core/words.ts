// How text becomes words, the same for the index the background keeps and the queries and
// highlights of the pages: folding (case, accents) and splitting, and the words too common to index.

// Letters that carry no combining mark under NFD but are still "accented" to a reader.
// Final sigma folds into sigma because toLowerCase picks it by context, which would make a
// word's normalised form depend on its neighbours.
const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', ς: 'σ' };
const COMBINING_MARKS = /\p{M}/gu;
const FOLDABLE = /[łøđħıßæœς]/g;
const ASCII = /^\p{ASCII}*$/u;

/** Lowercase without accents, so "Gödel", "GODEL" and "godel" compare equal. */
export function normalizeText(s: string): string {
  // Most text is ASCII, where lowercasing is all there is to it, and far cheaper than NFD.
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch);
}

// Words end at white space and punctuation: the index (lib/store/postings.ts), the queries and
// the highlighting all split text with this one function.
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;
/** The same characters within ASCII (tests/unit/core/words.test.ts checks), without the cost of Unicode classes. */
const ASCII_SPACE_OR_PUNCTUATION = /[\n\r !"#%&'()*,\-./:;?@[\\\]_{}]+/;
export const splitWords = (text: string): string[] => text.split(ASCII.test(text) ? ASCII_SPACE_OR_PUNCTUATION : SPACE_OR_PUNCTUATION);

// Words in nearly every abstract: they cannot narrow a search, yet they would be about a
// third of the index and make queries that contain them slow.
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from had has have he her his how i if in into is it its ' +
    'may more most no not of on or our over she so such than that the their them then there these they this ' +
    'those through to under up us via was we were what when where which while who why will with within would you your'
  ).split(' '),
);
