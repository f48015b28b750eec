// Saved papers follow the user: the background keeps its saved marks in storage.sync buckets
// (see saved-merge.ts), merges what other devices write, and writes IndexedDB to match.
import { browser } from 'wxt/browser';
import type { PaperboyDb } from '../store/schema';
import { fetchPaper as fetchPaperFromSource } from '../source/paper-by-id';
import {
  BUCKET_COUNT,
  TOMBSTONE_TTL_SECONDS,
  bucketIndexOfKey,
  bucketKey,
  bucketOf,
  compactBucket,
  isSavedMark,
  laterMark,
  localMark,
  markSeconds,
  mergeBuckets,
  sameBucket,
  sanitizeBucket,
  splitIntoBuckets,
  toSeconds,
  type Mark,
} from './merge';
import { applyMarks, fillStub, savedMarksOf } from './store';
import { readSyncState } from '../sync/engine';
import { forSource, isHeldBack } from '../sync/state';
import { SAVED_MARKS } from '../settings/keys';
import { storedItem } from '../settings/stored-item';
import { followStatusItem } from './follow-status';
import { createSerialQueue } from '../core/serial';

/** Synced storage (storage.sync) as the follower uses it; tests give their own. */
export interface SyncedArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** This device's replica of every mark, so a failed or lost write to storage.sync is never lost. */
export const savedMarksItem = storedItem<Record<string, Mark>>(SAVED_MARKS);

/** Saved papers fetched by id per run, so a long list arriving at once is spread out. */
const MAX_FETCHES_PER_RUN = 25;

export interface SavedSyncDeps {
  db: () => Promise<PaperboyDb>;
  source: () => Promise<string>;
  area?: SyncedArea;
  now?: () => number;
  fetchPaper?: (source: string, id: string) => ReturnType<typeof fetchPaperFromSource>;
  /** This device's replica of the marks (storage.local by default). */
  mirror?: { getValue(): Promise<Record<string, Mark>>; setValue(value: Record<string, Mark>): Promise<void> };
  /** Saved papers here changed because of another device (or a fetched stub): tell the pages. */
  onChanged?: () => void | Promise<void>;
}

/** Records this device's save or unsave of `id`, later than any mark it already has. */
function stamp(mirror: Record<string, Mark>, inSyncedStorage: Record<string, Mark>, id: string, saved: boolean, nowSeconds: number): void {
  const marks = [mirror[id], inSyncedStorage[id]].filter((mark): mark is Mark => mark !== undefined);
  mirror[id] = localMark(marks.length > 0 ? marks.reduce(laterMark) : undefined, saved, nowSeconds);
}

export function createSavedSync(deps: SavedSyncDeps) {
  const area: SyncedArea = deps.area ?? browser.storage.sync;
  const now = deps.now ?? Date.now;
  const fetchPaper = deps.fetchPaper ?? fetchPaperFromSource;
  const mirrorItem = deps.mirror ?? savedMarksItem;
  /** One read-modify-write of the marks at a time (saves, remote changes, import). */
  const markChanges = createSerialQueue();

  /** A bucket as storage.sync holds it: checked against its key and this device's clock. */
  const fromOtherDevices = (value: unknown, index: number) => sanitizeBucket(value, { bucket: index, nowSeconds: toSeconds(now()) });

  async function readBuckets(indexes: readonly number[]): Promise<Record<string, Mark>[]> {
    const stored = await area.get(indexes.map(bucketKey));
    const buckets = Array.from({ length: BUCKET_COUNT }, () => ({}) as Record<string, Mark>);
    for (const index of indexes) buckets[index] = fromOtherDevices(stored[bucketKey(index)], index);
    return buckets;
  }

  async function readMirror(): Promise<Record<string, Mark>> {
    return sanitizeBucket(await mirrorItem.getValue());
  }

  /** Old tombstones leave the replica too, or it would grow for ever. */
  async function writeMirror(marks: Record<string, Mark>): Promise<void> {
    const cutoff = toSeconds(now()) - TOMBSTONE_TTL_SECONDS;
    await mirrorItem.setValue(Object.fromEntries(Object.entries(marks).filter(([, mark]) => isSavedMark(mark) || markSeconds(mark) >= cutoff)));
  }

  /**
   * Writes, in one storage.sync operation (the write rate is limited), each bucket whose
   * compacted form differs from what storage.sync holds. A failure is recorded, not thrown:
   * the marks are safe in IndexedDB and the replica, and the next change or start-up retries.
   */
  async function publish(merged: Record<string, Mark>[], current: Record<string, Mark>[], indexes: readonly number[]): Promise<void> {
    const status = await followStatusItem.getValue();
    const localOnly = { ...status.localOnly };
    const items: Record<string, Record<string, Mark>> = {};
    for (const index of indexes) {
      const key = bucketKey(index);
      const compacted = compactBucket(merged[index]!, toSeconds(now()), { key });
      if (compacted.localOnly.length > 0) localOnly[key] = compacted.localOnly.length;
      else delete localOnly[key];
      if (!sameBucket(compacted.bucket, current[index]!)) items[key] = compacted.bucket;
    }
    let error: string | undefined;
    if (Object.keys(items).length > 0) {
      try {
        await area.set(items);
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
    }
    await followStatusItem.setValue({ at: now(), localOnly, ...(error ? { error } : {}) });
  }

  /** Fetches the details of saved papers known only by id; stops at the first failure. */
  async function fillStubs(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const db = await deps.db();
    const sync = await readSyncState(db);
    const source = await deps.source();
    // The source asked us to wait, or is backing off (with the sync's own bounds on how long).
    if (isHeldBack(forSource(sync, source), 'alarm', now())) return;
    let filled = 0;
    for (const id of ids.slice(0, MAX_FETCHES_PER_RUN)) {
      // A failure (offline, a rate limit, a bad answer) ends the run: the next one tries again.
      const paper = await fetchPaper(source, id).catch(() => undefined);
      if (!paper) break;
      if (await fillStub(db, paper, now())) filled += 1;
    }
    if (filled > 0) await deps.onChanged?.();
  }

  /** Merges storage.sync, the replica and IndexedDB's saved papers; every side ends with the join. */
  async function reconcileNow(): Promise<string[]> {
    const indexes = Array.from({ length: BUCKET_COUNT }, (_, index) => index);
    const db = await deps.db();
    const [current, mirror, stored] = await Promise.all([readBuckets(indexes), readMirror(), savedMarksOf(db)]);
    const mirrorBuckets = splitIntoBuckets(mirror);
    const storedBuckets = splitIntoBuckets(stored);
    const merged = indexes.map((index) => mergeBuckets(current[index]!, mirrorBuckets[index]!, storedBuckets[index]!));
    const all = Object.assign({}, ...merged) as Record<string, Mark>;
    const applied = await applyMarks(db, all);
    await writeMirror(all);
    await publish(merged, current, indexes);
    if (applied.changed.length > 0) await deps.onChanged?.();
    return applied.stubs;
  }

  return {
    /**
     * A save or unsave on this device: `write` changes IndexedDB, then the mark is recorded
     * and published, under the same lock as remote changes so neither undoes the other.
     */
    local(id: string, saved: boolean, write: () => Promise<boolean>): Promise<boolean> {
      return markChanges.run(async () => {
        const changed = await write();
        if (!changed) return false;
        // The replica first, so the action survives storage.sync being unreadable.
        const mirror = await readMirror();
        stamp(mirror, {}, id, saved, toSeconds(now()));
        await writeMirror(mirror);
        try {
          const index = bucketOf(id);
          const current = await readBuckets([index]);
          const published = current[index]![id];
          // Another device's mark stamped later (its clock ahead): this action must still win.
          if (published !== undefined && laterMark(published, mirror[id]!) !== mirror[id]) {
            stamp(mirror, current[index]!, id, saved, toSeconds(now()));
            await writeMirror(mirror);
          }
          const merged = current.slice();
          merged[index] = mergeBuckets(current[index]!, splitIntoBuckets(mirror)[index]!);
          await publish(merged, current, [index]);
        } catch (cause) {
          // storage.sync unavailable: the action is done here and in the replica; the next
          // start-up publishes it.
          await followStatusItem.setValue({ at: now(), localOnly: {}, error: cause instanceof Error ? cause.message : String(cause) }).catch(() => undefined);
        }
        return true;
      });
    },

    /**
     * storage.onChanged in area 'sync'. Chrome replaces an item with the last write any device
     * made, so the item's old value may hold marks the new one lacks (a concurrent write lost
     * on the server): merge old, new and the replica, apply it here, and publish the join
     * when it differs from what arrived, so devices converge.
     */
    async applyRemote(changes: Record<string, StorageChange>): Promise<void> {
      const indexes = Object.keys(changes)
        .map(bucketIndexOfKey)
        .filter((index): index is number => index !== undefined);
      if (indexes.length === 0) return;
      const stubs = await markChanges.run(async () => {
        const mirror = await readMirror();
        const mirrorBuckets = splitIntoBuckets(mirror);
        const incoming = Array.from({ length: BUCKET_COUNT }, () => ({}) as Record<string, Mark>);
        const merged = incoming.slice();
        for (const index of indexes) {
          const change = changes[bucketKey(index)]!;
          incoming[index] = fromOtherDevices(change.newValue, index);
          merged[index] = mergeBuckets(fromOtherDevices(change.oldValue, index), incoming[index]!, mirrorBuckets[index]!);
          Object.assign(mirror, merged[index]);
        }
        const changedMarks = Object.assign({}, ...indexes.map((index) => merged[index])) as Record<string, Mark>;
        const applied = await applyMarks(await deps.db(), changedMarks);
        await writeMirror(mirror);
        await publish(merged, incoming, indexes);
        if (applied.changed.length > 0) await deps.onChanged?.();
        return applied.stubs;
      });
      await fillStubs(stubs);
    },

    /** At start-up and install: catch up with changes missed while the browser was closed. */
    async reconcile(): Promise<void> {
      await fillStubs(await markChanges.run(reconcileNow));
    },

    /**
     * Runs an import (or any bulk write) and publishes it: the ids it saved are stamped as
     * this device's saves now, so an import brings back papers unsaved before it.
     */
    async afterBulkWrite<T extends { savedIds: string[] }>(write: () => Promise<T>): Promise<T> {
      let result!: T;
      const stubs = await markChanges.run(async () => {
        result = await write();
        if (result.savedIds.length > 0) {
          const current = await readBuckets([...new Set(result.savedIds.map(bucketOf))]);
          const mirror = await readMirror();
          for (const id of result.savedIds) stamp(mirror, current[bucketOf(id)]!, id, true, toSeconds(now()));
          await writeMirror(mirror);
        }
        return reconcileNow();
      });
      await fillStubs(stubs);
      return result;
    },
  };
}

export type SavedSync = ReturnType<typeof createSavedSync>;
