// Fault table, "storage full", for real: the browser profile lives on a small tmpfs that the
// test fills up, so IndexedDB fails the way it does on a user's full disk (the origin's quota,
// a different failure, is quota.e2e.ts). Mounting needs root, as in CI; elsewhere the file is
// skipped, loudly.
import { closeSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { mountSmallDisk } from '../support/small-disk';
import { badgeText, openPage, useSource, waitForBadge } from '../support/e2e';
import { storedSummary } from '../support/idb-probe';
import { loadFixtureDays, startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const disk = mountSmallDisk('paperboy-small-disk-');
const mountPoint = disk.path;
const filler = join(mountPoint, 'filler');

const mountProblem = disk.problem;
if (mountProblem) console.warn(`SKIPPED disk-full.e2e.ts: cannot mount a small tmpfs (${mountProblem}); run as root to test a full disk.`);

/** Fills the small disk to the last byte (the browser writes too), then frees about `kilobytes`. */
function fillDisk(kilobytes: number): void {
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(256 * 1024);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  truncateSync(filler, Math.max(0, size - kilobytes * 1024));
}

let extension: Extension;
let fake: Fake;
let page: Page;

const today = () => new Date().toISOString().slice(0, 10);
const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));
const refresh = () =>
  page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } })) as Promise<{
    ran: boolean;
    state: { error?: { kind: string; message: string } };
  }>;

describe.skipIf(mountProblem !== undefined)('a full disk in Chromium', () => {
  beforeAll(async () => {
    fake = await startFakeHf();
    extension = await launchExtension({ profileParent: mountPoint });
    await useSource(extension, fake.url);
    page = await openPage(extension, 'options.html');
  });
  afterAll(async () => {
    await extension?.close();
    await fake?.close();
    rmSync(filler, { force: true });
    disk.unmount();
  });

  it('says so on the badge and in the popup, keeps every stored paper, and recovers when space is back', async () => {
    const first = (await page.evaluate(storedSummary)) as { papers: number; listings: Record<string, number> };
    expect(first.papers).toBeGreaterThan(0);

    // A big new day arrives while the disk is full.
    const day = today();
    fake.state.setDays({ ...loadFixtureDays(), [day]: makeDay(day, 400, { seed: 41 }) });
    fillDisk(0);
    const outcome = await refresh(); // answers, rather than rejecting or hanging
    expect(outcome.state.error?.kind).toBe('storage');
    expect(await badgeText(extension)).toBe('!');
    expect(await badgeTitle()).toMatch(/Sync failed at .*Could not save papers in the browser's storage \(is the disk full\?\)/);

    // The popup says what is wrong instead of an empty list. (On a disk full to the last byte
    // Chromium cannot even open the database for reading.)
    const popup = await openPage(extension, 'popup.html');
    await expect.poll(() => popup.getByRole('alert').first().textContent(), { timeout: 15_000 }).toMatch(/Could not (read the stored|save new) papers/);
    await popup.close();

    // Space comes back: nothing was lost or half-written, and the next sync stores the day.
    rmSync(filler, { force: true });
    const during = (await page.evaluate(storedSummary)) as typeof first;
    expect(during.papers).toBe(first.papers);
    expect(during.listings).toEqual(first.listings);
    const recovered = await refresh();
    expect(recovered.state.error).toBeUndefined();
    await waitForBadge(extension, (text) => /^\d+\+?$/.test(text));
    const after = (await page.evaluate(storedSummary)) as typeof first;
    expect(after.listings[`day:${day}`]).toBe(400);
    expect(after.papers).toBeGreaterThanOrEqual(first.papers + 400);
  }, 90_000);
});
