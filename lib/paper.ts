import * as v from 'valibot';
import { dayOfIso } from './dates';

/** One paper as Paperboy stores and shows it, normalised from a Daily Papers entry. */
export interface Paper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  organization?: string;
  /** arXiv publication time, ISO. */
  publishedAt: string;
  /** The Daily Papers listing day, `YYYY-MM-DD` (UTC). */
  listedOn: string;
  upvotes: number;
  comments: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  thumbnail?: string;
}

export interface ValidationResult {
  papers: Paper[];
  /** Entries that failed validation; never fatal for the others. */
  skipped: number;
  /** A few reasons, for the sync details. */
  problems: string[];
}

// New-style arXiv ids only: they go into URL paths, so nothing looser is accepted.
const ARXIV_ID = /^\d{4}\.\d{4,5}$/;
const MAX_TEXT = 20_000;
const MAX_SHORT = 1_000;

// Over-long text is cut, not refused: a paper with a runaway abstract is still a paper.
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((value) => value.slice(0, max)),
  );
const nonEmptyText = (max: number) => v.pipe(text(max), v.nonEmpty());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const isoTime = v.pipe(
  v.string(),
  v.check((value) => dayOfIso(value) !== undefined, 'not a date'),
);
/** An optional field of the wrong type is dropped, not fatal: the paper is still worth showing. */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

const OrganizationSchema = v.object({
  name: v.optional(text(MAX_SHORT)),
  fullname: v.optional(text(MAX_SHORT)),
});

const PaperSchema = v.object({
  id: v.pipe(v.string(), v.regex(ARXIV_ID, 'not an arXiv id')),
  title: nonEmptyText(MAX_SHORT * 2),
  summary: text(MAX_TEXT),
  authors: v.array(v.object({ name: v.string() })),
  publishedAt: isoTime,
  submittedOnDailyAt: isoTime,
  upvotes: count,
  githubRepo: lenient(text(MAX_SHORT)),
  githubStars: lenient(count),
  projectPage: lenient(text(MAX_SHORT)),
  ai_summary: lenient(text(MAX_TEXT)),
  ai_keywords: lenient(v.array(text(MAX_SHORT))),
  organization: lenient(OrganizationSchema),
});

const EntrySchema = v.object({
  paper: PaperSchema,
  numComments: lenient(count),
  thumbnail: lenient(text(MAX_SHORT)),
  organization: lenient(OrganizationSchema),
});

type Entry = v.InferOutput<typeof EntrySchema>;

function blankToUndefined(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

function toPaper(entry: Entry): Paper {
  const { paper } = entry;
  const org = paper.organization ?? entry.organization;
  const keywords = paper.ai_keywords?.filter(Boolean);
  return {
    id: paper.id,
    title: paper.title.replace(/\s+/g, ' '),
    abstract: paper.summary,
    authors: paper.authors.map((author) => author.name.trim()).filter(Boolean),
    organization: blankToUndefined(org?.fullname || org?.name),
    publishedAt: paper.publishedAt,
    listedOn: dayOfIso(paper.submittedOnDailyAt)!,
    upvotes: paper.upvotes,
    comments: entry.numComments ?? 0,
    githubRepo: blankToUndefined(paper.githubRepo),
    githubStars: paper.githubStars,
    projectPage: blankToUndefined(paper.projectPage),
    aiSummary: blankToUndefined(paper.ai_summary),
    aiKeywords: keywords && keywords.length > 0 ? keywords : undefined,
    thumbnail: blankToUndefined(entry.thumbnail),
  };
}

function describeIssue(index: number, issues: v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  const path = first?.path?.map((item) => String(item.key)).join('.') ?? '';
  return `entry ${index}: ${path ? `${path}: ` : ''}${first?.message ?? 'invalid'}`;
}

/** Checks one entry; `undefined` with a reason when it cannot be used. */
export function parseEntry(raw: unknown, index = 0): { paper?: Paper; problem?: string } {
  const result = v.safeParse(EntrySchema, raw);
  if (!result.success) return { problem: describeIssue(index, result.issues) };
  return { paper: toPaper(result.output) };
}

/** Validates a page of entries: bad ones are skipped and counted, good ones normalised. */
export function parseEntries(entries: readonly unknown[]): ValidationResult {
  const result: ValidationResult = { papers: [], skipped: 0, problems: [] };
  entries.forEach((raw, index) => {
    const { paper, problem } = parseEntry(raw, index);
    if (paper) {
      result.papers.push(paper);
    } else {
      result.skipped += 1;
      if (result.problems.length < 5 && problem) result.problems.push(problem);
    }
  });
  return result;
}
