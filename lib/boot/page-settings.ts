// The settings every page reads as it opens (language, theme), without @wxt-dev/storage: that
// library is 3.4 KB gzip of a popup's 20 KB budget, and a page needs only to read these two and
// hear of changes. Each is described once in lib/settings/keys.ts; lib/settings/items.ts defines its storage item from the
// same description, so the key, the fallback and the way the value is stored are WXT's own
// (`sync:theme` is `theme` in browser.storage.sync, absent meaning the fallback).
import { browser } from 'wxt/browser';
// Only version 1 with no migration (a SettingSpec) can be read without the library: a later
// version may still hold an old shape until it migrates.
import { LANGUAGE, THEME, areaAndName, type SettingSpec, type VersionedSpec } from '../settings/keys';

/** What a page does with a setting: read it, and follow it (the same calls as a storage item's). */
export interface SettingReader<T> {
  getValue(): Promise<T>;
  /** Calls back with each new value (the fallback once removed); returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

/** Reads a setting stored by its storage item (lib/settings/items.ts). */
export function settingReader<T>({ key, fallback }: SettingSpec<T>): SettingReader<T> {
  const { area, name } = areaAndName(key);
  const storageArea = () => browser.storage[area];
  return {
    async getValue() {
      const stored = (await storageArea().get(name))[name] as T | null | undefined;
      return stored ?? fallback;
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[name];
        // Like WXT's watch: a write of the same value is no change.
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback((change.newValue as T | null | undefined) ?? fallback);
      };
      storageArea().onChanged.addListener(listener);
      return () => storageArea().onChanged.removeListener(listener);
    },
  };
}

export const languageReader = settingReader(LANGUAGE);
export const themeReader = settingReader(THEME);

export interface PageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Brings a stored value of an older version up to date (done once, before the first read or write). */
  migrate(): Promise<void>;
}

/**
 * A versioned item that one page alone reads and writes (the side panel's reader preferences),
 * without @wxt-dev/storage (3.2 KB gzip of the side panel), stored exactly as a WXT item with the
 * same key and options: the value under its name, `{ v: version }` under name + "$"; a value of
 * an older version is migrated once, before the first read or write, and written back, as WXT
 * does in each context that defines the item. tests/unit/page-settings.test.ts checks both ways
 * against a real WXT item.
 */
export function pageItem<T>({ key, fallback, version, migrations }: VersionedSpec<T>): PageItem<T> {
  const { area, name } = areaAndName(key);
  const metaName = `${name}$`;
  const storageArea = () => browser.storage[area];
  async function migrate(): Promise<void> {
    const stored = await storageArea().get([name, metaName]);
    const value: unknown = stored[name];
    const meta = (stored[metaName] ?? {}) as { v?: number };
    const from = meta.v ?? 1;
    // Nothing stored, or already current (or newer: written by a later version, left alone as WXT does).
    if (value == null || from >= version) return;
    let next = value;
    for (let to = from + 1; to <= version; to++) next = migrations[to]?.(next as never) ?? next;
    await storageArea().set({ [name]: next, [metaName]: { ...meta, v: version } });
  }
  let migrated: Promise<void> | undefined;
  // A failed migration leaves the stored value as it is (WXT logs it and goes on the same way).
  const ready = () => (migrated ??= migrate().catch((error: unknown) => console.error(`Paperboy: migrating ${key} failed`, error)));
  return {
    async getValue() {
      await ready();
      return ((await storageArea().get(name))[name] as T | null | undefined) ?? fallback;
    },
    async setValue(value) {
      await ready();
      await storageArea().set({ [name]: value, [metaName]: { v: version } });
    },
    migrate: () => (migrated = migrate()),
  };
}
