// @vitest-environment node
// A full disk or an unopenable database must show on the badge, keep what was stored, and
// never surface as a thrown error (fault table: "storage quota exceeded").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countPapers } from '@/lib/store/reads';
import { getDb } from '@/lib/store/connection';
import { createPaperboyService } from '@/lib/background/service';
import { RETRY_ALARM } from '@/lib/background/poll-alarms';
import { readSyncState } from '@/lib/sync/engine';
import { startFakeHf } from '@/tests/support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;

beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
});

const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  title: await fakeBrowser.action.getTitle({}),
});

/** What Chromium's IndexedDB throws when the disk is full (seen in headless Chromium on a full tmpfs). */
const diskFull = () => new DOMException('Failed to write blobs (IOError)', 'DataError');

describe('storage failures', () => {
  it('a database that cannot be opened gives an error badge and a retry, not a throw', async () => {
    const paperboy = createPaperboyService({
      db: () => Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError')),
      source: async () => fake.url,
    });
    const outcome = await paperboy.sync('manual');
    expect(outcome.state.error).toMatchObject({ kind: 'storage' });
    expect(outcome.state.error?.message).toMatch(/is the disk full\?\): Internal error opening backing store/);
    expect(await badge()).toMatchObject({ text: '!' });
    expect((await badge()).title).toMatch(/Sync failed at .*Could not save papers/);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();
  });

  it('a disk that fills up keeps the stored papers, says so on the badge, and recovers', async () => {
    const paperboy = createPaperboyService({ db: getDb, source: async () => fake.url });
    await paperboy.sync('manual');
    const db = await getDb();
    const storedBefore = await countPapers(db);
    expect(storedBefore).toBeGreaterThan(0);
    const goodState = await readSyncState(db);

    fake.state.addPapers(new Date().toISOString().slice(0, 10), 3);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw diskFull();
    });
    const failed = await paperboy.sync('manual');
    expect(failed.state.error?.message).toMatch(/Failed to write blobs \(IOError\)/);
    expect(await countPapers(db)).toBe(storedBefore);
    // Not even the failure could be recorded; the badge still tells it, from memory.
    expect(await readSyncState(db)).toEqual(goodState);
    expect((await badge()).text).toBe('!');
    expect((await badge()).title).toMatch(/disk full/);

    put.mockRestore();
    const recovered = await paperboy.sync('manual');
    expect(recovered.state.error).toBeUndefined();
    expect(await countPapers(db)).toBe(storedBefore + 3);
    expect((await badge()).text).toMatch(/^\d+$/);
  });
});
