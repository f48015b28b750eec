import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '@/lib/store/records';
import { EXPORT_FORMAT } from '@/lib/transfer/export-format';
import { citationKeys, escapeBibtex, toBibtex, toExportFile, toJson } from '@/lib/transfer/export';
import { stubRecord } from '@/lib/saved/store';
import { makePaper } from '../../support/make-paper';

const record = (id: string, overrides: Partial<PaperRecord> = {}): PaperRecord => ({
  ...makePaper(id),
  firstSeenAt: 1,
  updatedAt: 1,
  listedDays: ['2026-11-20'],
  upvoteHistory: [[1, 10]],
  unseen: 1,
  ...overrides,
});

describe('escapeBibtex', () => {
  it.each([
    ['plain text', 'Attention Is All You Need', 'Attention Is All You Need'],
    ['percent and ampersand', '50% Faster & Better', '50\\% Faster \\& Better'],
    ['hash, underscore, tilde, caret', 'Top #1: snake_case ~ x^2', 'Top \\#1: snake\\_case \\textasciitilde{} x\\textasciicircum{}2'],
    [
      'braces (BibTeX counts escaped ones too)',
      'A {Braced} word and a lone }',
      'A \\textbraceleft{}Braced\\textbraceright{} word and a lone \\textbraceright{}',
    ],
    ['a backslash outside math', 'C:\\path', 'C:\\textbackslash{}path'],
    ['inline math kept as written', '$\\pi_0$: A Flow Model with 100% $O(n^{2})$ cost', '$\\pi_0$: A Flow Model with 100\\% $O(n^{2})$ cost'],
    ['math with unbalanced braces is text', 'Odd $x}$ then $a$ b$', 'Odd \\$x\\textbraceright{}\\$ then $a$ b\\$'],
    ['a lone dollar', 'Costs $5', 'Costs \\$5'],
    ['math that reads a file is text', 'A $\\input{/etc/passwd}$ B', 'A \\$\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}\\$ B'],
    [
      'math that writes a file is text',
      '$\\immediate\\write18{rm -rf x}$',
      '\\$\\textbackslash{}immediate\\textbackslash{}write18\\textbraceleft{}rm -rf x\\textbraceright{}\\$',
    ],
    ['math that opens a file is text', '$\\openin1=x$', '\\$\\textbackslash{}openin1=x\\$'],
    ['math that changes catcodes is text', '$\\catcode`\\^=0$', '\\$\\textbackslash{}catcode`\\textbackslash{}\\textasciicircum{}=0\\$'],
    ['a percent in math (a comment) is text', '$50%$ off', '\\$50\\%\\$ off'],
    ['a ^^ escape in math is text', '$^^5cinput x$', '\\$\\textasciicircum{}\\textasciicircum{}5cinput x\\$'],
    ['a command that only starts like one is math', '$\\inputsize + \\readout$', '$\\inputsize + \\readout$'],
    ['ordinary math stays math', '$\\mathcal{O}(n^2) \\le \\alpha_{\\text{write}}$', '$\\mathcal{O}(n^2) \\le \\alpha_{\\text{write}}$'],
    [
      'accents',
      'Müller, Søren, Łódź, Café, naïve, Ångström, Straße',
      'M{\\"u}ller, S{\\o}ren, {\\L}{\\\'o}d{\\\'z}, Caf{\\\'e}, na{\\"i}ve, {\\r A}ngstr{\\"o}m, Stra{\\ss}e',
    ],
    ['caron and cedilla take a space', 'Dvořák, Façade', "Dvo{\\v r}{\\'a}k, Fa{\\c c}ade"],
    ['stacked accents nest', 'Ǘ', '{\\"{\\\'U}}'],
    ['decomposed input is composed first', 'Cafe\u0301', "Caf{\\'e}"],
    ['other scripts stay UTF-8', '大模型 Ωmega', '大模型 Ωmega'],
  ])('%s', (_name, input, expected) => {
    expect(escapeBibtex(input)).toBe(expected);
  });
});

describe('toBibtex', () => {
  it('writes arXiv @misc entries exactly', () => {
    const papers = [
      makePaper('2611.01234', {
        title: 'Ünified $\\mathcal{O}(1)$ Attention: 100% {Faster} & Better',
        authors: ['José Müller', 'Research and Development Team', 'Zoë  Ng'],
        publishedAt: '2026-11-18T23:30:00.000Z',
      }),
      makePaper('2512.00042', { title: 'The Art of #Hashtags', authors: ['Li Wei'], publishedAt: '2025-12-31T23:59:59.000Z' }),
    ];
    expect(toBibtex(papers)).toBe(
      [
        '@misc{muller2026unified,',
        '  title = {{\\"U}nified $\\mathcal{O}(1)$ Attention: 100\\% \\textbraceleft{}Faster\\textbraceright{} \\& Better},',
        '  author = {Jos{\\\'e} M{\\"u}ller and {Research and Development Team} and Zo{\\"e} Ng},',
        '  year = {2026},',
        '  eprint = {2611.01234},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2611.01234},',
        '}',
        '',
        '@misc{wei2025art,',
        '  title = {The Art of \\#Hashtags},',
        '  author = {Li Wei},',
        '  year = {2025},',
        '  eprint = {2512.00042},',
        '  archivePrefix = {arXiv},',
        '  url = {https://arxiv.org/abs/2512.00042},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps every one of many authors, joined by "and"', () => {
    const authors = Array.from({ length: 40 }, (_, i) => `Author${i} Surname${i}`);
    const bib = toBibtex([makePaper('2611.00001', { authors })]);
    expect(bib).toContain(`  author = {${authors.join(' and ')}},\n`);
    expect(bib.startsWith('@misc{surname02026paper,\n')).toBe(true);
  });

  it('a saved id without details still gives a citable entry', () => {
    expect(toBibtex([stubRecord('2611.00007', 5)])).toBe(
      '@misc{arxiv2026,\n  year = {2026},\n  eprint = {2611.00007},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/2611.00007},\n}\n',
    );
  });

  it('writes primaryClass when it is known', () => {
    expect(toBibtex([{ ...makePaper('2611.00001'), primaryClass: 'cs.CL' }])).toContain('  archivePrefix = {arXiv},\n  primaryClass = {cs.CL},\n  url = {');
  });

  it('one entry per paper even when a view lists it twice', () => {
    expect(toBibtex([makePaper('2611.00001'), makePaper('2611.00001')]).match(/@misc/g)).toHaveLength(1);
  });
});

describe('citationKeys', () => {
  it.each([
    [
      'arXiv style: family name, year, first significant word',
      [makePaper('2611.00001', { authors: ['Ashish Vaswani'], title: 'Attention Is All You Need' })],
      ['vaswani2026attention'],
    ],
    ['no author', [makePaper('2611.00001', { authors: [], title: 'On the Road' })], ['arxiv2026road']],
    ['a non-Latin name falls back', [makePaper('2611.00001', { authors: ['王伟'], title: '大模型' })], ['arxiv2026']],
    [
      'colliding keys all take their arXiv id, whatever the order',
      [makePaper('2611.00002', { title: 'Same' }), makePaper('2611.00001', { title: 'Same' }), makePaper('2611.00003', { title: 'Other' })],
      ['lovelace2026same-2611.00002', 'lovelace2026same-2611.00001', 'lovelace2026other'],
    ],
  ])('%s', (_name, papers, expected) => {
    expect(citationKeys(papers)).toEqual(expected);
  });
});

describe('JSON export', () => {
  it('is versioned and keeps papers with their marks, without internal bookkeeping', () => {
    const file = toExportFile(
      [record('2611.00001', { savedAt: 1000, readAt: 2000 }), record('2611.00002'), stubRecord('2611.00003', 3000), record('2611.00001')],
      Date.UTC(2026, 10, 26),
    );
    expect(file).toEqual({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-11-26T00:00:00.000Z',
      papers: [{ ...makePaper('2611.00001'), savedAt: 1000, readAt: 2000 }, makePaper('2611.00002')],
      savedWithoutDetails: [{ id: '2611.00003', savedAt: 3000 }],
    });
    expect(JSON.parse(toJson([record('2611.00001')], 0))).toMatchObject({ format: EXPORT_FORMAT, papers: [{ id: '2611.00001' }] });
  });
});
