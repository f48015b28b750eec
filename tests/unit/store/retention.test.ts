// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/core/dates';
import { dayKey } from '@/lib/store/listing-keys';
import { getAllListings, getAllSummaries } from '@/lib/store/reads';
import { openPaperboyDb } from '@/lib/store/connection';
import { setSaved, storeListing } from '@/lib/store/writes';
import type { PaperboyDb } from '@/lib/store/schema';
import { isQuotaError, pruneBefore, pruneOldestListings } from '@/lib/store/retention';
import { loadHome } from '@/lib/boot/home';
import { createSyncEngine } from '@/lib/sync/engine';
import { loadRecordedDays, startFakeHf } from '../../support/fake-hf.mjs';
import { makePaper } from '../../support/make-paper';

const NOW = Date.parse('2026-11-20T15:00:00Z');
let db: PaperboyDb;

beforeEach(async () => {
  db = await openPaperboyDb(`retention-${Math.random()}`);
});
afterEach(() => db.close());

/** Old days (from 1 October) of two papers each. */
async function seedDays(count = 10) {
  for (let i = 0; i < count; i++) {
    const day = addDays('2026-10-01', i);
    const papers = [
      makePaper(`2610.${String(i * 2).padStart(5, '0')}`, { listedOn: day }),
      makePaper(`2610.${String(i * 2 + 1).padStart(5, '0')}`, { listedOn: day }),
    ];
    await storeListing(db, { key: dayKey(day), papers, fetchedAt: NOW, mode: 'merge' });
  }
}

describe('isQuotaError', () => {
  it.each([
    ['a QuotaExceededError', new DOMException('full', 'QuotaExceededError'), true],
    ['an abort caused by one', { name: 'AbortError', cause: new DOMException('full', 'QuotaExceededError') }, true],
    ['another DOMException', new DOMException('x', 'AbortError'), false],
    ['an Error that only says so', new Error('QuotaExceededError'), false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});

describe('pruneBefore', () => {
  it('drops old listings and old papers no listing holds any more (a replaced search answer), keeping saved and still-listed ones', async () => {
    await seedDays(2); // 1 and 2 October
    const oldResults = [
      makePaper('2609.00001', { listedOn: '2026-09-10' }),
      makePaper('2609.00002', { listedOn: '2026-09-11' }),
      makePaper('2611.00077', { listedOn: '2026-11-19' }),
    ];
    await storeListing(db, { key: 'search', papers: oldResults, fetchedAt: NOW, mode: 'replace', markNew: false });
    await setSaved(db, '2609.00002', true, NOW);
    // The next search replaces the answer: its papers are held by no listing now.
    await storeListing(db, { key: 'search', papers: [makePaper('2609.00003', { listedOn: '2026-09-12' })], fetchedAt: NOW, mode: 'replace', markNew: false });

    const result = await pruneBefore(db, '2026-10-02');
    expect(result).toEqual({ listings: 1, papers: 3 }); // day 1 October's two papers, and 2609.00001
    expect(await db.get('papers', '2609.00001')).toBeUndefined();
    expect((await getAllSummaries(db)).map((summary) => summary.id)).not.toContain('2609.00001');
    expect(await db.get('papers', '2609.00002')).toBeDefined(); // saved
    expect(await db.get('papers', '2609.00003')).toBeDefined(); // in the current search answer
    expect(await db.get('papers', '2611.00077')).toBeDefined(); // listed after the cutoff
    expect(await db.get('papers', '2610.00002')).toBeDefined(); // 2 October is kept
    expect((await getAllListings(db)).map((listing) => listing.key).sort()).toEqual(['day:2026-10-02', 'search']);
  });
});

describe('pruneOldestListings', () => {
  it('drops the oldest days and their papers, keeping saved papers and papers listed elsewhere', async () => {
    await seedDays();
    await setSaved(db, '2610.00000', true, NOW);
    await storeListing(db, { key: 'trending', papers: [makePaper('2610.00002', { listedOn: '2026-10-02' })], fetchedAt: NOW, mode: 'replace' });
    const result = await pruneOldestListings(db, { count: 3 });
    expect(result).toEqual({ listings: 3, papers: 4 }); // 6 papers, minus one saved, minus one in trending
    const keys = (await getAllListings(db)).map((listing) => listing.key);
    expect(keys).not.toContain('day:2026-10-01');
    expect(keys).not.toContain('day:2026-10-03');
    expect(keys).toContain('day:2026-10-04');
    expect(await db.get('papers', '2610.00000')).toBeDefined();
    expect(await db.get('papers', '2610.00002')).toBeDefined();
    expect(await db.get('papers', '2610.00001')).toBeUndefined();
  });

  it('never removes the last day listing, nor the ones it is told to keep', async () => {
    await seedDays(3);
    expect(await pruneOldestListings(db, { count: 10, keep: new Set(['day:2026-10-01']) })).toMatchObject({ listings: 1 });
    expect((await getAllListings(db)).map((listing) => listing.key).sort()).toEqual(['day:2026-10-01', 'day:2026-10-03']);
  });
});

describe('a sync when storage is full', () => {
  it('removes the oldest days, stores the new listing, and says so', async () => {
    await seedDays();
    const fake = await startFakeHf({ days: loadRecordedDays() });
    try {
      // The browser refuses the first write for lack of room.
      let refused = false;
      const full = new Proxy(db, {
        get(target, property, receiver) {
          if (property === 'transaction') {
            return (...args: Parameters<PaperboyDb['transaction']>) => {
              if (!refused && args[1] === 'readwrite' && ([args[0]].flat() as string[]).includes('papers')) {
                refused = true;
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              }
              return target.transaction(...args);
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const engine = createSyncEngine({ db: async () => full, source: async () => fake.url, now: () => NOW });
      const outcome = await engine.sync('install');
      expect(outcome.state.error).toBeUndefined();
      expect(outcome.state.last?.pruned).toEqual({ listings: 7, papers: 14 });
      const keys = (await getAllListings(db)).map((listing) => listing.key);
      expect(keys).toContain('day:2026-11-20');
      expect(keys.filter((key) => key.startsWith('day:2026-10'))).toHaveLength(3);
    } finally {
      await fake.close();
    }
  });
});

/**
 * The database as Chromium behaves when the origin is out of quota: every write of papers is
 * refused while `state.full`, and so is the sync state's when `state.metaToo`. Deletes go
 * through, but (as with Chromium's LevelDB until it compacts) give no room back.
 */
function fullDb(target: PaperboyDb, state: { full: boolean; metaToo?: boolean }): PaperboyDb {
  const refuse = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return new Proxy(target, {
    get(db, property, receiver) {
      if (property === 'transaction') {
        return (...args: Parameters<PaperboyDb['transaction']>) => {
          // storeListing's transaction names 'papers' first; the prune's starts with 'listings'.
          if (state.full && args[1] === 'readwrite' && [args[0]].flat()[0] === 'papers') throw refuse();
          return db.transaction(...args);
        };
      }
      if (property === 'put') {
        return (...args: Parameters<PaperboyDb['put']>) => (state.full && state.metaToo && args[0] === 'meta' ? Promise.reject(refuse()) : db.put(...args));
      }
      const value = Reflect.get(db, property, receiver);
      return typeof value === 'function' ? value.bind(db) : value;
    },
  });
}

describe('a spell of full storage that pruning does not end at once', () => {
  const oldDays = async () => (await getAllListings(db)).map((listing) => listing.key).filter((key) => key.startsWith('day:2026-10'));

  it('prunes once, not at every failed sync, and reports the prune with the sync that succeeds', async () => {
    await seedDays();
    const fake = await startFakeHf({ days: loadRecordedDays() });
    try {
      const state = { full: true };
      let time = NOW;
      const engine = createSyncEngine({ db: async () => fullDb(db, state), source: async () => fake.url, now: () => time });
      const first = await engine.sync('manual');
      expect(first.state.error?.kind).toBe('storage');
      expect(first.state.last?.pruned).toEqual({ listings: 7, papers: 14 });
      expect(await oldDays()).toHaveLength(3);

      time += 60_000;
      const second = await engine.sync('manual');
      expect(second.state.error?.kind).toBe('storage');
      expect(await oldDays()).toHaveLength(3); // no more history lost for no room
      expect(second.state.last?.pruned).toEqual({ listings: 7, papers: 14 });

      state.full = false; // the browser has compacted, or the user made room
      time += 60_000;
      const third = await engine.sync('manual');
      expect(third.state.error).toBeUndefined();
      expect(third.state.last?.pruned).toEqual({ listings: 7, papers: 14 }); // now the popup can say so
      expect((await getAllListings(db)).map((listing) => listing.key)).toContain('day:2026-11-20');

      time += 60_000;
      expect((await engine.sync('manual')).state.last?.pruned).toBeUndefined(); // said once
    } finally {
      await fake.close();
    }
  });

  it('keeps the prune in the outcome when not even the sync state can be written', async () => {
    await seedDays();
    const fake = await startFakeHf({ days: loadRecordedDays() });
    try {
      const engine = createSyncEngine({ db: async () => fullDb(db, { full: true, metaToo: true }), source: async () => fake.url, now: () => NOW });
      const outcome = await engine.sync('manual');
      expect(outcome.state.error).toMatchObject({ kind: 'storage', message: expect.stringMatching(/no room left/) });
      expect(outcome.state.last?.pruned).toEqual({ listings: 7, papers: 14 });
      expect(await db.get('meta', 'sync')).toBeUndefined(); // only the background's memory knows
    } finally {
      await fake.close();
    }
  });

  it('lets a page opened during the spell see the outcome that could not be stored, until one is', async () => {
    await seedDays();
    const fake = await startFakeHf({ days: loadRecordedDays() });
    try {
      const state = { full: true, metaToo: true };
      let time = NOW;
      const engine = createSyncEngine({ db: async () => fullDb(db, state), source: async () => fake.url, now: () => time });
      await engine.sync('manual');
      const during = (await loadHome(db, time)).sync;
      expect(during.error).toMatchObject({ kind: 'storage', message: expect.stringMatching(/no room left/) });
      expect(during.last?.pruned).toEqual({ listings: 7, papers: 14 });

      state.full = false;
      time += 60_000;
      await engine.sync('manual');
      const after = (await loadHome(db, time)).sync;
      expect(after.error).toBeUndefined();
      expect(after.lastSuccessAt).toBe(time);
      expect(after.last?.pruned).toEqual({ listings: 7, papers: 14 });
    } finally {
      await fake.close();
    }
  });
});

describe('coming back online', () => {
  it('syncs at once after an offline failure, despite the backoff', async () => {
    const fake = await startFakeHf({ days: loadRecordedDays() });
    try {
      let online = false;
      const engine = createSyncEngine({
        db: async () => db,
        source: async () => fake.url,
        now: () => NOW,
        client: { isOnline: () => online, fetch: (...args) => (online ? fetch(...args) : Promise.reject(new TypeError('offline'))) },
      });
      expect((await engine.sync('alarm')).state.error?.kind).toBe('offline');
      expect((await engine.sync('alarm')).ran).toBe(false);
      online = true;
      const back = await engine.sync('online');
      expect(back.ran).toBe(true);
      expect(back.state.error).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
