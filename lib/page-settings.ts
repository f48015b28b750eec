// The settings every page reads as it opens (language, theme), without @wxt-dev/storage: that
// library is 3.4 KB gzip of a popup's 20 KB budget, and a page needs only to read these two and
// hear of changes. Each is described once here; lib/settings.ts defines its storage item from the
// same description, so the key, the fallback and the way the value is stored are WXT's own
// (`sync:theme` is `theme` in browser.storage.sync, absent meaning the fallback).
import { browser } from 'wxt/browser';
import type { LanguageChoice } from './locale';
import type { ThemeChoice } from './theme';

/**
 * A setting's storage item, as lib/settings.ts defines it. Only version 1 with no migration can
 * be read without the library: a later version may still hold an old shape until it migrates.
 */
export interface SettingSpec<T> {
  key: `sync:${string}` | `local:${string}`;
  fallback: T;
  version: 1;
}

export const LANGUAGE: SettingSpec<LanguageChoice> = { key: 'sync:language', fallback: 'browser', version: 1 };
export const THEME: SettingSpec<ThemeChoice> = { key: 'sync:theme', fallback: 'system', version: 1 };

/** What a page does with a setting: read it, and follow it (the same calls as a storage item's). */
export interface SettingReader<T> {
  getValue(): Promise<T>;
  /** Calls back with each new value (the fallback once removed); returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

/** Reads a setting stored by its storage item (lib/settings.ts). */
export function settingReader<T>({ key, fallback }: SettingSpec<T>): SettingReader<T> {
  const [area, name] = key.split(':') as ['sync' | 'local', string];
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
