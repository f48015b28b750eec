import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_READER_PREFS, readerPrefsSetting } from '@/lib/reader-prefs';

describe('reader preferences', () => {
  it('fall back to Today, by upvotes, trending in HF order, no filters', async () => {
    expect(await readerPrefsSetting.getValue()).toEqual(DEFAULT_READER_PREFS);
  });

  it('migrate version 1 (one sort for all views) without losing the choice', async () => {
    await fakeBrowser.storage.local.set({
      readerPrefs: { view: 'week', sort: 'stars', filters: { hasCode: true } },
      readerPrefs$: { v: 1 },
    });
    await readerPrefsSetting.migrate();
    expect(await readerPrefsSetting.getValue()).toEqual({ view: 'week', sort: 'stars', trendingSort: 'trending', filters: { hasCode: true } });
  });
});
