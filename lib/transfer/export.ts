// Exports: BibTeX (arXiv @misc entries) and Paperboy's versioned JSON. Pure functions.
import type { PaperRecord } from '../store/records';
import type { Paper } from '../source/entry';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ExportedPaper } from './export-format';

/** A record with details, or only an id (see saved-store's stubs: no upvote history yet). */
const hasDetails = (paper: PaperRecord) => paper.upvoteHistory.length > 0;

const PAPER_FIELDS = [
  'id',
  'title',
  'abstract',
  'authors',
  'organization',
  'publishedAt',
  'listedOn',
  'upvotes',
  'comments',
  'githubRepo',
  'githubStars',
  'projectPage',
  'aiSummary',
  'aiKeywords',
  'thumbnail',
  'mediaUrls',
  'submitter',
  'savedAt',
  'readAt',
] as const satisfies readonly (keyof ExportedPaper)[];

/** Paperboy's own JSON: the papers as shown, with their saved and read marks. */
export function toExportFile(papers: readonly PaperRecord[], now: number): ExportFile {
  const unique = uniqueById(papers);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    papers: unique.filter(hasDetails).map((paper) => {
      const out: Record<string, unknown> = {};
      for (const field of PAPER_FIELDS) if (paper[field] !== undefined) out[field] = paper[field];
      return out as unknown as ExportedPaper;
    }),
    savedWithoutDetails: unique
      .filter((paper) => !hasDetails(paper) && paper.savedAt !== undefined)
      .map((paper) => ({ id: paper.id, savedAt: paper.savedAt!, ...(paper.readAt !== undefined ? { readAt: paper.readAt } : {}) })),
  };
}

export function toJson(papers: readonly PaperRecord[], now: number): string {
  return `${JSON.stringify(toExportFile(papers, now), null, 2)}\n`;
}

function uniqueById<T extends { id: string }>(papers: readonly T[]): T[] {
  const seen = new Set<string>();
  return papers.filter((paper) => !seen.has(paper.id) && Boolean(seen.add(paper.id)));
}

// ---------------------------------------------------------------------------------------------
// BibTeX

/** Combining marks (after NFD) and the LaTeX accent commands that write them. */
const ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0304': '=',
  '\u0306': 'u',
  '\u0307': '.',
  '\u0308': '"',
  '\u030A': 'r',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0327': 'c',
  '\u0328': 'k',
};
/** Letters that are not a base letter plus an accent. */
const LETTERS: Record<string, string> = {
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ł: '{\\l}',
  Ł: '{\\L}',
  ı: '{\\i}',
  đ: '{\\dj}',
  Đ: '{\\DJ}',
};
/**
 * Characters special to (La)TeX outside math. Braces become commands rather than `\{`:
 * BibTeX counts every brace, escaped or not, so a lone `\{` would break the entry.
 */
const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

function escapeChar(char: string): string {
  const special = SPECIAL[char] ?? LETTERS[char];
  if (special) return special;
  const [base, ...marks] = char.normalize('NFD');
  const commands = marks.map((mark) => ACCENTS[mark]);
  // Only Latin letters with accents LaTeX can write are converted; anything else stays UTF-8.
  if (marks.length === 0 || !base || !/[A-Za-z]/.test(base) || commands.some((command) => !command)) return char;
  return commands.reduceRight<string>((inner, command) => `{\\${command}${/[a-z]/i.test(command!) ? ' ' : ''}${inner}}`, base);
}

const balanced = (text: string) => {
  let depth = 0;
  for (const char of text) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
};

/**
 * What a title's math never needs and a LaTeX run would obey: file and terminal access
 * (`\input`, `\write`, `\openin`…), catcode or macro changes, `^^` (TeX reads `^^5c` as a
 * backslash) and `%` (it comments out the rest of the line, closing brace and dollar included).
 */
const UNSAFE_IN_MATH = /\\(?:input|include|write|openin|openout|read|immediate|catcode|def|edef|gdef|xdef|let|csname|special)(?![A-Za-z])|\^\^|%/;

/**
 * Text for a BibTeX field: inline math (`$…$` with balanced braces, as arXiv titles carry it)
 * is kept as written, unless it holds what math never needs (UNSAFE_IN_MATH); outside it TeX's
 * special characters are escaped and accented Latin letters become accent commands.
 */
export function escapeBibtex(text: string): string {
  let out = '';
  let rest = text.normalize('NFC');
  while (rest) {
    const math = /^\$[^$]+\$/.exec(rest);
    if (math) {
      // A span that cannot be math (unbalanced braces) or is not only math is text, both
      // dollars included, so its closing dollar does not open a span of its own.
      const span = math[0];
      out += balanced(span) && !span.endsWith('\\$') && !UNSAFE_IN_MATH.test(span) ? span : [...span].map(escapeChar).join('');
      rest = rest.slice(span.length);
      continue;
    }
    const [char] = rest;
    out += escapeChar(char!);
    rest = rest.slice(char!.length);
  }
  return out;
}

/** One author for `author = {A and B}`: a name with the word "and" in it is kept whole. */
function bibtexAuthor(name: string): string {
  const escaped = escapeBibtex(name.replace(/\s+/g, ' ').trim());
  return /(^|\s)and(\s|$)/i.test(name) ? `{${escaped}}` : escaped;
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'with', 'via', 'is', 'are', 'do', 'does', 'from', 'by', 'at', 'as']);

/** ASCII letters and digits only, lowercase: what a citation key can safely hold. */
function keyPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The year of an arXiv id (`2611.01234` → 2026), for papers with no date stored. */
function yearOfId(id: string): string {
  return `20${id.slice(0, 2)}`;
}

export function yearOf(paper: Pick<Paper, 'id' | 'publishedAt'>): string {
  const time = Date.parse(paper.publishedAt);
  return Number.isNaN(time) ? yearOfId(paper.id) : String(new Date(time).getUTCFullYear());
}

/** arXiv's style of key: first author's family name, year, first significant title word. */
function baseKey(paper: ExportedPaperLike): string {
  const author = keyPart(paper.authors[0]?.trim().split(/\s+/).pop() ?? '') || 'arxiv';
  const title = paper.title && hasTitle(paper) ? paper.title : '';
  const word =
    title
      .split(/\s+/)
      .map(keyPart)
      .find((part) => part && !STOP_WORDS.has(part)) ?? '';
  return `${author}${yearOf(paper)}${word}`;
}

type ExportedPaperLike = Pick<Paper, 'id' | 'publishedAt' | 'authors'> & { title?: string };

/**
 * Citation keys, unique and independent of order: papers whose arXiv-style keys collide
 * all get their arXiv id appended (ids are unique).
 */
export function citationKeys(papers: readonly ExportedPaperLike[]): string[] {
  const bases = papers.map(baseKey);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  return bases.map((base, index) => ((counts.get(base) ?? 0) > 1 ? `${base}-${papers[index]!.id}` : base));
}

export interface BibtexPaper extends ExportedPaperLike {
  /** arXiv's primary category (`cs.CL`) when known; the Daily Papers API does not give it. */
  primaryClass?: string;
}

/** One `@misc` entry per paper, as arXiv writes them, separated by blank lines. */
export function toBibtex(papers: readonly BibtexPaper[]): string {
  const unique = uniqueById(papers);
  const keys = citationKeys(unique);
  return unique
    .map((paper, index) => {
      const fields: [string, string][] = [];
      if (paper.title && hasTitle(paper)) fields.push(['title', escapeBibtex(paper.title)]);
      if (paper.authors.length > 0) fields.push(['author', paper.authors.map(bibtexAuthor).join(' and ')]);
      fields.push(['year', yearOf(paper)], ['eprint', paper.id], ['archivePrefix', 'arXiv']);
      if (paper.primaryClass) fields.push(['primaryClass', escapeBibtex(paper.primaryClass)]);
      fields.push(['url', `https://arxiv.org/abs/${paper.id}`]);
      return `@misc{${keys[index]},\n${fields.map(([name, value]) => `  ${name} = {${value}},\n`).join('')}}\n`;
    })
    .join('\n');
}

/** A stub's placeholder title ("arXiv:<id>") is not a title. */
function hasTitle(paper: ExportedPaperLike): boolean {
  return paper.title !== `arXiv:${paper.id}`;
}
