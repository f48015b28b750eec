import type { PaperSummary } from '../store/records';
import { STOP_WORDS, normalizeText, splitWords } from '../core/words';
import { queryWords, type QueryWord } from './text';

/**
 * The search's first answer while the full index (lib/search/live.ts: abstracts and keywords too)
 * is still being built, which takes seconds at a year of papers: the papers whose title, authors
 * or organisation hold every word of the query, the word being typed as a prefix, as the full
 * search matches words (no typo tolerance). Needs no index and no library; what it finds, the
 * full search finds too (tests/unit/quick-search.test.ts).
 */
export function createQuickSearch() {
  // A summary's words, normalised once: a paper that changes is read again as a new summary.
  const wordsOf = new WeakMap<PaperSummary, string>();
  const textOf = (paper: PaperSummary): string => {
    let text = wordsOf.get(paper);
    if (text === undefined) {
      // Without stop words, as the index holds them (a typed "for" is a prefix of "format", not "for").
      const words = splitWords(normalizeText([paper.title, ...paper.authors, paper.organization ?? ''].join(' '))).filter(
        (word) => word && !STOP_WORDS.has(word),
      );
      text = ` ${words.join(' ')} `;
      wordsOf.set(paper, text);
    }
    return text;
  };
  /** A word as it stands in a summary's text: whole, or as the start of a word. */
  const needle = ({ term, prefix }: QueryWord): string => (prefix ? ` ${term}` : ` ${term} `);
  const matching = (papers: readonly PaperSummary[], needles: string[]): Set<string> => {
    const ids = new Set<string>();
    if (needles.length === 0) return ids;
    for (const paper of papers) {
      const text = textOf(paper);
      if (needles.every((needle) => text.includes(needle))) ids.add(paper.id);
    }
    return ids;
  };
  return {
    /** Ids of the papers in `papers` that match `query` by title, authors or organisation. */
    match(papers: readonly PaperSummary[], query: string): Set<string> {
      const { words, fallback } = queryWords(query);
      const ids = matching(papers, words.map(needle));
      return ids.size === 0 && fallback ? matching(papers, fallback.map(needle)) : ids;
    },
  };
}
