import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE, checkSource, permissionPatternFor, sourceSetting } from '@/lib/settings';

describe('checkSource', () => {
  it.each([
    ['https://huggingface.co', 'https://huggingface.co'],
    ['https://hf-mirror.com/', 'https://hf-mirror.com'],
    ['  https://example.org/hf/  ', 'https://example.org/hf'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %j as %j', (input, source) => {
    expect(checkSource(input)).toMatchObject({ ok: true, source });
  });

  it.each([
    'http://huggingface.co',
    'http://192.168.1.2',
    'ftp://huggingface.co',
    'javascript:alert(1)',
    'huggingface.co',
    '',
    'https://user:pass@huggingface.co',
    'https://huggingface.co/?q=1',
    'https://huggingface.co/#x',
  ])('refuses %j', (input) => {
    expect(checkSource(input).ok).toBe(false);
  });
});

describe('permissionPatternFor', () => {
  it.each([
    ['https://huggingface.co', undefined],
    ['https://hf-mirror.com', 'https://hf-mirror.com/*'],
    ['https://example.org/hf', 'https://example.org/*'],
    ['http://127.0.0.1:8787', undefined],
  ])('%s needs %j', (source, pattern) => {
    expect(permissionPatternFor(source)).toBe(pattern);
  });
});

describe('sourceSetting', () => {
  it('falls back to huggingface.co and keeps what is saved', async () => {
    expect(await sourceSetting.getValue()).toBe(DEFAULT_SOURCE);
    await sourceSetting.setValue('https://hf-mirror.com');
    expect(await sourceSetting.getValue()).toBe('https://hf-mirror.com');
  });
});
