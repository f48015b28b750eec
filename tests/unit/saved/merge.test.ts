import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUCKET_COUNT,
  MAX_BUCKET_BYTES,
  TOMBSTONE_TTL_SECONDS,
  bucketIndexOfKey,
  bucketKey,
  bucketOf,
  compactBucket,
  itemBytes,
  laterMark,
  localMark,
  mergeBuckets,
  sameBucket,
  sanitizeBucket,
  splitIntoBuckets,
  type Mark,
  type SavedBucket,
} from '@/lib/saved/merge';

const NOW = 1_795_000_000; // seconds

describe('laterMark', () => {
  it.each([
    ['later save wins over earlier removal', 200, -100, 200],
    ['later removal wins over earlier save', 100, -200, -200],
    ['same second: the save wins', 100, -100, 100],
    ['two saves: the later', 100, 300, 300],
    ['two removals: the later', -100, -300, -300],
  ])('%s', (_name, a, b, expected) => {
    expect(laterMark(a, b)).toBe(expected);
    expect(laterMark(b, a)).toBe(expected);
  });
});

describe('localMark', () => {
  it.each([
    ['first save', undefined, true, NOW, NOW],
    ['first unsave', undefined, false, NOW, -NOW],
    ['unsave right after a save in the same second', NOW, false, NOW, -(NOW + 1)],
    ['save after a removal stamped in the future (clock skew)', -(NOW + 50), true, NOW, NOW + 51],
    ['save after an old removal', -(NOW - 50), true, NOW, NOW],
  ])('%s', (_name, previous, saved, now, expected) => {
    const mark = localMark(previous, saved, now);
    expect(mark).toBe(expected);
    // The user's latest action always wins the merge against what it replaced.
    if (previous !== undefined) expect(laterMark(previous, mark)).toBe(mark);
  });
});

describe('buckets', () => {
  it('spreads ids over every bucket, the same way every time', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
    const counts = new Array(BUCKET_COUNT).fill(0);
    for (const id of ids) counts[bucketOf(id)] += 1;
    expect(counts.every((count) => count > 20)).toBe(true);
    expect(bucketOf('2611.01234')).toBe(bucketOf('2611.01234'));
    expect(splitIntoBuckets({ '2611.01234': 5 })[bucketOf('2611.01234')]).toEqual({ '2611.01234': 5 });
  });

  it.each([
    ['savedIds0', 0],
    [`savedIds${BUCKET_COUNT - 1}`, BUCKET_COUNT - 1],
    [`savedIds${BUCKET_COUNT}`, undefined],
    ['source', undefined],
    ['savedIdsX', undefined],
  ])('key %s is bucket %s', (key, index) => {
    expect(bucketIndexOfKey(key)).toBe(index);
  });

  it.each([
    ['garbage', 'nope', {}],
    ['an array', [1, 2], {}],
    [
      'bad ids, zero, fractions and strings dropped',
      { '2611.01234': 5, 'javascript:x': 5, '2611.00001': 0, '2611.00002': 1.5, '2611.00003': '7' },
      { '2611.01234': 5 },
    ],
    ['removals kept', { '2611.01234': -5 }, { '2611.01234': -5 }],
  ])('sanitizes %s', (_name, value, expected) => {
    expect(sanitizeBucket(value)).toEqual(expected);
  });

  const home = '2611.01234';
  const stray = Array.from({ length: 50 }, (_, i) => `2611.${String(i).padStart(5, '0')}`).find((other) => bucketOf(other) !== bucketOf(home))!;
  const DAY = 86_400;
  it.each([
    ['a save a minute ahead (clock skew) kept', { [home]: NOW + 60 }, { [home]: NOW + 60 }],
    ['a removal a day ahead kept', { [home]: -(NOW + DAY) }, { [home]: -(NOW + DAY) }],
    ['a removal a day and a second ahead ignored', { [home]: -(NOW + DAY + 1) }, {}],
    ['a removal years ahead ignored', { [home]: -(NOW + 20 * 365 * DAY) }, {}],
    ['a save years ahead ignored', { [home]: NOW + 20 * 365 * DAY }, {}],
    ['an id of another bucket ignored', { [home]: 5, [stray]: -(NOW - 10) }, { [home]: 5 }],
  ])('from another device: %s', (_name, value, expected) => {
    expect(sanitizeBucket(value, { bucket: bucketOf(home), nowSeconds: NOW })).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: merge is a join, so devices converge whatever order changes arrive in.

const id = fc.integer({ min: 0, max: 40 }).map((n) => `2611.${String(n).padStart(5, '0')}`);
const mark = fc.integer({ min: 1, max: 50 }).chain((time) => fc.constantFrom(time, -time));
const bucket: fc.Arbitrary<SavedBucket> = fc.dictionary(id, mark, { maxKeys: 20 });

describe('mergeBuckets (properties)', () => {
  it('is commutative', () => {
    fc.assert(fc.property(bucket, bucket, (a, b) => sameBucket(mergeBuckets(a, b), mergeBuckets(b, a))));
  });

  it('is associative', () => {
    fc.assert(fc.property(bucket, bucket, bucket, (a, b, c) => sameBucket(mergeBuckets(mergeBuckets(a, b), c), mergeBuckets(a, mergeBuckets(b, c)))));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(bucket, bucket, (a, b) => sameBucket(mergeBuckets(a, a), a) && sameBucket(mergeBuckets(mergeBuckets(a, b), b), mergeBuckets(a, b))));
  });

  it('loses no saved id: an id saved anywhere stays saved unless removed strictly later', () => {
    fc.assert(
      fc.property(fc.array(bucket, { minLength: 1, maxLength: 5 }), (buckets) => {
        const merged = mergeBuckets(...buckets);
        for (const b of buckets) {
          for (const [key, m] of Object.entries(b)) {
            expect(merged[key]).toBeDefined();
            if (m > 0) expect(merged[key]! > 0 || Math.abs(merged[key]!) > m).toBe(true);
          }
        }
      }),
    );
  });

  it('converges: devices applying the same changes in any order agree', () => {
    fc.assert(
      fc.property(fc.array(bucket, { minLength: 2, maxLength: 6 }), fc.infiniteStream(fc.nat()), (changes, picks) => {
        const shuffled = changes.slice();
        const it = picks[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = it.next().value! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = changes.reduce<SavedBucket>((acc, change) => mergeBuckets(acc, change), {});
        const b = shuffled.reduce<SavedBucket>((acc, change) => mergeBuckets(change, acc), {});
        return sameBucket(a, b);
      }),
    );
  });
});

describe('compactBucket', () => {
  const ids = (n: number, start = 0) => Array.from({ length: n }, (_, i) => `2611.${String(start + i).padStart(5, '0')}`);

  it.each([
    ['keeps a small bucket as it is', { '2611.00001': NOW, '2611.00002': -NOW }, { '2611.00001': NOW, '2611.00002': -NOW }],
    [
      'drops tombstones past the TTL, never saves',
      { '2611.00001': NOW - TOMBSTONE_TTL_SECONDS - 5, '2611.00002': -(NOW - TOMBSTONE_TTL_SECONDS - 5) },
      { '2611.00001': NOW - TOMBSTONE_TTL_SECONDS - 5 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(compactBucket(input, NOW)).toEqual({ bucket: expected, localOnly: [] });
  });

  it('over the quota, drops the oldest tombstones first and keeps every save', () => {
    const saves = Object.fromEntries(ids(200).map((key, i) => [key, NOW - i] as [string, Mark]));
    const tombstones = Object.fromEntries(ids(200, 1000).map((key, i) => [key, -(NOW - i)] as [string, Mark]));
    const { bucket: kept, localOnly } = compactBucket({ ...saves, ...tombstones }, NOW);
    expect(itemBytes(bucketKey(0), kept)).toBeLessThanOrEqual(MAX_BUCKET_BYTES);
    expect(localOnly).toEqual([]);
    for (const key of Object.keys(saves)) expect(kept[key]).toBe(saves[key]);
    // The newest tombstone survives before an older one.
    const keptTombstones = Object.values(kept).filter((m) => m < 0);
    expect(keptTombstones.length).toBeGreaterThan(0);
    expect(kept['2611.01000']).toBe(-NOW);
  });

  it('when saves alone do not fit, the oldest are reported local-only, deterministically', () => {
    const saves = Object.fromEntries(ids(500).map((key, i) => [key, NOW - i] as [string, Mark]));
    const first = compactBucket(saves, NOW);
    expect(itemBytes(bucketKey(0), first.bucket)).toBeLessThanOrEqual(MAX_BUCKET_BYTES);
    expect(first.localOnly.length).toBeGreaterThan(0);
    expect(Object.keys(first.bucket).length + first.localOnly.length).toBe(500);
    expect(first.localOnly).toContain('2611.00499'); // the oldest save
    expect(first.bucket['2611.00000']).toBe(NOW); // the newest kept
    // Compacting again (another device with the same marks) changes nothing: no ping-pong.
    expect(compactBucket(first.bucket, NOW).bucket).toEqual(first.bucket);
    expect(compactBucket(Object.fromEntries(Object.entries(saves).reverse()), NOW)).toEqual(first);
  });
});
