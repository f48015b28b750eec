// Property-based tests of the validation of untrusted Daily Papers entries (lib/source/entry.ts):
// whatever the source sends, parsing never throws and accounts for every entry, and every
// entry in the real shape is accepted with its fields mapped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/preact';
import fc from 'fast-check';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfIso, utcDay } from '@/lib/core/dates';
import { PaperCard } from '@/components/shared/PaperCard';
import { dayKey } from '@/lib/store/listing-keys';
import { getPapers } from '@/lib/store/reads';
import { openPaperboyDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import { parseEntries, parseEntry, type Paper } from '@/lib/source/entry';
import { makeEntry, paperId } from '../../support/generate-papers.mjs';

const ARXIV_ID = /^\d{4}\.\d{4,5}$/;
/** An injected clock after every generated day (they reach 2099), so none is a future listing day. */
const NOW = Date.parse('2100-01-02T00:00:00Z');
const AT_NOW = { now: NOW };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------
// Well-formed entries, in the shape GET /api/daily_papers sends (see tests/support/generate-papers.mjs
// and the real captures in shared/fixtures/hf-api): required fields always, optional ones sometimes.

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const objectId = hex(24);
/** Any text, whitespace, control characters, other scripts and lone surrogates included. */
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const someText = fc.oneof(fc.string({ maxLength: 60 }), anyText);
/** Titles as they come: sometimes with runs of spaces, line breaks, tabs and Unicode spaces. */
const spacedText = fc
  .array(fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2003', 'Attention', 'LLM:', 'é', '—', '日本'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));
const titleText = fc.oneof(someText, spacedText).filter((title) => title.trim().length > 0);
const url = fc.webUrl();
const isoTime = fc
  .date({ min: new Date('1991-08-14T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const count = fc.nat({ max: 1_000_000 });
const arxivId = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.boolean(), fc.nat({ max: 99_999 })).map(([prefix, five, number]) => {
  const digits = five ? 5 : 4;
  return `${String(prefix).padStart(4, '0')}.${String(number % 10 ** digits).padStart(digits, '0')}`;
});

const hfUser = fc.record({
  _id: objectId,
  avatarUrl: url,
  isPro: fc.boolean(),
  fullname: someText,
  user: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  type: fc.constant('user'),
  name: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
});

const author = fc.record(
  {
    _id: objectId,
    user: hfUser,
    name: someText,
    status: fc.constantFrom('claimed_verified', 'admin_assigned'),
    statusLastChangedAt: isoTime,
    hidden: fc.boolean(),
  },
  { requiredKeys: ['_id', 'name', 'hidden'] },
);

const organization = fc.record({ _id: objectId, name: someText, fullname: someText, avatar: url });

const paperRecord = fc.record(
  {
    id: arxivId,
    authors: fc.array(author, { maxLength: 6 }),
    mediaUrls: fc.array(url, { maxLength: 3 }),
    publishedAt: isoTime,
    submittedOnDailyAt: isoTime,
    title: titleText,
    submittedOnDailyBy: hfUser,
    summary: someText,
    upvotes: count,
    discussionId: objectId,
    projectPage: url,
    githubRepo: url,
    githubRepoAddedBy: fc.constant('user'),
    ai_summary: someText,
    ai_keywords: fc.array(someText, { maxLength: 5 }),
    ai_summary_model: fc.constant('Qwen/Qwen2.5-Coder-32B-Instruct'),
    githubStars: count,
    organization,
    withdrawnAt: isoTime,
  },
  { requiredKeys: ['id', 'authors', 'publishedAt', 'submittedOnDailyAt', 'title', 'submittedOnDailyBy', 'summary', 'upvotes', 'discussionId'] },
);

/** An entry built by fast-check from the real shape. */
const builtEntry = paperRecord.chain((paper) =>
  fc.record(
    {
      paper: fc.constant(paper),
      publishedAt: isoTime,
      title: fc.constant(paper.title),
      summary: fc.constant(paper.summary),
      mediaUrls: fc.array(url, { maxLength: 3 }),
      thumbnail: fc.constant(`https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${paper.id}.png`),
      numComments: count,
      submittedBy: hfUser,
      organization,
      isAuthorParticipating: fc.boolean(),
    },
    { requiredKeys: ['paper', 'publishedAt', 'title', 'summary', 'thumbnail', 'numComments', 'submittedBy', 'isAuthorParticipating'] },
  ),
);

/** An entry from the project's own generator (the fixtures' and the fake API's), any day and seed. */
const generatedEntry = fc
  .record({
    day: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    index: fc.nat({ max: 3199 }),
    seed: fc.nat(),
  })
  .map(({ day, index, seed }) => makeEntry({ id: paperId(day, index), day, seed }) as unknown as Record<string, Json>);

const validEntry = fc.oneof(builtEntry as fc.Arbitrary<unknown>, generatedEntry) as fc.Arbitrary<Record<string, Json>>;

// ---------------------------------------------------------------------------------------------
// Broken entries: a valid one with fields deleted, nulled or replaced by arbitrary JSON, anywhere.

/** Every path to a value inside `value` (object keys and array indexes), parents before children. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key])]);
}

type Mutation = { at: number; op: 'delete' } | { at: number; op: 'null' } | { at: number; op: 'replace'; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }),
  fc.record({ at: fc.nat(), op: fc.constant('null' as const) }),
  fc.record({ at: fc.nat(), op: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }),
);

/** Applies the mutations to a copy; `at` picks among the paths that exist at that moment. */
function mutate(entry: Record<string, Json>, mutations: readonly Mutation[]): Json {
  const root: Json = structuredClone(entry);
  for (const change of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const path = paths[change.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], root);
    const key = path[path.length - 1]!;
    if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      parent[key] = change.op === 'null' ? null : change.value;
    }
  }
  return root;
}

const brokenEntry = fc.tuple(validEntry, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([entry, mutations]) => mutate(entry, mutations));

/** What any accepted paper must look like, whatever it came from. */
function expectSanePaper(paper: Paper): void {
  expect(paper.id).toMatch(ARXIV_ID);
  expect(paper.title.trim()).not.toBe('');
  expect(paper.title).not.toMatch(/\s\s|[\n\r\t]/);
  expect(Number.isInteger(paper.upvotes) && paper.upvotes >= 0).toBe(true);
  expect(Number.isInteger(paper.comments) && paper.comments >= 0).toBe(true);
  expect(paper.listedOn).toMatch(DAY);
  expect(paper.authors.every((name) => typeof name === 'string' && name !== '')).toBe(true);
}

// A fixed number of runs keeps this file around a second; a failure prints its seed to replay.
const RUNS = { numRuns: 150 };

describe('parseEntry / parseEntries on arbitrary input (properties)', () => {
  it('never throw on any value, and answer either a paper or a problem', () => {
    const anyValue = fc.oneof(
      fc.anything({
        withNullPrototype: true,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
      }),
      fc.jsonValue(),
      fc.record({ paper: fc.anything() }),
    );
    fc.assert(
      fc.property(anyValue, fc.nat({ max: 1000 }), (raw, index) => {
        const result = parseEntry(raw, index, AT_NOW);
        expect((result.paper === undefined) !== (result.problem === undefined)).toBe(true);
        if (result.problem !== undefined) expect(result.problem.startsWith(`entry ${index}: `)).toBe(true);
        if (result.paper) expectSanePaper(result.paper);
      }),
      RUNS,
    );
  });

  it('never throw on entries with fields deleted, nulled or replaced by any JSON', () => {
    fc.assert(
      fc.property(brokenEntry, (raw) => {
        const result = parseEntry(raw, 0, AT_NOW);
        expect((result.paper === undefined) !== (result.problem === undefined)).toBe(true);
        if (result.paper) expectSanePaper(result.paper);
      }),
      RUNS,
    );
  });

  it('account for every entry of a page: papers + skipped = entries, at most 5 reasons', () => {
    const page = fc.array(fc.oneof(validEntry, brokenEntry, fc.jsonValue() as fc.Arbitrary<Json>, fc.anything()), { maxLength: 12 });
    fc.assert(
      fc.property(page, (entries) => {
        const result = parseEntries(entries, AT_NOW);
        expect(result.papers.length + result.skipped).toBe(entries.length);
        expect(result.problems.length).toBe(Math.min(result.skipped, 5));
        expect(result.partialIds).toEqual(
          entries.flatMap((raw) => {
            const { paper, partial } = parseEntry(raw, 0, AT_NOW);
            return partial ? [paper!.id] : [];
          }),
        );
        // The accepted ones are exactly the entries parseEntry accepts, in order.
        expect(result.papers).toEqual(entries.flatMap((raw) => parseEntry(raw, 0, AT_NOW).paper ?? []));
      }),
      { numRuns: 60 },
    );
  });

  it('never throw on the JSON text of a broken page, however it parses', () => {
    fc.assert(
      fc.property(fc.array(brokenEntry, { maxLength: 5 }), (entries) => {
        const parsed = JSON.parse(JSON.stringify(entries)) as unknown[];
        const result = parseEntries(parsed);
        expect(result.papers.length + result.skipped).toBe(parsed.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('parseEntry on well-formed entries (properties)', () => {
  it('accepts every entry in the real shape, with id, title, upvotes and the rest mapped', () => {
    fc.assert(
      fc.property(validEntry, (raw) => {
        const source = raw as unknown as { paper: Record<string, any>; numComments: number; organization?: { name: string; fullname: string } };
        const { paper, problem, partial } = parseEntry(raw, 0, AT_NOW);
        expect(problem).toBeUndefined();
        expect(partial).toBe(false);
        expect(paper).toBeDefined();
        expect(paper!.id).toBe(source.paper.id);
        expect(paper!.title).toBe((source.paper.title as string).trim().slice(0, 2000).replace(/\s+/g, ' '));
        expect(paper!.upvotes).toBe(source.paper.upvotes);
        expect(paper!.comments).toBe(source.numComments);
        expect(paper!.abstract).toBe((source.paper.summary as string).trim().slice(0, 20_000));
        expect(paper!.listedOn).toBe(new Date(source.paper.submittedOnDailyAt as string).toISOString().slice(0, 10));
        expect(paper!.publishedAt).toBe(source.paper.publishedAt);
        expect(paper!.authors).toEqual((source.paper.authors as { name: string }[]).map((author) => author.name.trim()).filter(Boolean));
        expectSanePaper(paper!);
      }),
      RUNS,
    );
  });

  it('keeps the paper when only optional fields are wrong, dropping just those', () => {
    const optional: Path[] = [
      ['paper', 'githubRepo'],
      ['paper', 'githubStars'],
      ['paper', 'projectPage'],
      ['paper', 'ai_summary'],
      ['paper', 'ai_keywords'],
      ['paper', 'organization'],
      ['numComments'],
      ['thumbnail'],
      ['organization'],
      ['mediaUrls'],
      ['submittedBy'],
      ['paper', 'mediaUrls'],
      ['paper', 'discussionId'],
      ['paper', 'submittedOnDailyBy'],
    ];
    const changes = fc.array(fc.tuple(fc.constantFrom(...optional), fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>)), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(validEntry, changes, (entry, edits) => {
        const raw = structuredClone(entry) as Record<string, any>;
        for (const [path, value] of edits) {
          const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], raw);
          parent[path[path.length - 1]!] = value;
        }
        const { paper } = parseEntry(raw, 0, AT_NOW);
        expect(paper).toBeDefined();
        expect(paper!.id).toBe(entry.paper && (entry.paper as Record<string, Json>).id);
        expect(paper!.upvotes).toBe((entry.paper as Record<string, Json>).upvotes);
        if (typeof paper!.githubStars !== 'undefined') expect(Number.isInteger(paper!.githubStars) && paper!.githubStars >= 0).toBe(true);
        for (const field of ['githubRepo', 'projectPage', 'aiSummary', 'organization', 'thumbnail'] as const) {
          expect(['undefined', 'string']).toContain(typeof paper![field]);
        }
        expect(paper!.aiKeywords === undefined || paper!.aiKeywords.every((keyword) => typeof keyword === 'string')).toBe(true);
      }),
      RUNS,
    );
  });

  it('rejects, with a reason, an entry missing or nulling one of the required: the paper, its id, a title', () => {
    const required: Path[][] = [[['paper']], [['paper', 'id']], [['paper', 'title'], ['title']]];
    fc.assert(
      fc.property(validEntry, fc.constantFrom(...required), fc.boolean(), (entry, paths, remove) => {
        const raw = structuredClone(entry) as Record<string, any>;
        for (const path of paths) {
          const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], raw);
          if (remove) delete parent[path[path.length - 1]!];
          else parent[path[path.length - 1]!] = null;
        }
        const result = parseEntry(raw, 7, AT_NOW);
        expect(result.paper).toBeUndefined();
        expect(result.problem).toMatch(/^entry 7: /);
      }),
      RUNS,
    );
  });

  it('refuses any listing day after tomorrow (UTC), whatever the clock', () => {
    const clock = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(validEntry, clock, fc.integer({ min: 2, max: 40_000 }), (entry, now, ahead) => {
        const raw = structuredClone(entry) as Record<string, any>;
        raw.paper.submittedOnDailyAt = `${addDays(utcDay(now.getTime()), ahead)}T00:00:00.000Z`;
        const result = parseEntry(raw, 0, { now: now.getTime() });
        expect(result.paper).toBeUndefined();
        expect(result.problem).toMatch(/future day/);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Real captured entries (the committed fixtures, and the real API's captures when they are beside
// the project): whatever one field but the id and the title becomes, the paper is still stored
// and shown with its title.

const FIXTURES = join(__dirname, '../../fixtures');
const SHARED = join(__dirname, '../../../../shared/fixtures/hf-api');
const jsonFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => join(dir, name))
    : [];
const capturedEntries = [...jsonFiles(FIXTURES), ...jsonFiles(SHARED)].flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Json>[]);

/** One field anywhere in the entry, but not the paper itself, its id or its title, deleted, nulled or given any JSON. */
const oneFieldChanged = fc
  .tuple(
    fc.constantFrom(...capturedEntries),
    fc.nat(),
    fc.oneof(fc.constant<'delete'>('delete'), fc.constant(null), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
  )
  .map(([entry, at, change]) => {
    const raw = structuredClone(entry) as Record<string, any>;
    const paths = pathsOf(raw).filter((path) => !['paper', 'paper.id', 'paper.title'].includes(path.join('.')));
    const path = paths[at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], raw);
    const key = path[path.length - 1]!;
    if (change !== 'delete') parent[key] = change;
    else if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return { entry, raw, path: path.join('.') };
  });

describe('real captured entries with one field changed (properties)', () => {
  it('has entries to change', () => {
    expect(capturedEntries.length).toBeGreaterThan(0);
  });

  it('stores the paper and shows it with its title', async () => {
    const db = await openPaperboyDb();
    await fc.assert(
      fc.asyncProperty(oneFieldChanged, async ({ entry, raw, path }) => {
        const source = entry.paper as Record<string, string>;
        const day = dayOfIso(source.submittedOnDailyAt!)!;
        // A new value for the listing time that is itself a day after tomorrow is refused, rightly.
        const newDay =
          path === 'paper.submittedOnDailyAt' && typeof raw.paper.submittedOnDailyAt === 'string' ? dayOfIso(raw.paper.submittedOnDailyAt) : undefined;
        fc.pre(newDay === undefined || newDay <= addDays(utcDay(NOW), 1));
        const { paper, problem } = parseEntry(raw, 0, { day, now: NOW });
        expect(problem).toBeUndefined();
        await storeListing(db, { key: dayKey(paper!.listedOn), papers: [paper!], fetchedAt: NOW, mode: 'merge' });
        const [stored] = await getPapers(db, [source.id!]);
        expect(stored?.title).toBe(source.title!.trim().replace(/\s+/g, ' '));
        const { container, unmount } = render(h(PaperCard, { paper: stored!, isNew: false, full: true }));
        expect(container.querySelector('.paper-title')?.textContent).toContain(stored!.title);
        unmount();
      }),
      { numRuns: 80 },
    );
  });
});
