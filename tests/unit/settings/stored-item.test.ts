import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { storedItem, storedReader } from '@/lib/settings/stored-item';
import { CARD_LINKS, LANGUAGE, SAVED_FOLLOW_STATUS, SAVED_MARKS, SOURCE, THEME, type ItemSpec } from '@/lib/settings/keys';

// Paperboy's items were WXT storage items before, and a profile keeps what they stored: each must
// store exactly what a WXT item of the same key and options stores, and read and hear what it writes.
// (The versioned item with migrations, the reader's preferences: tests/unit/reader/prefs.test.ts.)
const wxtItem = <T>({ key, fallback, version }: ItemSpec<T>) => storage.defineItem<T>(key, version === undefined ? { fallback } : { fallback, version });

const everything = async () => ({ sync: await fakeBrowser.storage.sync.get(null), local: await fakeBrowser.storage.local.get(null) });
const settle = () => new Promise((done) => setTimeout(done, 20));

const cases: { name: string; spec: ItemSpec<unknown>; values: [unknown, unknown] }[] = [
  { name: 'language (sync, version 1)', spec: LANGUAGE, values: ['zh-CN', 'en'] },
  { name: 'theme (sync, version 1)', spec: THEME, values: ['dark', 'light'] },
  { name: 'source (sync, version 1)', spec: SOURCE, values: ['https://mirror.example/api', 'http://127.0.0.1:8080'] },
  { name: 'card links (sync, a list)', spec: CARD_LINKS, values: [['arxiv'], ['pdf', 'alphaxiv']] },
  { name: 'saved marks (local, no version)', spec: SAVED_MARKS, values: [{ '2501.00001': 5 }, { '2501.00002': -7 }] },
  {
    name: 'follow status (local, no version)',
    spec: SAVED_FOLLOW_STATUS,
    values: [
      { at: 1, localOnly: {} },
      { at: 2, localOnly: { savedIds0: 3 }, error: 'quota' },
    ],
  },
];

describe.each(cases)('the $name item', ({ spec, values }) => {
  it('reads the fallback when nothing is stored, as WXT does', async () => {
    expect(await storedItem(spec).getValue()).toEqual(await wxtItem(spec).getValue());
    expect(await storedItem(spec).getValue()).toEqual(spec.fallback);
    expect(await storedReader(spec).getValue()).toEqual(spec.fallback);
  });

  it('stores a value exactly as WXT stores it, and removes it the same way', async () => {
    await wxtItem(spec).setValue(values[0]);
    const byWxt = await everything();
    await wxtItem(spec).setValue(null);
    const removedByWxt = await everything();
    fakeBrowser.reset();
    await storedItem(spec).setValue(values[0]);
    expect(await everything()).toEqual(byWxt);
    await storedItem(spec).setValue(null);
    expect(await everything()).toEqual(removedByWxt);
  });

  it('reads what a WXT item wrote, and writes what a WXT item reads', async () => {
    await wxtItem(spec).setValue(values[0]);
    expect(await storedItem(spec).getValue()).toEqual(values[0]);
    expect(await storedReader(spec).getValue()).toEqual(values[0]);
    await storedItem(spec).setValue(values[1]);
    expect(await wxtItem(spec).getValue()).toEqual(values[1]);
  });

  it.each([
    ['an item', storedItem],
    ['a reader', storedReader],
  ])('hears, as %s, what a WXT item hears, with the value before, and nothing once stopped', async (_kind, make) => {
    const ours = vi.fn();
    const theirs = vi.fn();
    const stop = make(spec).watch(ours);
    wxtItem(spec).watch(theirs);
    const writer = storedItem(spec);
    await writer.setValue(values[0]);
    await writer.setValue(values[0]); // the same value again: no change
    await wxtItem(spec).setValue(values[1]);
    await writer.setValue(null);
    await settle();
    expect(theirs).toHaveBeenCalledTimes(3);
    expect(ours.mock.calls).toEqual(theirs.mock.calls);
    expect(ours.mock.calls.at(-1)).toEqual([spec.fallback, values[1]]);
    stop();
    await writer.setValue(values[0]);
    await settle();
    expect(ours).toHaveBeenCalledTimes(3);
  });
});

describe('a stored item', () => {
  it('reads and hears its own key in its own area only', async () => {
    const seen = vi.fn();
    storedReader(THEME).watch(seen);
    await fakeBrowser.storage.local.set({ theme: 'dark' });
    await fakeBrowser.storage.sync.set({ language: 'zh-CN' });
    expect(await storedReader(THEME).getValue()).toBe('system');
    await fakeBrowser.storage.sync.set({ theme: 'light' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith('light', 'system'));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
