// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, openPaperboyDb } from '@/lib/store/connection';
import { setSaved, storeListing } from '@/lib/store/writes';
import type { PaperboyDb } from '@/lib/store/schema';
import type { Paper } from '@/lib/source/entry';
import { fetchPaper } from '@/lib/source/paper-by-id';
import { bucketKey, bucketOf, toSeconds, type Mark } from '@/lib/saved/merge';
import { createSavedSync, savedMarksItem, type StorageChange, type SyncedArea } from '@/lib/saved/follow';
import { followStatusItem } from '@/lib/saved/follow-status';
import { isStub } from '@/lib/saved/store';
import { startFakeHf } from '@/tests/support/fake-hf.mjs';
import { makePaper } from '../../support/make-paper';

const T0 = Date.UTC(2026, 10, 26, 12);
const ids = Array.from({ length: 200 }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
/** Two ids that share a bucket, and one in another. */
const [idA, idB] = ids.filter((id) => bucketOf(id) === bucketOf(ids[0]!)).slice(0, 2) as [string, string];
const idOther = ids.find((id) => bucketOf(id) !== bucketOf(idA))!;
const bucketA = bucketKey(bucketOf(idA));

async function storePapers(db: PaperboyDb, papers: Paper[]) {
  await storeListing(db, { key: 'day:2026-11-20', papers, fetchedAt: T0 - 1000, mode: 'merge' });
}

const savedIds = async (db: PaperboyDb) => (await db.getAllFromIndex('papers', 'savedAt')).map((paper) => paper.id).sort();
const syncBucket = async (key: string) => ((await fakeBrowser.storage.sync.get(key)) as Record<string, Record<string, Mark>>)[key] ?? {};

/** One device on the real (fake) browser storage and the default database. */
function device(options: { now?: () => number; papers?: Map<string, Paper>; area?: SyncedArea } = {}) {
  const onChanged = vi.fn();
  const sync = createSavedSync({
    db: getDb,
    source: async () => 'https://huggingface.co',
    now: options.now ?? (() => T0),
    fetchPaper: async (_source, id) => options.papers?.get(id),
    area: options.area,
    onChanged,
  });
  return { sync, onChanged };
}

describe('saved ids follow the user', () => {
  it('a save and an unsave here are published to storage.sync, the unsave as a tombstone', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA), makePaper(idOther)]);
    let now = T0;
    const { sync } = device({ now: () => now });
    expect(await sync.local(idA, true, () => setSaved(db, idA, true, now))).toBe(true);
    expect(await syncBucket(bucketA)).toEqual({ [idA]: toSeconds(T0) });
    now += 5000;
    await sync.local(idA, false, () => setSaved(db, idA, false, now));
    expect(await syncBucket(bucketA)).toEqual({ [idA]: -toSeconds(now) });
    // Nothing changed, nothing written.
    expect(await sync.local(idOther, false, () => setSaved(db, idOther, false, now))).toBe(false);
    expect(await syncBucket(bucketKey(bucketOf(idOther)))).toEqual({});
  });

  it('a remote save of a paper not stored here shows at once (by id) and is filled from the source', async () => {
    const db = await getDb();
    const { sync, onChanged } = device({ papers: new Map([[idA, makePaper(idA, { title: 'Fetched title' })]]) });
    await sync.applyRemote({ [bucketA]: { newValue: { [idA]: toSeconds(T0) } } });
    const stored = await db.get('papers', idA);
    expect(stored).toMatchObject({ id: idA, title: 'Fetched title', savedAt: toSeconds(T0) * 1000 });
    expect(isStub(stored!)).toBe(false);
    expect(onChanged).toHaveBeenCalled();
  });

  it('keeps a saved id it cannot fetch as a placeholder in the Saved set', async () => {
    const db = await getDb();
    const { sync } = device();
    await sync.applyRemote({ [bucketA]: { newValue: { [idA]: toSeconds(T0) } } });
    const stored = await db.get('papers', idA);
    expect(stored && isStub(stored)).toBe(true);
    expect(await savedIds(db)).toEqual([idA]);
    // A later remote unsave removes the placeholder entirely.
    await sync.applyRemote({ [bucketA]: { oldValue: { [idA]: toSeconds(T0) }, newValue: { [idA]: -(toSeconds(T0) + 10) } } });
    expect(await db.get('papers', idA)).toBeUndefined();
  });

  it.each([
    ['a later remote removal unsaves', -(toSeconds(T0) + 60), []],
    ['an older remote removal does not undo a newer local save', -(toSeconds(T0) - 60), [idA]],
  ])('%s', async (_name, remoteMark, expected) => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA)]);
    const { sync } = device();
    await sync.local(idA, true, () => setSaved(db, idA, true, T0));
    // As Chrome does: the item is replaced, then onChanged tells of it.
    await fakeBrowser.storage.sync.set({ [bucketA]: { [idA]: remoteMark } });
    await sync.applyRemote({ [bucketA]: { oldValue: { [idA]: toSeconds(T0) }, newValue: { [idA]: remoteMark } } });
    expect(await savedIds(db)).toEqual(expected);
    // Every device ends with the join: the newer local save is published again.
    expect((await syncBucket(bucketA))[idA]).toBe(expected.length ? toSeconds(T0) : remoteMark);
  });

  it('re-publishes marks a concurrent write lost on the server', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA), makePaper(idB)]);
    const { sync } = device();
    await sync.local(idA, true, () => setSaved(db, idA, true, T0));
    // Another device's bucket replaced ours: it has idB but not our idA.
    const before = await syncBucket(bucketA);
    const incoming = { [idB]: toSeconds(T0) + 1 };
    await fakeBrowser.storage.sync.set({ [bucketA]: incoming });
    await sync.applyRemote({ [bucketA]: { oldValue: before, newValue: incoming } });
    expect(await syncBucket(bucketA)).toEqual({ [idA]: toSeconds(T0), [idB]: toSeconds(T0) + 1 });
    expect(await savedIds(db)).toEqual([idA, idB].sort());
  });

  it('ignores other sync keys and never spreads what it cannot read', async () => {
    const { sync, onChanged } = device();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await sync.applyRemote({ source: { newValue: 'https://hf-mirror.com' } });
    await sync.applyRemote({ [bucketA]: { newValue: { 'javascript:alert(1)': 5, [idA]: 'x' } } });
    expect(onChanged).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });

  it('at the quota: says so, keeps the save here, and publishes it once storage.sync accepts again', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA)]);
    let full = true;
    const area: SyncedArea = {
      get: (keys) => fakeBrowser.storage.sync.get(keys),
      set: (items) => (full ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : fakeBrowser.storage.sync.set(items)),
    };
    const { sync } = device({ area });
    expect(await sync.local(idA, true, () => setSaved(db, idA, true, T0))).toBe(true);
    expect(await savedIds(db)).toEqual([idA]);
    expect(await followStatusItem.getValue()).toMatchObject({ error: 'QUOTA_BYTES quota exceeded' });
    full = false;
    await sync.reconcile();
    expect(await syncBucket(bucketA)).toEqual({ [idA]: toSeconds(T0) });
    expect((await followStatusItem.getValue()).error).toBeUndefined();
  });

  it('a save here wins over a removal another device stamped later (its clock ahead)', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA)]);
    await fakeBrowser.storage.sync.set({ [bucketA]: { [idA]: -(toSeconds(T0) + 100) } });
    const { sync } = device();
    await sync.local(idA, true, () => setSaved(db, idA, true, T0));
    expect(await syncBucket(bucketA)).toEqual({ [idA]: toSeconds(T0) + 101 });
  });

  it.each([
    ['arriving from another device', 'remote'],
    ['found in storage.sync at start-up', 'startup'],
  ])('a removal stamped years ahead, %s, unsaves nothing and is not believed later either', async (_name, when) => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA), makePaper(idB)]);
    const { sync } = device();
    await sync.local(idA, true, () => setSaved(db, idA, true, T0));
    await sync.local(idB, true, () => setSaved(db, idB, true, T0));
    const before = await syncBucket(bucketA);
    // idB's removal is within a day's clock skew: it is believed.
    const hostile = { [idA]: -(toSeconds(T0) + 10 * 365 * 86_400), [idB]: -(toSeconds(T0) + 3600) };
    await fakeBrowser.storage.sync.set({ [bucketA]: hostile });
    if (when === 'remote') await sync.applyRemote({ [bucketA]: { oldValue: before, newValue: hostile } });
    else await sync.reconcile();
    expect(await savedIds(db)).toEqual([idA]);
    expect((await savedMarksItem.getValue())[idA]).toBe(toSeconds(T0));
  });

  it("an id in the wrong bucket does not replace this device's mark of it", async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idOther)]);
    const { sync } = device();
    await sync.local(idOther, true, () => setSaved(db, idOther, true, T0));
    // bucketA is not idOther's bucket: a removal of it there is not idOther's removal.
    await sync.applyRemote({ [bucketA]: { newValue: { [idOther]: -(toSeconds(T0) + 100) } } });
    expect(await savedIds(db)).toEqual([idOther]);
    expect((await savedMarksItem.getValue())[idOther]).toBe(toSeconds(T0));
    expect(await syncBucket(bucketA)).toEqual({});
  });

  it('a save still succeeds when storage.sync cannot even be read', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA)]);
    const area: SyncedArea = { get: () => Promise.reject(new Error('storage.sync is disabled')), set: () => Promise.reject(new Error('no')) };
    const { sync } = device({ area });
    expect(await sync.local(idA, true, () => setSaved(db, idA, true, T0))).toBe(true);
    expect(await savedIds(db)).toEqual([idA]);
    expect(await followStatusItem.getValue()).toMatchObject({ error: 'storage.sync is disabled' });
  });

  it('at start-up, publishes papers saved before following existed and applies what was missed', async () => {
    const db = await getDb();
    await storePapers(db, [makePaper(idA), makePaper(idOther)]);
    await setSaved(db, idA, true, T0 - 86_400_000);
    await fakeBrowser.storage.sync.set({ [bucketKey(bucketOf(idOther))]: { [idOther]: toSeconds(T0) } });
    const { sync } = device();
    await sync.reconcile();
    expect(await syncBucket(bucketA)).toEqual({ [idA]: toSeconds(T0 - 86_400_000) });
    expect(await savedIds(db)).toEqual([idA, idOther].sort());
  });
});

describe('two devices', () => {
  /**
   * Chrome's sync: each item is last-writer-wins on the server; a device hears of a change
   * as onChanged with its own previous value as oldValue. Writes wait in `pending` until
   * delivered, so tests can make two devices write "at the same time".
   */
  function createCloud() {
    const pending: { from: number; items: Record<string, unknown> }[] = [];
    const devices: { copy: Map<string, unknown>; apply: (changes: Record<string, StorageChange>) => Promise<void> }[] = [];
    return {
      join(apply: (changes: Record<string, StorageChange>) => Promise<void>) {
        const index = devices.push({ copy: new Map(), apply }) - 1;
        const area: SyncedArea = {
          async get(keys) {
            return Object.fromEntries(keys.filter((key) => devices[index]!.copy.has(key)).map((key) => [key, structuredClone(devices[index]!.copy.get(key))]));
          },
          async set(items) {
            for (const [key, value] of Object.entries(items)) devices[index]!.copy.set(key, structuredClone(value));
            pending.push({ from: index, items: structuredClone(items) });
          },
        };
        return area;
      },
      /** Delivers writes in order until none is left (re-publications included). */
      async settle() {
        for (let rounds = 0; pending.length > 0; rounds += 1) {
          if (rounds > 50) throw new Error('devices never converge');
          const { from, items } = pending.shift()!;
          for (const [index, target] of devices.entries()) {
            if (index === from) continue;
            const changes: Record<string, StorageChange> = {};
            for (const [key, value] of Object.entries(items)) {
              changes[key] = { oldValue: target.copy.get(key), newValue: value };
              target.copy.set(key, structuredClone(value));
            }
            await target.apply(changes);
          }
        }
      },
      copies: () => devices.map((d) => Object.fromEntries(d.copy)),
    };
  }

  it('concurrent saves and an unsave on two devices converge with nothing lost', async () => {
    const cloud = createCloud();
    const dbs = [await openPaperboyDb('device-a'), await openPaperboyDb('device-b')];
    const mirrors = [new Map<string, Record<string, Mark>>(), new Map<string, Record<string, Mark>>()];
    const engines = dbs.map((db, i) => {
      let engine!: ReturnType<typeof createSavedSync>;
      const area = cloud.join((changes) => engine.applyRemote(changes));
      engine = createSavedSync({
        db: async () => db,
        source: async () => 'https://huggingface.co',
        now: () => T0,
        fetchPaper: async () => undefined,
        area,
        mirror: { getValue: async () => mirrors[i]!.get('m') ?? {}, setValue: async (value) => void mirrors[i]!.set('m', value) },
      });
      return engine;
    });
    for (const db of dbs) await storePapers(db, [makePaper(idA), makePaper(idB), makePaper(idOther)]);
    const [a, b] = engines as [ReturnType<typeof createSavedSync>, ReturnType<typeof createSavedSync>];
    const [dbA, dbB] = dbs as [PaperboyDb, PaperboyDb];

    // Both write the same bucket before hearing of each other: one write is lost on the server.
    await a.local(idA, true, () => setSaved(dbA, idA, true, T0));
    await b.local(idB, true, () => setSaved(dbB, idB, true, T0));
    await b.local(idOther, true, () => setSaved(dbB, idOther, true, T0));
    await cloud.settle();
    expect(await savedIds(dbA)).toEqual([idA, idB, idOther].sort());
    expect(await savedIds(dbB)).toEqual([idA, idB, idOther].sort());

    // An unsave on one device reaches the other.
    await b.local(idA, false, () => setSaved(dbB, idA, false, T0 + 2000));
    await cloud.settle();
    expect(await savedIds(dbA)).toEqual([idB, idOther].sort());
    const [copyA, copyB] = cloud.copies();
    expect(copyA).toEqual(copyB);
    for (const db of dbs) db.close();
  });
});

describe('fetchPaper', () => {
  let fake: Awaited<ReturnType<typeof startFakeHf>> | undefined;
  afterEach(() => fake?.close());

  it('gets one paper by id from the source, validated; unknown ids are undefined, failures typed', async () => {
    fake = await startFakeHf();
    const entry = Object.values(fake.state.days).flat()[0] as { paper: { id: string; title: string } };
    const paper = await fetchPaper(fake.url, entry.paper.id);
    expect(paper).toMatchObject({ id: entry.paper.id, title: entry.paper.title.replace(/\s+/g, ' ').trim() });
    expect(await fetchPaper(fake.url, '2101.99999')).toBeUndefined();
    fake.state.failNext(1, 'non-json');
    await expect(fetchPaper(fake.url, entry.paper.id)).rejects.toMatchObject({ name: 'ApiError', kind: 'invalid' });
  });
});
