import * as v from 'valibot';
import { addDays, dayOfIso, isDay, utcDay } from '../core/dates';
import { ARXIV_ID } from '../core/arxiv-id';
import { hfMediaUrl, isHfUserName } from '../core/hf-urls';

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
  /** The source gave no listing day and none was asked for: `listedOn` is the arXiv day. Not stored. */
  listedOnGuessed?: true;
  upvotes: number;
  comments: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  thumbnail?: string;
  /** The paper's images and videos, on Hugging Face's hosts only (lib/core/hf-urls.ts). */
  mediaUrls?: string[];
  /** Who put it on Daily Papers. */
  submitter?: Submitter;
}

/** A Hugging Face user: `name` is checked (it goes into a link), `avatarUrl` is on Hugging Face. */
interface Submitter {
  name: string;
  fullname?: string;
  avatarUrl?: string;
}

export interface ValidationResult {
  papers: Paper[];
  /** Entries that failed validation; never fatal for the others. */
  skipped: number;
  /** Ids of the entries kept with some field missing or unreadable, that field given a stand-in. */
  partialIds: string[];
  /** A few reasons, for the sync details. */
  problems: string[];
}

/** What an entry is read against: the listing day asked for (the stand-in for a missing one) and the clock. */
export interface EntryContext {
  day?: string;
  now?: number;
}

const MAX_TEXT = 20_000;
const MAX_SHORT = 1_000;
const MAX_NAME = 300;
// Big collaborations list thousands of authors; the card shows three and a count, search needs the first ones.
const MAX_AUTHORS = 200;
const MAX_KEYWORDS = 30;
const MAX_MEDIA = 8;
/** Reasons kept per page, and the length of each: they come from the source's own keys. */
const MAX_PROBLEMS = 5;
const MAX_PROBLEM_TEXT = 200;

// Over-long text is cut, not refused: a paper with a runaway abstract is still a paper.
const cut = (value: string, max: number) => value.trim().slice(0, max);
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((value) => cut(value, max)),
  );
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** An optional field of the wrong type is dropped, not fatal: the paper is still worth showing. */
const lenient = <T extends v.GenericSchema>(schema: T) => v.fallback(v.optional(schema), undefined);

const OrganizationSchema = v.object({
  name: v.optional(text(MAX_SHORT)),
  fullname: v.optional(text(MAX_SHORT)),
});

// Only the id and a title are required; every other field is read on its own (readPaper), so
// one field the source drops or retypes costs that field, never the paper.
const PaperSchema = v.object({
  // New-style arXiv ids only: they go into URL paths, so nothing looser is accepted.
  id: v.pipe(v.string(), v.regex(ARXIV_ID, 'not an arXiv id')),
  title: v.optional(v.unknown()),
  summary: v.optional(v.unknown()),
  authors: v.optional(v.unknown()),
  publishedAt: v.optional(v.unknown()),
  submittedOnDailyAt: v.optional(v.unknown()),
  upvotes: v.optional(v.unknown()),
  githubRepo: lenient(text(MAX_SHORT)),
  githubStars: lenient(count),
  projectPage: lenient(text(MAX_SHORT)),
  ai_summary: lenient(text(MAX_TEXT)),
  ai_keywords: lenient(v.array(v.unknown())),
  organization: lenient(OrganizationSchema),
  mediaUrls: v.optional(v.unknown()),
  submittedOnDailyBy: v.optional(v.unknown()),
});

const EntrySchema = v.object({
  paper: PaperSchema,
  title: v.optional(v.unknown()),
  summary: v.optional(v.unknown()),
  numComments: v.optional(v.unknown()),
  thumbnail: lenient(text(MAX_SHORT)),
  organization: lenient(OrganizationSchema),
  mediaUrls: v.optional(v.unknown()),
  submittedBy: v.optional(v.unknown()),
});

type Entry = v.InferOutput<typeof EntrySchema>;

function blankToUndefined(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

/** A count as the source may write it: an integer, or a numeric string ('12'); undefined otherwise. */
function readCount(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return undefined;
  return Math.min(Math.floor(number), Number.MAX_SAFE_INTEGER);
}

/** The listing day of an ISO time, when it is one (a real calendar day, four-digit year). */
function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = dayOfIso(value);
  return day !== undefined && isDay(day) ? day : undefined;
}

function readAuthors(value: unknown): { authors: string[]; complete: boolean } {
  if (!Array.isArray(value)) return { authors: [], complete: false };
  const authors: string[] = [];
  let complete = true;
  for (const author of value.slice(0, MAX_AUTHORS)) {
    const name = (author as { name?: unknown } | null)?.name;
    if (typeof name === 'string') {
      const trimmed = cut(name, MAX_NAME);
      if (trimmed) authors.push(trimmed);
    } else {
      complete = false;
    }
  }
  return { authors, complete };
}

function readKeywords(value: readonly unknown[] | undefined): string[] | undefined {
  const keywords = value
    ?.filter((keyword): keyword is string => typeof keyword === 'string')
    .map((keyword) => cut(keyword, MAX_SHORT))
    .filter(Boolean)
    .slice(0, MAX_KEYWORDS);
  return keywords && keywords.length > 0 ? keywords : undefined;
}

/** The entry's and the paper's media, each once, on Hugging Face's hosts; any other item is left out. */
function readMedia(...lists: unknown[]): string[] | undefined {
  const kept = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const href = hfMediaUrl(item);
      if (href && kept.size < MAX_MEDIA) kept.add(href);
    }
  }
  return kept.size > 0 ? [...kept] : undefined;
}

/** The submitter, when its name can be linked to; the full name and avatar only when they read well. */
function readSubmitter(...users: unknown[]): Submitter | undefined {
  for (const user of users) {
    const { name, fullname, avatarUrl } = (typeof user === 'object' && user !== null ? user : {}) as Record<string, unknown>;
    if (!isHfUserName(name)) continue;
    const full = typeof fullname === 'string' ? cut(fullname, MAX_NAME) : '';
    const avatar = hfMediaUrl(avatarUrl);
    return { name, ...(full ? { fullname: full } : {}), ...(avatar ? { avatarUrl: avatar } : {}) };
  }
  return undefined;
}

type Read = { paper: Paper; partial: boolean } | { problem: string };

const OPTIONAL_PAPER_FIELDS = ['githubRepo', 'githubStars', 'projectPage', 'ai_summary', 'ai_keywords', 'organization'] as const;
const OPTIONAL_ENTRY_FIELDS = ['thumbnail', 'organization'] as const;

/** Whether an optional field was sent with a value that had to be dropped or retyped (null counts as not sent). */
function droppedOptional(raw: { paper: Record<string, unknown> } & Record<string, unknown>, entry: Entry): boolean {
  const dropped = (sent: unknown, kept: unknown) => sent !== undefined && sent !== null && kept === undefined;
  return (
    OPTIONAL_PAPER_FIELDS.some((key) => dropped(raw.paper[key], entry.paper[key])) ||
    OPTIONAL_ENTRY_FIELDS.some((key) => dropped(raw[key], entry[key])) ||
    // Like upvotes: a count that had to be read from text or rounded is one the source retyped.
    (raw.numComments != null && readCount(raw.numComments) !== raw.numComments)
  );
}

function readPaper(entry: Entry, raw: Parameters<typeof droppedOptional>[0], context: EntryContext): Read {
  const { paper } = entry;
  const titleText = [paper.title, entry.title].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (titleText === undefined) return { problem: 'paper.title: no title' };
  const summary = [paper.summary, entry.summary].find((value): value is string => typeof value === 'string');
  const { authors, complete: authorsComplete } = readAuthors(paper.authors);
  const upvotes = readCount(paper.upvotes);
  const submittedDay = dayOf(paper.submittedOnDailyAt);
  const publishedDay = dayOf(paper.publishedAt);
  // A missing listing day is the one asked for; with none asked (latest, week, month, by id), the arXiv day.
  const listedOn = submittedDay ?? context.day ?? publishedDay;
  if (listedOn === undefined) return { problem: 'paper.submittedOnDailyAt: no listing day' };
  // A day after tomorrow would become "Today", the badge's day, and outlive retention.
  const latest = addDays(utcDay(context.now ?? Date.now()), 1);
  if (listedOn > latest) return { problem: `paper.submittedOnDailyAt: listed on a future day (${listedOn})` };
  const publishedOk = publishedDay !== undefined && publishedDay <= latest;
  const org = paper.organization ?? entry.organization;
  return {
    partial:
      paper.title !== titleText ||
      typeof paper.summary !== 'string' ||
      !authorsComplete ||
      upvotes !== paper.upvotes ||
      !submittedDay ||
      !publishedOk ||
      droppedOptional(raw, entry),
    paper: {
      id: paper.id,
      title: cut(titleText, MAX_SHORT * 2).replace(/\s+/g, ' '),
      abstract: summary === undefined ? '' : cut(summary, MAX_TEXT),
      authors,
      organization: blankToUndefined(org?.fullname || org?.name),
      publishedAt: publishedOk ? (paper.publishedAt as string) : `${listedOn}T00:00:00.000Z`,
      listedOn,
      upvotes: upvotes ?? 0,
      comments: readCount(entry.numComments) ?? 0,
      githubRepo: blankToUndefined(paper.githubRepo),
      githubStars: paper.githubStars,
      projectPage: blankToUndefined(paper.projectPage),
      aiSummary: blankToUndefined(paper.ai_summary),
      aiKeywords: readKeywords(paper.ai_keywords),
      thumbnail: hfMediaUrl(entry.thumbnail),
      mediaUrls: readMedia(entry.mediaUrls, paper.mediaUrls),
      submitter: readSubmitter(entry.submittedBy, paper.submittedOnDailyBy),
      ...(submittedDay === undefined && context.day === undefined ? { listedOnGuessed: true as const } : {}),
    },
  };
}

function describeIssue(issues: v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  const path = first?.path?.map((item) => String(item.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${first?.message ?? 'invalid'}`;
}

/**
 * Checks one entry: a paper (`partial` when some field had to be given a stand-in), or the
 * reason it cannot be used.
 */
export function parseEntry(raw: unknown, index = 0, context: EntryContext = {}): { paper?: Paper; partial?: boolean; problem?: string } {
  const result = v.safeParse(EntrySchema, raw);
  // Parsed, the entry is an object with a `paper` object.
  const read: Read = result.success
    ? readPaper(result.output, raw as Parameters<typeof droppedOptional>[0], context)
    : { problem: describeIssue(result.issues) };
  if ('problem' in read) return { problem: `entry ${index}: ${read.problem}`.slice(0, MAX_PROBLEM_TEXT) };
  return read;
}

/** Validates a page of entries: bad ones are skipped and counted, good ones normalised. */
export function parseEntries(entries: readonly unknown[], context: EntryContext = {}): ValidationResult {
  const result: ValidationResult = { papers: [], skipped: 0, partialIds: [], problems: [] };
  entries.forEach((raw, index) => {
    const { paper, partial, problem } = parseEntry(raw, index, context);
    if (paper) {
      result.papers.push(paper);
      if (partial) result.partialIds.push(paper.id);
    } else {
      result.skipped += 1;
      if (result.problems.length < MAX_PROBLEMS && problem) result.problems.push(problem);
    }
  });
  return result;
}
