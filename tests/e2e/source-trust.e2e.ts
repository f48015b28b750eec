// What the source and other devices send is bounded and checked: a rate limit's wait, the synced
// settings, a mirror chosen elsewhere. Against the built extension in headless Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { axeViolations, badgeText, openPage, useSource, waitForBadge } from '../support/e2e';
import { storedSummary } from '../support/idb-probe';
import { startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
// Listing days relative to today (UTC), so the test holds on any date.
const TODAY = isoDay(Date.now());
const LAST_WEEK = isoDay(Date.now() - 7 * DAY);
const days = () => ({ [TODAY]: makeDay(TODAY, 40, { seed: 71 }), [LAST_WEEK]: makeDay(LAST_WEEK, 60, { seed: 72 }) });

let extension: Extension;
let fake: Fake;
let page: Page;

const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));
const apiRequests = (server: Fake) => server.state.requests.filter((request: { path: string }) => request.path.startsWith('/api/')).length;

/** Asks for a sync as the Refresh button does, from an extension page. */
const refresh = () =>
  page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } })) as Promise<{
    ran: boolean;
    state: { error?: { kind: string } };
  }>;

/** The stored record of the syncs, as the background wrote it. */
const storedSyncState = () =>
  page.evaluate(
    () =>
      new Promise<{ notBefore?: number; error?: { kind: string; retryAt?: number } }>((resolve, reject) => {
        const open = indexedDB.open('paperboy');
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('sync');
          request.onsuccess = () => (open.result.close(), resolve(request.result ?? {}));
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

/** Writes synced settings straight into chrome.storage.sync, as another device or version might. */
const syncSettings = (values: Record<string, unknown>) => page.evaluate((items) => chrome.storage.sync.set(items), values);

beforeAll(async () => {
  fake = await startFakeHf({ days: days() });
  extension = await launchExtension();
  await useSource(extension, fake.url);
  page = await openPage(extension, 'options.html');
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

describe('what the source and other devices send, in Chromium', () => {
  it('a 429 asking to wait 31 years is waited an hour at most, and a new Source is asked at once', async () => {
    await extension.context.route(`${fake.url}/api/**`, (route) =>
      route.fulfill({
        status: 429,
        headers: { RateLimit: '"api";r=0;t=999999999', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'RateLimit, Retry-After' },
        body: '{"error":"rate limited"}',
      }),
    );
    const before = Date.now();
    expect((await refresh()).state.error?.kind).toBe('rate-limited');
    await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
    const state = await storedSyncState();
    // An hour, plus the spread that keeps installs from returning together (at most 30 s).
    expect(state.error!.retryAt!).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(state.error!.retryAt!).toBeGreaterThan(before + HOUR - 60_000);
    expect(state.notBefore!).toBeLessThanOrEqual(Date.now() + HOUR + 30_000);
    expect(await badgeText(extension)).toBe('wait');
    // A time of day within the hour, written as one (the date only when the hour crosses midnight).
    expect(await badgeTitle()).toMatch(/next try after (\w+ \d+, )?\d\d:\d\d/);
    expect(await badgeTitle()).not.toMatch(/20[4-9]\d/);
    fake.state.clearRequests();
    expect((await refresh()).ran).toBe(false); // the same source still waits
    expect(apiRequests(fake)).toBe(0);

    // A new Source, saved by the user during the wait: the old one's rate limit is not its own.
    const mirror = await startFakeHf({ days: days() });
    try {
      const field = page.getByLabel('Source');
      await field.fill(mirror.url);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`Saved — syncing from ${mirror.url}`).waitFor();
      await expect.poll(() => apiRequests(mirror), { timeout: 8_000 }).toBeGreaterThan(0);
      await waitForBadge(extension, (text) => /^\d+$/.test(text));
      // Back to the first source for the rows below: it is asked at once too (its rate limit is forgotten with it).
      await field.fill(fake.url);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => apiRequests(fake), { timeout: 8_000 }).toBeGreaterThan(0);
      await waitForBadge(extension, (text) => /^\d+$/.test(text));
    } finally {
      await mirror.close();
    }
  }, 60_000);

  it('a synced retention of 0 deletes nothing, and the options page says the default is used', async () => {
    // Last week's list is stored as when the user opens it.
    await page.evaluate((key) => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'fetchView', key, force: true } }), `day:${LAST_WEEK}`);
    const stored = await page.evaluate(storedSummary);
    expect(stored.listings[`day:${LAST_WEEK}`]).toBe(60);

    await syncSettings({ retentionDays: 0 });
    const outcome = await refresh();
    expect(outcome.ran).toBe(true);
    expect(outcome.state.error).toBeUndefined();
    const after = await page.evaluate(storedSummary);
    expect(after.listings[`day:${LAST_WEEK}`]).toBe(60);
    expect(after.papers).toBe(stored.papers);

    await page.reload();
    await page.getByText(/Some synced settings hold values Paperboy cannot use/).waitFor();
    await page.getByText('Keep papers for: 0 was stored').waitFor();
    expect(await page.getByLabel('Keep papers for').inputValue()).toBe('90');
    // Choosing again replaces the refused value, and the notice goes.
    await page.getByLabel('Keep papers for').selectOption('180');
    await page.getByText(/Some synced settings hold values/).waitFor({ state: 'detached' });
  }, 30_000);

  it('a synced Source without TLS is never asked: the default is used, and the options page says so', async () => {
    let insecure = 0;
    await extension.context.route('http://example.com/**', (route) => ((insecure += 1), route.abort('connectionrefused')));
    // No network here: huggingface.co, the default, answers through the route like an empty day.
    await extension.context.route('https://huggingface.co/api/**', (route) =>
      route.fulfill({ status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, contentType: 'application/json', body: '[]' }),
    );
    try {
      await syncSettings({ source: 'http://example.com' });
      await refresh();
      expect(insecure).toBe(0);
      await page.reload();
      await page.getByText('Source: "http://example.com" was stored').waitFor();
      expect(await page.getByLabel('Source').inputValue()).toBe('https://huggingface.co');
    } finally {
      await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
      await syncSettings({ source: fake.url });
    }
  }, 30_000);

  it('a mirror chosen on another device is not asked until this browser grants access; badge and options page say so', async () => {
    let asked = 0;
    await extension.context.route('https://hf-mirror.example/**', (route) => ((asked += 1), route.abort('connectionrefused')));
    try {
      await syncSettings({ source: 'https://hf-mirror.example' });
      const outcome = await refresh();
      expect(outcome.ran).toBe(false);
      expect(outcome.state.error).toBeUndefined();
      expect(asked).toBe(0);
      expect(await badgeText(extension)).toBe('!');
      expect(await badgeTitle()).toMatch(/needs your permission to read https:\/\/hf-mirror\.example/);
      await page.reload();
      await page.getByText(/chosen on another device\. Paperboy needs your permission to read https:\/\/hf-mirror\.example/).waitFor();
      await page.getByRole('button', { name: 'Grant access' }).waitFor();
      await syncSettings({ retentionDays: -5 }); // both notices at once
      await page.getByText('Keep papers for: -5 was stored').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
      await syncSettings({ source: fake.url, retentionDays: 90 });
    }
  }, 30_000);
});
