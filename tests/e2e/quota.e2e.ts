// Fault table, "storage quota exceeded", for real. Chromium enforces an origin's quota as a
// share (60 %) of the volume its profile is on, whatever `navigator.storage.estimate()` says (it
// reports a fixed "usage + 1 GiB" or "+ 10 GiB", for privacy). So the profile goes on a 64 MB
// tmpfs (a quota of about 40 MB), and a filler database of the extension's own origin takes all
// of it but about 1 MiB: the next sync's new day (about 2 MB) fails with a real
// QuotaExceededError while the disk still has room. Mounting needs root, as in CI; elsewhere the
// file is skipped, loudly.
//
// Measured here (Chromium 150): the prune's deletes commit, but LevelDB gives their room back
// only when it compacts its files, which it had not done by the retry in any run; so the sync
// fails until room comes back, and must not prune again meanwhile. (Both outcomes are accepted
// below, as a compaction may come in time.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { mountSmallDisk } from '../support/small-disk';
import { badgeText, openPage, useSource, waitForBadge } from '../support/e2e';
import { storedSavedIds, storedSummary } from '../support/idb-probe';
import { startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;
type Outcome = { ran: boolean; state: { error?: { kind: string; message: string }; last?: { pruned?: { listings: number; papers: number } } } };

const disk = mountSmallDisk('paperboy-quota-');
const mountPoint = disk.path;

const mountProblem = disk.problem;
if (mountProblem) console.warn(`SKIPPED quota.e2e.ts: cannot mount a small tmpfs (${mountProblem}); run as root to test a full quota.`);

const DAY_MS = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);
const FILLER = 'quota-filler';
/** Papers of the new day: about 2 MB to store, more than the room left. */
const NEW_DAY = 600;

let extension: Extension;
let fake: Fake;
let page: Page;

const send = (request: object) => page.evaluate((body) => chrome.runtime.sendMessage({ paperboy: 'request', request: body }), request);
const refresh = () => send({ type: 'refresh' }) as Promise<Outcome>;
const stored = () => page.evaluate(storedSummary);
const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));

/**
 * Takes the origin's whole quota from an extension page with a database of its own: 1 MiB
 * records (kept as files, so incompressible is enough) until Chromium refuses one, then smaller
 * ones down to 4 KiB. Returns the bytes written; throws on any error but the quota's.
 */
function fillQuota(): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('chunks', { autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const add = (size: number) =>
      new Promise<void>((resolve, reject) => {
        const chunk = new Uint8Array(size);
        for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(chunk.subarray(i, Math.min(size, i + 65_536)));
        const tx = db.transaction('chunks', 'readwrite');
        tx.objectStore('chunks').add(chunk);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    let bytes = 0;
    try {
      for (let size = 1 << 20; size >= 1 << 12; size >>= 2) {
        for (;;) {
          try {
            await add(size);
            bytes += size;
          } catch (error) {
            if ((error as DOMException | null)?.name !== 'QuotaExceededError') throw error;
            break;
          }
        }
      }
    } finally {
      db.close();
    }
    return bytes;
  }, FILLER);
}

/** The sync state as stored, read from an extension page. */
function storedSyncState(): Promise<Outcome['state']> {
  return page.evaluate(
    () =>
      new Promise<Outcome['state']>((resolve, reject) => {
        const open = indexedDB.open('paperboy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('sync');
          request.onsuccess = () => (open.result.close(), resolve(request.result as Outcome['state']));
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * Gives room back: the filler's first record (1 MiB, kept as a file, so deleting it frees its
 * room at once), or the whole filler (the user makes room).
 */
function freeQuota(firstRecordOnly?: 1): Promise<void> {
  return page.evaluate(
    ([name, only]) =>
      new Promise<void>((resolve, reject) => {
        if (!only) {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
          return;
        }
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('chunks', 'readwrite');
          tx.objectStore('chunks').delete(only);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onabort = () => reject(tx.error);
        };
      }),
    [FILLER, firstRecordOnly] as const,
  );
}

/** Whether the filler can take `size` bytes more: a probe that room has come back. */
function fits(size: number): Promise<boolean> {
  return page.evaluate(
    ([name, bytes]) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('chunks', 'readwrite');
          tx.objectStore('chunks').add(new Uint8Array(bytes).map(() => Math.random() * 256));
          tx.oncomplete = () => (open.result.close(), resolve(true));
          tx.onabort = () => (open.result.close(), tx.error?.name === 'QuotaExceededError' ? resolve(false) : reject(tx.error));
        };
      }),
    [FILLER, size] as const,
  );
}

/** Opens the popup and the side panel and waits for each of the texts given for it. */
async function expectInPages(texts: { popup: RegExp[]; sidepanel: RegExp[] }): Promise<void> {
  for (const [view, wanted] of Object.entries(texts)) {
    const shown = await openPage(extension, `${view}.html`);
    for (const text of wanted) {
      await shown
        .getByText(text)
        .waitFor({ timeout: 15_000 })
        .catch(async (error: unknown) => {
          const said = [...(await shown.locator('.notice').allTextContents()), (await shown.locator('body').innerText()).slice(0, 400)];
          throw new Error(`${view}: no ${String(text)} among the notices ${JSON.stringify(said)}`, { cause: error });
        });
    }
    await shown.close();
  }
}

const PRUNED_NOTICE = /^Storage was full: the 7 oldest days \(\d+ papers\) were removed to make room\. Saved papers are always kept\.$/;

describe.skipIf(mountProblem !== undefined)('storage quota exceeded in Chromium', () => {
  // Nine listing days a fortnight and more ago (not refreshed by sync), oldest first.
  const oldDays = Array.from({ length: 9 }, (_, i) => daysAgo(30 - 2 * i));
  const today = daysAgo(0);

  beforeAll(async () => {
    fake = await startFakeHf({ days: Object.fromEntries(oldDays.map((day, i) => [day, makeDay(day, 60, { seed: 100 + i })])) });
    extension = await launchExtension({ profileParent: mountPoint });
    await useSource(extension, fake.url); // stores the latest day and trending
    page = await openPage(extension, 'options.html');
  });
  afterAll(async () => {
    await extension?.close();
    await fake?.close();
    disk.unmount();
  });

  it('prunes the oldest unsaved days once, keeps saved papers, stores the new day when there is room, and tells the user', async () => {
    // The user has browsed the older days (each a listing of its own) and saved a paper of the oldest.
    for (const day of oldDays)
      expect((await send({ type: 'fetchView', key: `day:${day}` })) as { status: string }).toMatchObject({
        status: expect.stringMatching(/^(fetched|fresh)$/),
      });
    const savedId = makeDay(oldDays[0]!, 1, { seed: 100 })[0]!.paper.id;
    expect(await send({ type: 'setSaved', id: savedId, saved: true })).toEqual({ changed: true });
    const before = await stored();
    for (const day of oldDays) expect(before.listings[`day:${day}`]).toBe(60);

    // All the quota but about 1 MiB: room for the sync state, not for the new day.
    expect(await fillQuota()).toBeGreaterThan(30 * 2 ** 20);
    await freeQuota(1);
    await expect.poll(() => fits(16_384), { timeout: 10_000 }).toBe(true); // Chromium has counted the freed file
    fake.state.setDays({ ...fake.state.days, [today]: makeDay(today, NEW_DAY, { seed: 7 }) });
    const first = await refresh();

    // The seven oldest days went, the newest two stayed, and so did the saved paper.
    const kept = oldDays.slice(7).map((day) => `day:${day}`);
    const afterPrune = await stored();
    expect(
      Object.keys(afterPrune.listings)
        .filter((key) => key !== `day:${today}`)
        .sort(),
    ).toEqual([...kept, 'trending'].sort());
    expect(await page.evaluate(storedSavedIds)).toEqual([savedId]);
    expect(afterPrune.papers).toBeLessThan(before.papers - 300);

    expect(first.state.last?.pruned).toMatchObject({ listings: 7 });
    if (first.state.error) {
      // LevelDB has not given the deleted records' room back yet (the usual case): the sync
      // fails as storage, nothing of the new day is half-written, and the badge says why.
      expect(first.state.error).toMatchObject({ kind: 'storage', message: expect.stringMatching(/no room left for papers/) });
      expect(afterPrune.listings[`day:${today}`] ?? 0).toBe(0);
      expect(await badgeText(extension)).toBe('!');
      expect(await badgeTitle()).toMatch(/no room left for papers/);
      // Failed writes can take the room left for a while too (measured: in some runs not even the
      // sync state could be written then; the background keeps it in storage.session). Either
      // way, popup and side panel say so and what was removed.
      await expectInPages({
        popup: [/^Could not save new papers since .* \(The browser has no room left for papers, even after removing the oldest days\)$/, PRUNED_NOTICE],
        sidepanel: [
          /^Could not save new papers since .* \(The browser has no room left for papers, even after removing the oldest days\) — showing data from /,
          PRUNED_NOTICE,
        ],
      });

      // The user asks again from the popup while still full: told why, and no more history is
      // deleted (the day is stored whole if the browser has compacted meanwhile, or not at all).
      const popup = await openPage(extension, 'popup.html');
      await popup.getByRole('button', { name: 'Refresh' }).click();
      const answer = popup.getByText(/^(Refresh failed: .*|\d+ new papers?|Up to date)$/);
      await answer.waitFor();
      const stillFull = /^Refresh failed: The browser has no room left for papers/.test((await answer.textContent()) ?? '');
      await popup.close();
      const still = await stored();
      expect(
        Object.keys(still.listings)
          .filter((key) => key !== `day:${today}`)
          .sort(),
      ).toEqual([...kept, 'trending'].sort());
      expect(still.listings[`day:${today}`] ?? 0).toBe(stillFull ? 0 : NEW_DAY);
    }
    if ((await stored()).listings[`day:${today}`] !== NEW_DAY) {
      // Room comes back: the next sync stores the day.
      await freeQuota();
      expect((await refresh()).state.error).toBeUndefined();
    }
    // The sync that succeeded recorded the prune, for the pages to tell.
    expect((await storedSyncState()).last?.pruned).toEqual(first.state.last?.pruned);
    const after = await stored();
    expect(after.listings[`day:${today}`]).toBe(NEW_DAY);
    expect(await page.evaluate(storedSavedIds)).toEqual([savedId]);
    await waitForBadge(extension, (text) => /^\d+\+?$/.test(text));

    // Popup and side panel say what was removed, and that saved papers are kept.
    await expectInPages({ popup: [PRUNED_NOTICE], sidepanel: [PRUNED_NOTICE] });
  }, 90_000);
});
