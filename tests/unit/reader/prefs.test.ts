import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { storedItem } from '@/lib/settings/stored-item';
import type { ReaderPrefs } from '@/lib/reader/prefs';
import { DEFAULT_READER_PREFS } from '@/lib/settings/defaults';
import { READER_PREFS } from '@/lib/settings/keys';
import { readerPrefsSetting } from '@/lib/settings/page-items';

describe('reader preferences', () => {
  it('fall back to Today, by upvotes, trending in HF order, no filters', async () => {
    expect(await readerPrefsSetting.getValue()).toEqual(DEFAULT_READER_PREFS);
  });

  it('migrate version 1 (one sort for all views) without losing the choice, and store the result', async () => {
    await fakeBrowser.storage.local.set({
      readerPrefs: { view: 'week', sort: 'stars', filters: { hasCode: true } },
      readerPrefs$: { v: 1 },
    });
    const migrated = { view: 'week', sort: 'stars', trendingSort: 'trending', filters: { hasCode: true } };
    expect(await storedItem(READER_PREFS).getValue()).toEqual(migrated);
    expect(await fakeBrowser.storage.local.get(['readerPrefs', 'readerPrefs$'])).toEqual({ readerPrefs: migrated, readerPrefs$: { v: 2 } });
  });

  // Stored as a WXT item with the same key and options would store it (it was one before): a
  // profile's preferences read the same either way, and neither side migrates the other's twice.
  const wxtItem = () =>
    storage.defineItem<ReaderPrefs>(READER_PREFS.key, {
      fallback: READER_PREFS.fallback,
      version: READER_PREFS.version,
      migrations: READER_PREFS.migrations as Record<number, (old: unknown) => unknown>,
    });
  const chosen: ReaderPrefs = { view: 'month', sort: 'comments', trendingSort: 'stars', filters: { minUpvotes: 5 } };

  it('read what a WXT item wrote', async () => {
    await wxtItem().setValue(chosen);
    expect(await storedItem(READER_PREFS).getValue()).toEqual(chosen);
  });

  it('write what a WXT item reads, as the current version (not migrated again)', async () => {
    await storedItem(READER_PREFS).setValue(chosen);
    const item = wxtItem();
    await item.migrate();
    expect(await item.getValue()).toEqual(chosen);
  });

  it('migrate a version-1 value once, whichever reads it first', async () => {
    await fakeBrowser.storage.local.set({ readerPrefs: { view: 'day', sort: 'stars', filters: {} } });
    const page = storedItem(READER_PREFS);
    expect((await page.getValue()).trendingSort).toBe('trending');
    await page.setValue({ ...(await page.getValue()), trendingSort: 'comments' });
    const item = wxtItem();
    await item.migrate();
    expect((await item.getValue()).trendingSort).toBe('comments');
  });
});
