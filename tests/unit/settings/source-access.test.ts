import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { maySyncFrom, releaseSourceAccess } from '@/lib/settings/source-access';

afterEach(() => vi.restoreAllMocks());

describe('maySyncFrom', () => {
  it.each([
    ['https://huggingface.co', false, true], // declared in the manifest
    ['http://127.0.0.1:8787', false, true], // local: no permission needed
    ['https://hf-mirror.com', true, true],
    ['https://hf-mirror.com', false, false],
  ])('%s with the host permission %s: %s', async (source, granted, expected) => {
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async () => granted);
    expect(await maySyncFrom(source)).toBe(expected);
  });

  it('says no when the browser cannot tell', async () => {
    vi.spyOn(browser.permissions, 'contains').mockRejectedValue(new Error('no'));
    expect(await maySyncFrom('https://hf-mirror.com')).toBe(false);
  });
});

describe('releaseSourceAccess', () => {
  it.each([
    ['https://hf-mirror.com', 'https://huggingface.co', 'https://hf-mirror.com/*'],
    ['https://hf-mirror.com/a', 'http://127.0.0.1:8787', 'https://hf-mirror.com/*'],
    ['https://hf-mirror.com', 'https://other-mirror.org', 'https://hf-mirror.com/*'],
    ['https://hf-mirror.com/a', 'https://hf-mirror.com/b', undefined], // the same origin is still used
    ['https://huggingface.co', 'https://hf-mirror.com', undefined], // nothing optional was granted
    ['http://example.com', 'https://huggingface.co', undefined], // never a usable source
    [undefined, 'https://huggingface.co', undefined],
    [42, 'https://huggingface.co', undefined],
  ])('from %j to %j gives back %j', async (previous, current, pattern) => {
    const remove = vi.spyOn(browser.permissions, 'remove').mockImplementation(async () => true);
    await releaseSourceAccess(previous, current);
    if (pattern) expect(remove).toHaveBeenCalledWith({ origins: [pattern] });
    else expect(remove).not.toHaveBeenCalled();
  });
});
