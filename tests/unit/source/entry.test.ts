import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, utcDay } from '@/lib/core/dates';
import { parseEntries, parseEntry } from '@/lib/source/entry';
import { makeDay, makeEntry } from '../../support/generate-papers.mjs';

const DAY = '2026-11-20';
/** An injected clock: the day after DAY, so DAY is a past listing day. */
const NOW = Date.parse('2026-11-21T09:00:00Z');
const entry = (overrides: Record<string, unknown> = {}) => makeEntry({ id: '2611.01234', day: DAY, seed: 7, ...overrides });

describe('parseEntry', () => {
  it('normalises an entry into a Paper with every field mapped', () => {
    const raw = entry({
      title: 'Attention Is Still\n  All You Need',
      summary: 'An abstract.\nWith lines.',
      upvotes: 42,
      numComments: 3,
      githubRepo: 'https://github.com/org/repo',
      githubStars: 1200,
      projectPage: 'https://project.example',
      ai_summary: 'AI summary.',
      ai_keywords: ['attention', 'transformers'],
      organization: { _id: 'x', name: 'acme', fullname: 'ACME Research', avatar: 'https://cdn/x.png' },
      submittedBy: { _id: 'u', name: 'ada-l', fullname: 'Ada L.', avatarUrl: '/avatars/ada.svg', type: 'user' },
      paper: {
        authors: [
          { _id: 'a', name: 'Ada Lovelace', hidden: false },
          { _id: 'b', name: ' Alan Turing ', hidden: false },
        ],
        publishedAt: '2026-11-17T00:00:00.000Z',
      },
    });
    expect(parseEntry(raw).paper).toEqual({
      id: '2611.01234',
      title: 'Attention Is Still All You Need',
      abstract: 'An abstract.\nWith lines.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      organization: 'ACME Research',
      publishedAt: '2026-11-17T00:00:00.000Z',
      listedOn: DAY,
      upvotes: 42,
      comments: 3,
      githubRepo: 'https://github.com/org/repo',
      githubStars: 1200,
      projectPage: 'https://project.example',
      aiSummary: 'AI summary.',
      aiKeywords: ['attention', 'transformers'],
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.01234.png',
      submitter: { name: 'ada-l', fullname: 'Ada L.', avatarUrl: 'https://huggingface.co/avatars/ada.svg' },
    });
  });

  it('accepts an entry without any optional field', () => {
    const raw = entry({
      githubRepo: undefined,
      githubStars: undefined,
      projectPage: undefined,
      ai_summary: undefined,
      ai_keywords: undefined,
      organization: undefined,
      mediaUrls: undefined,
    });
    const paper = parseEntry(raw).paper!;
    expect(paper.id).toBe('2611.01234');
    expect(paper.githubRepo).toBeUndefined();
    expect(paper.organization).toBeUndefined();
    expect(paper.aiKeywords).toBeUndefined();
  });

  it('ignores unknown extra fields', () => {
    expect(parseEntry(entry({ paper: { brandNewField: { x: 1 } }, somethingElse: [1, 2] })).paper?.id).toBe('2611.01234');
  });

  it.each([
    ['a wrong-typed optional number', { githubStars: 'many' }, 'githubStars', true],
    ['a wrong-typed optional string', { projectPage: 42 }, 'projectPage', true],
    ['keywords that are not a list', { ai_keywords: 'a, b' }, 'aiKeywords', true],
    ['a thumbnail that is not text', { thumbnail: {} }, 'thumbnail', true],
    // null is how JSON says "none": not malformed.
    ['a null organization', { organization: null }, 'organization', false],
    ['a null GitHub repository', { githubRepo: null }, 'githubRepo', false],
  ] as const)('drops %s but keeps the paper', (_name, overrides, field, partial) => {
    const result = parseEntry(entry(overrides), 0, { now: NOW });
    expect(result.paper).toBeDefined();
    expect(result.paper![field]).toBeUndefined();
    expect(result.partial).toBe(partial);
  });

  it('reads comments written as a numeric string, other text as none; either is partly malformed', () => {
    expect(parseEntry(entry({ numComments: '3' }), 0, { now: NOW })).toMatchObject({ paper: { comments: 3 }, partial: true });
    expect(parseEntry(entry({ numComments: 'a few' }), 0, { now: NOW })).toMatchObject({ paper: { comments: 0 }, partial: true });
  });

  it.each([
    ['a missing id', { paper: { id: undefined } }],
    ['a non-arXiv id', { paper: { id: '../../etc/passwd' } }],
    ['a numeric id', { paper: { id: 2611.01234 } }],
    ['an empty title', { title: '   ' }],
    ['a null title', { title: null }],
    ['a title that is not text', { title: 42 }],
    ['no listing day and no arXiv time', { paper: { submittedOnDailyAt: undefined, publishedAt: undefined } }],
  ])('rejects an entry with %s, with a reason', (_name, overrides) => {
    const result = parseEntry(entry(overrides), 3);
    expect(result.paper).toBeUndefined();
    expect(result.problem).toMatch(/^entry 3: /);
  });

  // Only the id and the title are required: any other field the source drops or retypes is
  // given a stand-in and the entry counted as partly malformed, never hidden.
  it.each([
    ['upvotes as a numeric string', { upvotes: '12' }, { upvotes: 12 }],
    ['upvotes as other text', { upvotes: 'many' }, { upvotes: 0 }],
    ['negative upvotes', { upvotes: -1 }, { upvotes: 0 }],
    ['fractional upvotes', { upvotes: 1.5 }, { upvotes: 1 }],
    ['null upvotes', { upvotes: null }, { upvotes: 0 }],
    ['no authors', { paper: { authors: undefined } }, { authors: [] }],
    ['authors that are not a list', { paper: { authors: 'Ada' } }, { authors: [] }],
    ['an author without a name', { paper: { authors: [{ _id: 'a' }, { _id: 'b', name: 'Alan Turing' }] } }, { authors: ['Alan Turing'] }],
    ['a null abstract', { summary: null }, { abstract: '' }],
    ['no abstract', { summary: undefined }, { abstract: '' }],
    ['an abstract that is not text', { summary: { text: 'x' } }, { abstract: '' }],
    ['a publishedAt that is not a date', { paper: { publishedAt: 'soon' } }, { publishedAt: `${DAY}T00:00:00.000Z` }],
    ['no publishedAt', { paper: { publishedAt: undefined } }, { publishedAt: `${DAY}T00:00:00.000Z` }],
    ['a listing time that is not a date', { paper: { submittedOnDailyAt: 'yesterday' } }, { listedOn: '2026-11-18' }],
    ['no listing time', { paper: { submittedOnDailyAt: undefined } }, { listedOn: '2026-11-18' }],
  ])('keeps an entry with %s, the field given a stand-in, and counts it as partly malformed', (_name, overrides, expected) => {
    const result = parseEntry(entry(overrides), 3, { day: '2026-11-18', now: NOW });
    expect(result.problem).toBeUndefined();
    expect(result.partial).toBe(true);
    expect(result.paper).toMatchObject({ id: '2611.01234', ...expected });
    expect(result.paper!.title).not.toBe('');
  });

  it('takes the title and abstract from the entry when the paper lacks them', () => {
    const raw = entry({ paper: { title: null, summary: undefined } }) as Record<string, any>;
    const { paper, partial } = parseEntry(raw);
    expect(paper?.title).toBe(raw.title.replace(/\s+/g, ' ').trim());
    expect(paper?.abstract).toBe(raw.summary.trim());
    expect(partial).toBe(true);
  });

  it('counts a whole entry as well-formed, not partly', () => {
    expect(parseEntry(entry(), 0, { now: NOW }).partial).toBe(false);
  });

  it('falls back to the arXiv day for a missing listing time when no day was asked for', () => {
    const { paper } = parseEntry(entry({ paper: { submittedOnDailyAt: undefined, publishedAt: '2026-11-17T10:00:00.000Z' } }), 0, { now: NOW });
    expect(paper?.listedOn).toBe('2026-11-17');
  });

  it.each([
    ['tomorrow', 1, true],
    ['the day after tomorrow', 2, false],
    ['a far future year', 73 * 365, false],
  ])('accepts a listing day up to tomorrow (UTC): %s', (_name, days, accepted) => {
    const day = addDays(utcDay(NOW), days);
    const result = parseEntry(entry({ paper: { submittedOnDailyAt: `${day}T00:00:00.000Z` } }), 4, { now: NOW });
    expect(result.paper !== undefined).toBe(accepted);
    if (!accepted) expect(result.problem).toMatch(/^entry 4: .*future day/);
  });

  it('refuses a future listing day even when it is the day asked for', () => {
    const day = addDays(utcDay(NOW), 5);
    expect(parseEntry(entry({ paper: { submittedOnDailyAt: undefined } }), 0, { day, now: NOW }).paper).toBeUndefined();
  });

  it('does not take a future arXiv time: the listing day stands in', () => {
    const { paper, partial } = parseEntry(entry({ paper: { publishedAt: '2099-01-01T00:00:00.000Z' } }), 0, { now: NOW });
    expect(paper?.publishedAt).toBe(`${DAY}T00:00:00.000Z`);
    expect(partial).toBe(true);
  });

  it('caps the authors and keywords of a paper and the length of each name', () => {
    const authors = Array.from({ length: 5000 }, (_, index) => ({ _id: String(index), name: `Author ${index} ${'x'.repeat(index === 0 ? 5000 : 0)}` }));
    const keywords = Array.from({ length: 1000 }, (_, index) => `keyword ${index}`);
    const paper = parseEntry(entry({ paper: { authors }, ai_keywords: keywords })).paper!;
    expect(paper.authors).toHaveLength(200);
    expect(paper.authors[0]!.length).toBeLessThanOrEqual(300);
    expect(paper.aiKeywords).toHaveLength(30);
  });

  it('cuts the reason to a bounded length, however long the keys the source sends', () => {
    const result = parseEntry({ paper: { id: '2611.01234', ['k'.repeat(10_000)]: 1 } }, 0);
    expect(result.problem!.length).toBeLessThanOrEqual(200);
  });

  it.each([null, 42, 'entry', [], undefined, { ...entry(), paper: null }, { ...entry(), paper: 'x' }])('rejects %j as an entry', (raw) => {
    expect(parseEntry(raw).paper).toBeUndefined();
  });

  it('keeps hostile text as plain data and cuts runaway fields', () => {
    const paper = parseEntry(entry({ title: '<img src=x onerror=alert(1)>', summary: 'x'.repeat(50_000) })).paper;
    expect(paper?.title).toBe('<img src=x onerror=alert(1)>');
    expect(paper?.abstract).toHaveLength(20_000);
  });
});

describe('parseEntries', () => {
  it('skips and counts bad entries without losing the good ones', () => {
    const good = makeDay(DAY, 5, { seed: 3 });
    const result = parseEntries([good[0], null, good[1], { paper: {} }, good[2], good[3], 'x', good[4]]);
    expect(result.papers.map((paper) => paper.id)).toEqual(good.map((raw: { paper: { id: string } }) => raw.paper.id));
    expect(result.skipped).toBe(3);
    expect(result.problems).toHaveLength(3);
  });

  it('accepts every generated entry (the project fixtures)', () => {
    for (const file of ['listing-2026-11-19.json', 'listing-2026-11-20.json']) {
      const raw = JSON.parse(readFileSync(join(__dirname, '../../fixtures', file), 'utf8')) as unknown[];
      const result = parseEntries(raw);
      expect(result.skipped).toBe(0);
      expect(result.papers).toHaveLength(raw.length);
    }
  });
});

// The real API's captured answers live beside the project in CI, not in a user's clone.
const SHARED = join(__dirname, '../../../../shared/fixtures/hf-api');
const captures = existsSync(SHARED) ? readdirSync(SHARED).filter((name) => name.endsWith('.json')) : [];

describe.skipIf(captures.length === 0)('real captured responses', () => {
  it('accepts all entries of both captures, fields mapped', () => {
    let total = 0;
    for (const name of captures) {
      const raw = JSON.parse(readFileSync(join(SHARED, name), 'utf8')) as Record<string, any>[];
      const result = parseEntries(raw);
      expect(result.problems).toEqual([]);
      expect(result.papers).toHaveLength(raw.length);
      result.papers.forEach((paper, index) => {
        const source = raw[index]!;
        expect(paper.id).toBe(source.paper.id);
        expect(paper.upvotes).toBe(source.paper.upvotes);
        expect(paper.comments).toBe(source.numComments);
        expect(paper.authors).toHaveLength(source.paper.authors.length);
        expect(paper.listedOn).toBe(source.paper.submittedOnDailyAt.slice(0, 10));
        expect(paper.aiKeywords).toEqual(source.paper.ai_keywords);
        expect(paper.githubRepo).toBe(source.paper.githubRepo);
        expect(paper.githubStars).toBe(source.paper.githubStars);
        expect(paper.projectPage).toBe(source.paper.projectPage);
        expect(paper.organization).toBe(source.paper.organization?.fullname ?? source.organization?.fullname);
      });
      total += raw.length;
    }
    expect(total).toBe(60);
  });
});
