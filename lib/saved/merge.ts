// Saved paper ids as they follow the user in storage.sync: pure data and merge rules.
//
// The ids are sharded into BUCKET_COUNT items (`savedIds0`…) by a hash of the id, so one save
// rewrites one small item. Each bucket maps an arXiv id to a mark: a positive number is "saved
// at" and a negative one "removed at" (a tombstone, so an unsave reaches other devices), in
// whole seconds to keep items small. Merging keeps, per id, the later mark; a save beats a
// removal from the same second, so a concurrent save is never lost. That makes merge a join
// (commutative, associative, idempotent): devices that exchange buckets in any order converge.

import { isArxivId } from '../core/arxiv-id';
import { SAVED_BUCKET_KEY_PREFIX } from '../settings/keys';

/** A saved (> 0) or removed (< 0) mark, its absolute value the time in seconds since 1970. */
export type Mark = number;
export type SavedBucket = Readonly<Record<string, Mark>>;

export const BUCKET_COUNT = 8;
/**
 * Chrome allows 8,192 bytes per item (key + JSON value) and 102,400 in all: 8 buckets of at
 * most 8,000 bytes use 64 KB, leaving the rest to settings and the watchlist.
 */
export const MAX_BUCKET_BYTES = 8_000;
/** A removal is remembered this long; a device offline for longer may bring the id back. */
export const TOMBSTONE_TTL_SECONDS = 90 * 86_400;

export const bucketKey = (index: number) => `${SAVED_BUCKET_KEY_PREFIX}${index}`;
export const bucketIndexOfKey = (key: string): number | undefined => {
  const match = new RegExp(`^${SAVED_BUCKET_KEY_PREFIX}(\\d+)$`).exec(key);
  const index = match ? Number(match[1]) : -1;
  return index >= 0 && index < BUCKET_COUNT ? index : undefined;
};

/** The bucket an id lives in: FNV-1a, so every device and version agrees. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}

export const isSavedMark = (mark: Mark) => mark > 0;
export const markSeconds = (mark: Mark) => Math.abs(mark);
export const toSeconds = (ms: number) => Math.floor(ms / 1000);

/** The later of two marks; at the same second a save wins (nothing saved is lost). */
export function laterMark(a: Mark, b: Mark): Mark {
  const ta = Math.abs(a);
  const tb = Math.abs(b);
  if (ta !== tb) return ta > tb ? a : b;
  return Math.max(a, b);
}

/** Per id, the later mark of any bucket. */
export function mergeBuckets(...buckets: SavedBucket[]): Record<string, Mark> {
  const merged: Record<string, Mark> = {};
  for (const bucket of buckets) {
    for (const [id, mark] of Object.entries(bucket)) {
      const current = merged[id];
      merged[id] = current === undefined ? mark : laterMark(current, mark);
    }
  }
  return merged;
}

export function sameBucket(a: SavedBucket, b: SavedBucket): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((id) => b[id] === a[id]);
}

/**
 * A local save or unsave: stamped now, but always later than the mark it replaces, so a
 * user's latest action wins even against a clock that went back or a same-second toggle.
 */
export function localMark(previous: Mark | undefined, saved: boolean, nowSeconds: number): Mark {
  const time = Math.max(nowSeconds, previous === undefined ? 0 : markSeconds(previous) + 1);
  return saved ? time : -time;
}

/** Clocks of two devices may disagree by this much; a mark further ahead is not believed. */
const MAX_CLOCK_AHEAD_SECONDS = 86_400;

export interface BucketOrigin {
  /** The bucket the value was read from: an id that hashes elsewhere is not this bucket's. */
  bucket?: number;
  /** Now, in seconds: marks later than a day ahead of it are ignored. */
  nowSeconds?: number;
}

/**
 * What another device (or an older version) wrote is untrusted: only arXiv ids with whole,
 * non-zero marks are kept; anything else is ignored rather than spread further. Given where
 * it came from, also ignored: ids of another bucket (they would replace this device's own
 * mark of the id, which lives in its right bucket) and marks far in the future (a tombstone
 * stamped years ahead would beat every later save, everywhere, until retention deletes it).
 */
export function sanitizeBucket(value: unknown, origin: BucketOrigin = {}): Record<string, Mark> {
  const clean: Record<string, Mark> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return clean;
  const latest = origin.nowSeconds === undefined ? Infinity : origin.nowSeconds + MAX_CLOCK_AHEAD_SECONDS;
  for (const [id, mark] of Object.entries(value as Record<string, unknown>)) {
    if (!isArxivId(id) || typeof mark !== 'number' || !Number.isSafeInteger(mark) || mark === 0) continue;
    if (markSeconds(mark) > latest) continue;
    if (origin.bucket !== undefined && bucketOf(id) !== origin.bucket) continue;
    clean[id] = mark;
  }
  return clean;
}

/** Bytes an item takes against the quota: its key plus its JSON value. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export interface Compacted {
  bucket: Record<string, Mark>;
  /** Saved ids that did not fit: they stay saved on this device but do not follow the user. */
  localOnly: string[];
}

/**
 * Makes a bucket fit its quota: tombstones older than the TTL go; then, while too big, the
 * oldest tombstones; then the oldest saves (reported, never unsaved locally). Deterministic,
 * so two devices compacting the same marks agree and do not undo each other.
 */
export function compactBucket(bucket: SavedBucket, nowSeconds: number, options: { key?: string; maxBytes?: number; ttlSeconds?: number } = {}): Compacted {
  const key = options.key ?? bucketKey(0);
  const maxBytes = options.maxBytes ?? MAX_BUCKET_BYTES;
  const cutoff = nowSeconds - (options.ttlSeconds ?? TOMBSTONE_TTL_SECONDS);
  const entries = Object.entries(bucket).filter(([, mark]) => isSavedMark(mark) || markSeconds(mark) >= cutoff);
  // Oldest first, tombstones before saves; ids break ties so every device drops the same ones.
  const dropOrder = entries
    .slice()
    .sort(([ia, a], [ib, b]) => Number(isSavedMark(a)) - Number(isSavedMark(b)) || markSeconds(a) - markSeconds(b) || ia.localeCompare(ib));
  const kept: Record<string, Mark> = Object.fromEntries(entries);
  let bytes = itemBytes(key, kept);
  const localOnly: string[] = [];
  for (const [id, mark] of dropOrder) {
    if (bytes <= maxBytes) break;
    // Removing `"id":mark` and its comma.
    bytes -= new TextEncoder().encode(`${JSON.stringify(id)}:${mark},`).length;
    delete kept[id];
    if (isSavedMark(mark)) localOnly.push(id);
  }
  return { bucket: kept, localOnly };
}

/** Groups marks by bucket index. */
export function splitIntoBuckets(marks: Record<string, Mark>): Record<string, Mark>[] {
  const buckets = Array.from({ length: BUCKET_COUNT }, () => ({}) as Record<string, Mark>);
  for (const [id, mark] of Object.entries(marks)) buckets[bucketOf(id)]![id] = mark;
  return buckets;
}
