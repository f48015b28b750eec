// Paperboy's storage items: a key described in lib/settings/keys.ts, read, written and followed
// exactly as a WXT storage item of the same key and options stores it (the value under its name;
// for an item with migrations, `{ v: version }` under name + "$"), without @wxt-dev/storage: 2.7 KB
// gzip of the background and more than a tenth of a page's budget. tests/unit/settings/stored-item.test.ts
// checks both ways against real WXT items.
import { browser } from 'wxt/browser';
import { areaAndName, type ItemSpec, type VersionedSpec } from './keys';

/** What a page needs of an item it only reads: its value, and its changes. */
export interface StoredReader<T> {
  /** The stored value, or the spec's fallback when nothing is stored. */
  getValue(): Promise<T>;
  /** Calls back with each new value and the one before (the fallback for none); returns the unsubscribe. */
  watch(callback: (value: T, previous: T) => void): () => void;
}

export interface StoredItem<T> extends StoredReader<T> {
  /** Writes `value`; null or undefined removes it, as WXT does. */
  setValue(value: T): Promise<void>;
}

type ChangeListener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => void;

/**
 * What an item's reads take of a stored value: all of it, or what `check` keeps (a synced value
 * may have been written by anything: another device, another version); undefined reads as the fallback.
 */
export type StoredCheck<T> = (stored: unknown) => T | null | undefined;

/**
 * Reads and follows an item that has no migration to run (pages read their settings so: no
 * writer's code). `ready`: what a read waits for first (an item's migration).
 */
export function storedReader<T>({ key, fallback }: ItemSpec<T>, check?: StoredCheck<T>, ready?: () => Promise<void>): StoredReader<T> {
  const { area, name } = areaAndName(key);
  const storageArea = () => browser.storage[area];
  const readAs = (stored: unknown): T => (check ? check(stored) : (stored as T | null | undefined)) ?? fallback;
  return {
    async getValue() {
      await ready?.();
      return readAs((await storageArea().get(name))[name]);
    },
    watch(callback) {
      const listener: ChangeListener = (changes) => {
        const change = changes[name];
        // Like WXT's watch: a write of the same value is no change.
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback(readAs(change.newValue), readAs(change.oldValue));
      };
      storageArea().onChanged.addListener(listener);
      return () => storageArea().onChanged.removeListener(listener);
    },
  };
}

/**
 * Reads, writes and follows an item; one with migrations brings an older stored value up to date
 * once, before its first read or write.
 */
export function storedItem<T>(spec: ItemSpec<T> | VersionedSpec<T>, check?: StoredCheck<T>): StoredItem<T> {
  const { area, name } = areaAndName(spec.key);
  const metaName = `${name}$`;
  const storageArea = () => browser.storage[area];
  const migrations = 'migrations' in spec ? spec.migrations : undefined;
  const version = spec.version ?? 1;

  async function migrate(): Promise<void> {
    if (!migrations) return;
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
  const ready = () => (migrated ??= migrate().catch((error: unknown) => console.error(spec.key, error)));

  return {
    ...storedReader(spec, check, ready),
    async setValue(value) {
      await ready();
      if (value == null) await storageArea().remove(name);
      else await storageArea().set(migrations ? { [name]: value, [metaName]: { v: version } } : { [name]: value });
    },
  };
}
