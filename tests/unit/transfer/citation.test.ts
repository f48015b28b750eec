import { describe, expect, it } from 'vitest';
import { citationOf, markdownLink, plainCitation } from '@/lib/transfer/citation';
import { makePaper } from '../../support/make-paper';

const paper = makePaper('2611.01234', { title: 'Attention Is Still All You Need', authors: ['Ada Lovelace', 'Alan Turing'] });

describe('citations for the clipboard', () => {
  it('writes a Markdown link to the paper’s Hugging Face page', () => {
    expect(markdownLink(paper)).toBe('[Attention Is Still All You Need](https://huggingface.co/papers/2611.01234)');
  });

  it('escapes brackets and backslashes in the title, so the link is not broken', () => {
    expect(markdownLink({ ...paper, title: 'A [Survey] of \\ things' })).toBe('[A \\[Survey\\] of \\\\ things](https://huggingface.co/papers/2611.01234)');
  });

  it('writes a plain citation: authors, title, arXiv id, year', () => {
    expect(plainCitation(paper)).toBe('Ada Lovelace, Alan Turing. Attention Is Still All You Need. arXiv:2611.01234, 2026.');
  });

  it('names three authors then "et al.", and ends a title with its own punctuation', () => {
    const many = { ...paper, title: 'Is Attention Enough?', authors: ['A One', 'B Two', 'C Three', 'D Four'] };
    expect(plainCitation(many)).toBe('A One, B Two, C Three, et al. Is Attention Enough? arXiv:2611.01234, 2026.');
    expect(plainCitation({ ...paper, authors: [] })).toBe('Attention Is Still All You Need. arXiv:2611.01234, 2026.');
  });

  it('writes the export’s BibTeX entry for one paper', () => {
    const bibtex = citationOf(paper, 'bibtex');
    expect(bibtex).toMatch(/^@misc\{lovelace2026attention,\n/);
    expect(bibtex).toContain('  eprint = {2611.01234},\n');
    expect(bibtex).toContain('  author = {Ada Lovelace and Alan Turing},\n');
  });
});
