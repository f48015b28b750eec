import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntries, parseEntry } from '@/lib/paper';
import { makeDay, makeEntry } from '../support/generate-papers.mjs';

const DAY = '2026-11-20';
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
    ['a wrong-typed optional number', { githubStars: 'many' }, 'githubStars'],
    ['a wrong-typed optional string', { projectPage: 42 }, 'projectPage'],
    ['keywords that are not a list', { ai_keywords: 'a, b' }, 'aiKeywords'],
    ['a null organization', { organization: null }, 'organization'],
  ] as const)('drops %s but keeps the paper', (_name, overrides, field) => {
    const paper = parseEntry(entry(overrides)).paper;
    expect(paper).toBeDefined();
    expect(paper![field]).toBeUndefined();
  });

  it.each([
    ['a missing id', { paper: { id: undefined } }],
    ['a non-arXiv id', { paper: { id: '../../etc/passwd' } }],
    ['a numeric id', { paper: { id: 2611.01234 } }],
    ['an empty title', { title: '   ' }],
    ['a null title', { title: null }],
    ['a missing abstract', { summary: undefined }],
    ['authors that are not a list', { paper: { authors: 'Ada' } }],
    ['an author without a name', { paper: { authors: [{ _id: 'a' }] } }],
    ['a missing listing time', { paper: { submittedOnDailyAt: undefined } }],
    ['a listing time that is not a date', { paper: { submittedOnDailyAt: 'yesterday' } }],
    ['negative upvotes', { upvotes: -1 }],
    ['fractional upvotes', { upvotes: 1.5 }],
    ['upvotes as a string', { upvotes: '12' }],
  ])('rejects an entry with %s, with a reason', (_name, overrides) => {
    const result = parseEntry(entry(overrides), 3);
    expect(result.paper).toBeUndefined();
    expect(result.problem).toMatch(/^entry 3: /);
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
      const raw = JSON.parse(readFileSync(join(__dirname, '../fixtures', file), 'utf8')) as unknown[];
      const result = parseEntries(raw);
      expect(result.skipped).toBe(0);
      expect(result.papers).toHaveLength(raw.length);
    }
  });
});

// The real API's captured answers live beside the project in CI, not in a user's clone.
const SHARED = join(__dirname, '../../../shared/fixtures/hf-api');
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
