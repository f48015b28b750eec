import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '@/lib/source/entry';
import { makeEntry } from '../../support/generate-papers.mjs';

const DAY = '2026-11-20';
const entry = (overrides: Record<string, unknown> = {}) => makeEntry({ id: '2611.01234', day: DAY, seed: 7, ...overrides });
const read = (raw: unknown) => parseEntry(raw, 0, { now: Date.parse('2026-11-21T09:00:00Z') });
const CDN = 'https://cdn-uploads.huggingface.co/production/uploads/abc';

describe('the images an entry brings', () => {
  it('keeps the thumbnail on Hugging Face’s CDN, and drops one elsewhere without the paper', () => {
    expect(read(entry()).paper?.thumbnail).toBe('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.01234.png');
    for (const thumbnail of ['https://tracker.example/p.png', 'http://cdn-thumbnails.huggingface.co/x.png', 'not a url']) {
      const { paper, partial } = read(entry({ thumbnail }));
      expect(paper?.id).toBe('2611.01234');
      expect(paper?.thumbnail).toBeUndefined();
      // A well-formed address on another host is refused by rule, not malformed.
      expect(partial).toBe(false);
    }
  });

  it('keeps media from the entry and the paper once each, images and videos, on Hugging Face only', () => {
    const raw = entry({ mediaUrls: [`${CDN}/a.png`, `${CDN}/b.mp4`, 'https://evil.example/c.png', 42, null] });
    (raw.paper as { mediaUrls?: unknown }).mediaUrls = [`${CDN}/a.png`, `${CDN}/d.jpg`];
    expect(read(raw).paper?.mediaUrls).toEqual([`${CDN}/a.png`, `${CDN}/b.mp4`, `${CDN}/d.jpg`]);
  });

  it('caps the media at eight', () => {
    const many = Array.from({ length: 20 }, (_, index) => `${CDN}/${index}.png`);
    expect(read(entry({ mediaUrls: many })).paper?.mediaUrls).toHaveLength(8);
  });

  it('has no media when none is sent or none is usable', () => {
    expect(read(entry({ mediaUrls: undefined })).paper?.mediaUrls).toBeUndefined();
    expect(read(entry({ mediaUrls: 'a.png' })).paper?.mediaUrls).toBeUndefined();
    expect(read(entry({ mediaUrls: ['https://evil.example/x.png'] })).paper?.mediaUrls).toBeUndefined();
  });
});

describe('the submitter', () => {
  it('keeps name, full name and avatar, the avatar read against huggingface.co when it is a path', () => {
    const raw = entry({ submittedBy: { _id: 'u', name: 'Jiaqi-hkust', fullname: ' Jiaqi Wang ', avatarUrl: '/avatars/x.svg', type: 'user' } });
    expect(read(raw).paper?.submitter).toEqual({ name: 'Jiaqi-hkust', fullname: 'Jiaqi Wang', avatarUrl: 'https://huggingface.co/avatars/x.svg' });
  });

  it('drops an avatar elsewhere and a full name that is not text, keeping the rest', () => {
    const raw = entry({ submittedBy: { name: 'ada', fullname: 7, avatarUrl: 'https://tracker.example/a.png' } });
    expect(read(raw).paper?.submitter).toEqual({ name: 'ada' });
  });

  it('drops a submitter whose name cannot be linked, never the paper', () => {
    for (const submittedBy of [{ name: '../settings', fullname: 'X' }, { fullname: 'No Name' }, 'ada', null]) {
      const raw = entry({ submittedBy });
      delete (raw.paper as { submittedOnDailyBy?: unknown }).submittedOnDailyBy;
      const { paper } = read(raw);
      expect(paper?.id).toBe('2611.01234');
      expect(paper?.submitter).toBeUndefined();
    }
  });

  it('falls back on the paper’s submittedOnDailyBy (GET /api/papers/{id} has no entry around it)', () => {
    const raw = entry({ submittedBy: undefined });
    const by = (raw.paper as { submittedOnDailyBy: { name: string } }).submittedOnDailyBy;
    expect(read(raw).paper?.submitter?.name).toBe(by.name);
  });
});

// Real answers of the API, where the checkout has them (see /work/shared/fixtures/hf-api/README.md).
const REAL = join(import.meta.dirname, '../../../../shared/fixtures/hf-api');
describe.runIf(existsSync(REAL))('real answers', () => {
  it('keeps every thumbnail, submitter and media item of the captured listings', () => {
    for (const file of readdirSync(REAL).filter((name) => name.endsWith('.json'))) {
      const entries = JSON.parse(readFileSync(join(REAL, file), 'utf8')) as { mediaUrls?: string[]; thumbnail: string; submittedBy: { name: string } }[];
      for (const [index, raw] of entries.entries()) {
        const paper = parseEntry(raw, index).paper!;
        expect(paper.thumbnail).toBe(raw.thumbnail);
        expect(paper.submitter?.name).toBe(raw.submittedBy.name);
        expect(paper.mediaUrls ?? []).toEqual(raw.mediaUrls ?? []);
      }
    }
  });
});
