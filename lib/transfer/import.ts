// Reads a Paperboy JSON export back: validated whole before anything is written.
import * as v from 'valibot';
import { isDay } from '../core/dates';
import { ARXIV_ID } from '../core/arxiv-id';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedSavedId } from './export-format';
import type { ImportedPaper } from '../saved/store';

const MAX_TEXT = 20_000;
const MAX_SHORT = 2_000;
/** A year of papers is about 25k; well above it, the file is not one of ours. */
const MAX_PAPERS = 200_000;
/**
 * Files larger than this are refused before they are read: a year of saved papers is a few
 * MB, and the whole file travels to the background in one message (Chrome's cap is 64 MB).
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export const tooLargeToImport = (file: Pick<Blob, 'size'>) => file.size > MAX_IMPORT_BYTES;

/** An arXiv id as Paperboy keys papers (new-style ids only: they go into URL paths). */
export const PaperIdSchema = v.pipe(v.string(), v.regex(ARXIV_ID, 'not an arXiv id'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.integer(), v.minValue(1));
const isoTime = v.pipe(
  v.string(),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'not a date'),
);

/** As lib/source/entry.ts keeps them; the links are checked again where they are shown (hf-urls.ts). */
const MAX_MEDIA = 8;
const MAX_NAME = 300;
const SubmitterSchema = v.object({
  name: text(MAX_NAME),
  fullname: v.optional(text(MAX_NAME)),
  avatarUrl: v.optional(text(MAX_SHORT)),
});

const PaperSchema = v.object({
  id: PaperIdSchema,
  title: v.pipe(text(MAX_SHORT), v.nonEmpty('empty')),
  abstract: text(MAX_TEXT),
  authors: v.array(text(MAX_SHORT)),
  organization: v.optional(text(MAX_SHORT)),
  publishedAt: isoTime,
  listedOn: v.pipe(v.string(), v.check(isDay, 'not a day (YYYY-MM-DD)')),
  upvotes: count,
  comments: count,
  githubRepo: v.optional(text(MAX_SHORT)),
  githubStars: v.optional(count),
  projectPage: v.optional(text(MAX_SHORT)),
  aiSummary: v.optional(text(MAX_TEXT)),
  aiKeywords: v.optional(v.array(text(MAX_SHORT))),
  thumbnail: v.optional(text(MAX_SHORT)),
  mediaUrls: v.optional(v.pipe(v.array(text(MAX_SHORT)), v.maxLength(MAX_MEDIA, `more than ${MAX_MEDIA} media`))),
  submitter: v.optional(SubmitterSchema),
  savedAt: v.optional(time),
  readAt: v.optional(time),
});

const SavedIdSchema = v.object({ id: PaperIdSchema, savedAt: time, readAt: v.optional(time) });

const FileSchema = v.object({
  format: v.literal(EXPORT_FORMAT, 'not a Paperboy export'),
  version: v.literal(EXPORT_VERSION, `only version ${EXPORT_VERSION} can be read`),
  exportedAt: v.optional(v.string()),
  papers: v.pipe(v.array(PaperSchema), v.maxLength(MAX_PAPERS, 'too many papers')),
  savedWithoutDetails: v.optional(v.pipe(v.array(SavedIdSchema), v.maxLength(MAX_PAPERS, 'too many saved ids')), []),
});

/** What an import request carries to the background: the checked file's papers and saved ids. */
export const ImportPayloadSchema = v.object({
  papers: FileSchema.entries.papers,
  savedIds: v.pipe(v.array(SavedIdSchema), v.maxLength(MAX_PAPERS, 'too many saved ids')),
});

export type ImportParse =
  | { ok: true; papers: ImportedPaper[]; savedIds: ExportedSavedId[] }
  /** `detail` says where and why, in the validator's words (a path such as `papers.3.id`). */
  | { ok: false; error: 'not-json' | 'invalid'; detail?: string };

export function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  const path = first?.path?.map((item) => String(item.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${first?.message ?? 'invalid'}`;
}

/** Later of two optional times. */
const later = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/**
 * Parses and checks an export. All or nothing: one bad paper makes the whole file an error
 * (with where and why), so a damaged file never half-imports. A paper listed twice is one.
 */
export function parseImport(raw: string): ImportParse {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const result = v.safeParse(FileSchema, json);
  if (!result.success) return { ok: false, error: 'invalid', detail: describeIssues(result.issues) };
  const byId = new Map<string, ImportedPaper>();
  for (const paper of result.output.papers) {
    const before = byId.get(paper.id);
    const clean = Object.fromEntries(Object.entries(paper).filter(([, value]) => value !== undefined)) as unknown as ImportedPaper;
    if (!before) byId.set(paper.id, clean);
    else byId.set(paper.id, { ...before, savedAt: later(before.savedAt, paper.savedAt), readAt: later(before.readAt, paper.readAt) });
  }
  for (const paper of byId.values()) {
    if (paper.savedAt === undefined) delete paper.savedAt;
    if (paper.readAt === undefined) delete paper.readAt;
  }
  const savedIds = result.output.savedWithoutDetails.filter((saved) => !byId.has(saved.id));
  return { ok: true, papers: [...byId.values()], savedIds };
}
