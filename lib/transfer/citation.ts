// One paper as text for the clipboard: BibTeX (as the export writes it), a Markdown link to its
// Hugging Face page, or a plain citation. Pure functions.
import { paperLinks } from '../core/urls';
import type { Paper } from '../source/entry';
import { toBibtex, yearOf } from './export';

export type CitationKind = 'bibtex' | 'markdown' | 'plain';
export type CitedPaper = Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>;

/** Authors named in a plain citation before "et al.". */
const NAMED_AUTHORS = 3;

/** `[Title](https://huggingface.co/papers/<id>)`, the title's brackets and backslashes escaped so the link holds. */
export function markdownLink(paper: CitedPaper): string {
  const title = paper.title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (char) => `\\${char}`);
  return `[${title}](${paperLinks(paper.id).hf})`;
}

/** "Ada Lovelace, Alan Turing. Title. arXiv:2611.01234, 2026." — at most three names, then "et al.". */
export function plainCitation(paper: CitedPaper): string {
  const named = paper.authors.slice(0, NAMED_AUTHORS).join(', ');
  const authors = paper.authors.length > NAMED_AUTHORS ? `${named}, et al.` : named;
  const title = paper.title.replace(/\s+/g, ' ').trim();
  const end = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
  return `${authors ? `${end(authors)} ` : ''}${end(title)} arXiv:${paper.id}, ${yearOf(paper)}.`;
}

export function citationOf(paper: CitedPaper, kind: CitationKind): string {
  if (kind === 'markdown') return markdownLink(paper);
  if (kind === 'plain') return plainCitation(paper);
  return toBibtex([paper]);
}
