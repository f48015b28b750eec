// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dayKey } from '@/lib/store/listing-keys';
import { openPaperboyDb } from '@/lib/store/connection';
import { storeListing } from '@/lib/store/writes';
import type { PaperboyDb } from '@/lib/store/schema';
import { loadHome } from '@/lib/boot/home';
import { publishUnsavedState, readUnsavedState } from '@/lib/sync/unstored-state';
import { makePaper } from '../../support/make-paper';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const STORED = { failures: 0, lastAttemptAt: NOW - 3_600_000, lastSuccessAt: NOW - 3_600_000 };
const UNSAVED = { failures: 1, lastAttemptAt: NOW, lastSuccessAt: NOW - 3_600_000, error: { kind: 'storage' as const, message: 'no room', at: NOW } };
let db: PaperboyDb;

beforeEach(async () => {
  db = await openPaperboyDb(`unsaved-${Math.random()}`);
  await storeListing(db, {
    key: dayKey('2026-11-20'),
    papers: [makePaper('2611.00001', { listedOn: '2026-11-20' })],
    fetchedAt: NOW - 3_600_000,
    mode: 'merge',
  });
  await db.put('meta', STORED, 'sync');
});
afterEach(() => db.close());

describe('a sync outcome the database could not take', () => {
  it.each([
    ['nothing unsaved', undefined, STORED],
    ['a later outcome unsaved', UNSAVED, UNSAVED],
    ['an older outcome unsaved (the stored one is newer)', { ...UNSAVED, lastAttemptAt: NOW - 7_200_000 }, STORED],
  ])('the home shows the stored state or the later one: %s', async (_name, unsaved, expected) => {
    await publishUnsavedState(unsaved);
    expect((await loadHome(db, NOW)).sync).toEqual(expected);
  });

  it('is cleared once an outcome is stored', async () => {
    await publishUnsavedState(UNSAVED);
    await publishUnsavedState(undefined);
    expect(await readUnsavedState()).toBeUndefined();
  });

  it('reads the home whole even when session storage answers after the database (one transaction, not ended early)', async () => {
    await publishUnsavedState(UNSAVED);
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation((keys) => new Promise((resolve) => setTimeout(() => resolve(get(keys)), 20)));
    const home = await loadHome(db, NOW);
    expect(home.latest.papers.map((paper) => paper.id)).toEqual(['2611.00001']);
    expect(home.sync).toEqual(UNSAVED);
  });
});
