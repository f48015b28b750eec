import { describe, expect, it } from 'vitest';
import { hfPeriodUrl } from '@/lib/core/hf-pages';
import { hfMediaUrl, hfUserUrl, isVideoUrl } from '@/lib/core/hf-urls';
import { paperLinks } from '@/lib/core/urls';

describe('hfMediaUrl: what the reader may load', () => {
  it.each([
    [
      'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.01234.png',
      'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.01234.png',
    ],
    ['https://cdn-uploads.huggingface.co/production/uploads/abc/x.mp4', 'https://cdn-uploads.huggingface.co/production/uploads/abc/x.mp4'],
    ['https://huggingface.co/avatars/abc.svg', 'https://huggingface.co/avatars/abc.svg'],
    // The source writes some avatars as paths on huggingface.co.
    ['/avatars/abc.svg', 'https://huggingface.co/avatars/abc.svg'],
  ])('keeps %s', (value, expected) => {
    expect(hfMediaUrl(value)).toBe(expected);
  });

  it.each([
    ['http, not https', 'http://cdn-thumbnails.huggingface.co/x.png'],
    ['another host', 'https://example.com/x.png'],
    ['a look-alike host', 'https://huggingface.co.evil.example/x.png'],
    ['a host ending like it', 'https://evilhuggingface.co/x.png'],
    ['credentials', 'https://huggingface.co@evil.example/x.png'],
    ['another port', 'https://cdn-uploads.huggingface.co:8443/x.png'],
    ['a protocol-relative address', '//evil.example/x.png'],
    ['a data URL', 'data:image/png;base64,AAAA'],
    ['javascript', 'javascript:alert(1)'],
    ['the local fake', 'http://127.0.0.1:8787/x.png'],
    ['not text', 42],
    ['empty', ''],
  ])('drops %s', (_, value) => {
    expect(hfMediaUrl(value)).toBeUndefined();
  });

  it('tells videos from images by their extension', () => {
    expect(isVideoUrl('https://cdn-uploads.huggingface.co/a/b.MP4')).toBe(true);
    expect(isVideoUrl('https://cdn-uploads.huggingface.co/a/b.png')).toBe(false);
  });
});

describe('hfUserUrl', () => {
  it('links a Hugging Face user name', () => {
    expect(hfUserUrl('Ayanami0730')).toBe('https://huggingface.co/Ayanami0730');
    expect(hfUserUrl('jiaqi-hkust_2.0')).toBe('https://huggingface.co/jiaqi-hkust_2.0');
  });

  it.each(['', '..', '.hidden', 'a/b', 'a b', 'é', '?q=1', 'x'.repeat(97)])('refuses %j', (name) => {
    expect(hfUserUrl(name)).toBeUndefined();
  });
});

describe('hfPeriodUrl', () => {
  it('builds the Daily Papers page of a day, an ISO week and a month', () => {
    expect(hfPeriodUrl({ kind: 'day', day: '2026-11-20' })).toBe('https://huggingface.co/papers/date/2026-11-20');
    expect(hfPeriodUrl({ kind: 'week', week: '2026-W47' })).toBe('https://huggingface.co/papers/week/2026-W47');
    expect(hfPeriodUrl({ kind: 'month', month: '2026-11' })).toBe('https://huggingface.co/papers/month/2026-11');
  });

  it('refuses a period that is not one', () => {
    expect(hfPeriodUrl({ kind: 'day', day: '2026-02-30' })).toBeUndefined();
    expect(hfPeriodUrl({ kind: 'week', week: '2026-W60' })).toBeUndefined();
    expect(hfPeriodUrl({ kind: 'month', month: '2026-13' })).toBeUndefined();
  });
});

describe('paperLinks', () => {
  it('adds arXiv HTML and alphaXiv', () => {
    expect(paperLinks('2611.01234')).toMatchObject({
      arxivHtml: 'https://arxiv.org/html/2611.01234',
      alphaxiv: 'https://www.alphaxiv.org/abs/2611.01234',
    });
  });
});
