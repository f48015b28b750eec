// The fault table (README "Reliability"), against the built extension in headless Chromium.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { badgeText, openPage, useSource, waitForBadge } from '../support/e2e';
import { forgetSyncRecord, storedSummary } from '../support/idb-probe';
import { fixtureDaysBefore, loadFixtureDays, startFakeHf } from '../support/fake-hf.mjs';
import { makeDay, makeEntry, paperId } from '../support/generate-papers.mjs';
import { MAX_LISTING_PAGES, PAGE_SIZE } from '../../lib/source/client';
import { DB_VERSION } from '../../lib/store/schema';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

let extension: Extension;
let fake: Fake;

const today = () => new Date().toISOString().slice(0, 10);
/** The newest day of the recorded listings the fake serves: the weekday before today. */
const newestFixtureDay = () => fixtureDaysBefore(today())[0]!;
const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));
const requests = () => fake.state.requests.filter((request: { path: string }) => request.path.startsWith('/api/')).length;

/** Counts the stored papers and listings from an extension page (the worker may be stopped). */
const stored = (page: Page) => page.evaluate(storedSummary);

/** Asks for a sync as the Refresh button does, from an extension page. */
const refresh = (page: Page) =>
  page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } })) as Promise<{
    ran: boolean;
    state: { error?: { kind: string; message: string } };
  }>;

let page: Page;
/** Pages a row opens besides `page`: closed after it, even when it fails, so their database connections cannot block the next row. */
const opened: Page[] = [];
const openView = async (path: string) => {
  const view = await openPage(extension, path);
  opened.push(view);
  return view;
};

beforeAll(async () => {
  fake = await startFakeHf();
  extension = await launchExtension();
  await useSource(extension, fake.url);
  page = await openPage(extension, 'options.html');
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});
/** Each row starts from a healthy extension: no failure on record, a fresh successful sync. */
beforeEach(async () => {
  fake.state.failAlways(null);
  fake.state.setDays(loadFixtureDays());
  await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.evaluate(forgetSyncRecord);
  await refresh(page);
});
/** Whatever a row changed in the shared fake, routes and network is put back, even when it fails. */
afterEach(async () => {
  await Promise.all(opened.splice(0).map((view) => view.close().catch(() => undefined)));
  fake.state.hangWhen(null);
  fake.state.failAlways(null);
  fake.state.failNext(0);
  fake.state.setDays(loadFixtureDays());
  await extension.context.setOffline(false);
  await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
});

describe('fault table in Chromium', () => {
  it('429: no request before the reset, "wait" badge with the time, then resumes', async () => {
    // Unlimited, a refresh reaches the source: so "no request" below means the limit held it back.
    fake.state.clearRequests();
    expect((await refresh(page)).ran).toBe(true);
    expect(requests()).toBeGreaterThan(0);
    await extension.context.route(`${fake.url}/api/**`, (route) =>
      route.fulfill({
        status: 429,
        headers: { RateLimit: '"api";r=0;t=3', 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'RateLimit, Retry-After' },
        body: '{"error":"rate limited"}',
      }),
    );
    const outcome = await refresh(page);
    expect(outcome.state.error?.kind).toBe('rate-limited');
    expect(await badgeText(extension)).toBe('wait');
    expect(await badgeTitle()).toMatch(/Rate-limited by the source; next try after \d?\d:\d\d/);
    await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
    fake.state.clearRequests();
    expect((await refresh(page)).ran).toBe(false); // even a user's refresh waits for the reset
    expect(requests()).toBe(0);
    // The retry alarm fires after the reset (3 s + up to 30 s spread) and the sync resumes by itself.
    await waitForBadge(extension, (text) => text !== 'wait', 45_000);
    expect(requests()).toBeGreaterThan(0);
    expect(await badgeTitle()).not.toMatch(/Rate-limited/);
  }, 60_000);

  it('5xx: error badge and tooltip, cached papers kept, a retry armed after a backoff (not a storm)', async () => {
    const before = await stored(page);
    fake.state.failAlways('500');
    const failedAt = Date.now();
    await refresh(page);
    expect(await badgeText(extension)).toBe('!');
    expect(await badgeTitle()).toMatch(/Sync failed at \d?\d:\d\d( [AP]M)?: The source answered HTTP 500\. Papers shown are from/);
    expect(await stored(page)).toEqual(before);
    // The first retry comes 15–45 min later (about one poll period, so an outage costs the
    // source no more than polling does), unless the next poll comes first and does it.
    const [retry, poll] = await extension.worker().evaluate(async () => [await chrome.alarms.get('retry'), await chrome.alarms.get('poll')]);
    if (retry) {
      expect(retry.scheduledTime).toBeGreaterThanOrEqual(failedAt + 15 * 60_000 - 1000);
      expect(retry.scheduledTime).toBeLessThanOrEqual(Date.now() + 45 * 60_000 + 1000);
    } else {
      expect(poll!.scheduledTime).toBeLessThanOrEqual(failedAt + 45 * 60_000);
    }
    // The schedule does not retry before then.
    fake.state.clearRequests();
    await extension.worker().evaluate(() => chrome.alarms.create('poll', { delayInMinutes: 0.01, periodInMinutes: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(requests()).toBe(0);
    // It recovers: the next allowed sync (here the user's) clears the error.
    fake.state.failAlways(null);
    await refresh(page);
    await waitForBadge(extension, (text) => text !== '!');
    expect(requests()).toBeGreaterThan(0);
  });

  it('connection refused: error badge, papers kept', async () => {
    const before = await stored(page);
    await extension.context.route(`${fake.url}/api/**`, (route) => route.abort('connectionrefused'));
    const outcome = await refresh(page);
    expect(outcome.state.error?.kind).toBe('network');
    expect(await badgeText(extension)).toBe('!');
    expect(await badgeTitle()).toMatch(/could not be reached/);
    expect(await stored(page)).toEqual(before);
  });

  it('offline: "off" badge, no retry storm, and a sync as soon as the network is back', async () => {
    const before = await stored(page);
    await extension.context.setOffline(true);
    try {
      const outcome = await refresh(page);
      expect(outcome.state.error?.kind).toBe('offline');
      expect(await badgeText(extension)).toBe('off');
      expect(await badgeTitle()).toMatch(/Offline since/);
      fake.state.clearRequests();
      // The schedule keeps quiet while the backoff runs.
      await extension.worker().evaluate(() => chrome.alarms.create('poll', { delayInMinutes: 0.01, periodInMinutes: 30 }));
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(requests()).toBe(0);
      expect(await stored(page)).toEqual(before);
    } finally {
      await extension.context.setOffline(false);
    }
    // Back online: the worker notices (its half-minute local check, brought forward here) and
    // syncs without waiting for the backoff.
    expect(await extension.worker().evaluate(() => chrome.alarms.get('online-check'))).toMatchObject({ periodInMinutes: 0.5 });
    await extension.worker().evaluate(() => chrome.alarms.create('online-check', { delayInMinutes: 0.01, periodInMinutes: 0.5 }));
    await waitForBadge(extension, (text) => text !== 'off', 15_000);
    expect(await extension.worker().evaluate(() => chrome.alarms.get('online-check'))).toBeUndefined();
    expect(requests()).toBeGreaterThan(0);
  });

  it('timeout: a source that never answers is given up after 20 s, with an error badge and papers kept', async () => {
    const before = await stored(page);
    fake.state.hangWhen(() => true);
    try {
      const outcome = await refresh(page);
      expect(outcome.state.error?.kind).toBe('timeout');
      expect(await badgeText(extension)).toBe('!');
      expect(await badgeTitle()).toMatch(/did not answer within 20 s/);
      expect(await stored(page)).toEqual(before);
    } finally {
      fake.state.hangWhen(null);
    }
  }, 40_000);

  it.each([
    ['non-json', /not JSON/],
    ['object', /other than a list/],
    ['empty', /empty answer/],
  ] as const)('%s answer: typed error, nothing written, previous data intact', async (mode, message) => {
    const before = await stored(page);
    fake.state.failAlways(mode);
    const outcome = await refresh(page);
    expect(outcome.state.error).toMatchObject({ kind: 'invalid', message: expect.stringMatching(message) });
    expect(await badgeText(extension)).toBe('!');
    expect(await stored(page)).toEqual(before);
  });

  it('malformed entries are skipped and counted in the UI; duplicates become one paper', async () => {
    const day = today();
    const good = makeDay(day, 4, { seed: 99, start: 900 });
    const duplicate = structuredClone(good[0]!);
    duplicate.paper.upvotes = 777;
    const days: Record<string, unknown[]> = {
      ...loadFixtureDays(),
      [day]: [good[0], { junk: true }, good[1], { paper: { id: 42 } }, good[2], duplicate, good[3], null],
    };
    // The same paper listed on an earlier day too: the previous listing day, which a refresh re-reads.
    const earlier = newestFixtureDay();
    const again = structuredClone(good[1]!);
    again.paper.submittedOnDailyAt = `${earlier}T00:00:00.000Z`;
    days[earlier] = [...days[earlier]!, again];
    fake.state.setDays(days);
    await refresh(page);
    const after = await stored(page);
    expect(after.listings[`day:${day}`]).toBe(4);
    const panel = await openView('sidepanel.html');
    await panel.getByText(/entries from the source were malformed and skipped/).waitFor();
    // One copy of the duplicated paper, with the newest counts, listed on both days.
    const paper = await page.evaluate(
      (id) =>
        new Promise<{ upvotes: number; listedDays: string[] }>((resolve) => {
          const open = indexedDB.open('paperboy');
          open.onsuccess = () => {
            const request = open.result.transaction('papers').objectStore('papers').get(id);
            request.onsuccess = () => (open.result.close(), resolve(request.result));
          };
        }),
      good[1]!.paper.id,
    );
    expect(paper.listedDays).toEqual([earlier, day]);
  });

  it('hostile strings and links stay inert text; only https links reach the page', async () => {
    const day = today();
    const hostile = [
      makeEntry({
        id: paperId(day, 2000),
        day,
        seed: 5,
        title: '<img src=x onerror="window.__pwned=1">Hostile title',
        summary: '<script>window.__pwned=1</script><b>bold?</b>',
        githubRepo: 'javascript:window.__pwned=1',
        projectPage: 'data:text/html,<script>window.__pwned=1</script>',
        organization: { _id: 'o', name: 'evil', fullname: '<svg onload="window.__pwned=1">Org</svg>', avatar: '' },
      }),
      makeEntry({
        id: paperId(day, 2001),
        day,
        seed: 6,
        title: '\u202Eevil RTL override title',
        githubRepo: 'http://insecure.example/repo',
        projectPage: 'not a url at all',
      }),
      makeEntry({
        id: paperId(day, 2002),
        day,
        seed: 7,
        title: 'W'.repeat(10_000),
        paper: { authors: [{ _id: 'a', name: '<iframe src="javascript:window.__pwned=1">', hidden: false }] },
      }),
    ];
    fake.state.setDays({ ...loadFixtureDays(), [day]: hostile });
    await refresh(page);
    for (const path of ['popup.html', 'sidepanel.html']) {
      const view = await openView(path);
      if (path === 'popup.html') await view.getByRole('tab', { name: 'Today' }).click();
      await view.getByRole('link', { name: /Hostile title/ }).waitFor();
      await view.waitForTimeout(300);
      expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // None of the source's markup became an element: the only images are the cards' own, from HF's hosts.
      expect(await view.locator('article script, article iframe, article b, article svg[onload], article img[onerror]').count()).toBe(0);
      const images = await view.locator('article img').evaluateAll((found) => found.map((image) => (image as HTMLImageElement).src));
      expect(images.filter((src) => !/^https:\/\/([a-z0-9-]+\.)*huggingface\.co\//.test(src))).toEqual([]);
      const hrefs = await view.locator('article a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((href) => !href!.startsWith('https://'))).toEqual([]);
      expect(await view.getByText('<img src=x onerror="window.__pwned=1">Hostile title').count()).toBe(1);
      // Direction is isolated, and a 10,000-character title stays a few lines.
      expect(await view.locator('article bdi', { hasText: 'evil RTL override title' }).count()).toBe(1);
      const longTitle = await view.locator('article h2, article h3').filter({ hasText: 'WWWW' }).boundingBox();
      expect(longTitle!.height).toBeLessThan(120);
      await view.close();
    }
  });

  it('two syncs requested at once (alarm + refresh + options save) make one fetch sequence', async () => {
    await refresh(page);
    fake.state.clearRequests();
    await Promise.all([
      refresh(page),
      refresh(page),
      extension.worker().evaluate(() => chrome.alarms.create('poll', { delayInMinutes: 0.001, periodInMinutes: 30 })),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const dates = fake.state.requests.map((request: { query: Record<string, string> }) => JSON.stringify(request.query));
    // A manual refresh fetches today, then the latest day and trending: each once.
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('a service worker stopped mid-sync leaves every listing whole; the next alarm completes the sync', async () => {
    const day = today();
    const before = await stored(page);
    fake.state.setDays({ ...loadFixtureDays(), [day]: makeDay(day, 250, { seed: 31, start: 1000 }) });
    // Page 2 of today's listing never answers: the sync is stuck mid-listing when the worker dies.
    fake.state.hangWhen((url: URL) => url.searchParams.get('date') === day && url.searchParams.get('p') === '1');
    fake.state.clearRequests();
    void refresh(page).catch(() => undefined);
    await expect
      .poll(() => fake.state.requests.some((request: { query: Record<string, string> }) => request.query.date === day && request.query.p === '1'), {
        timeout: 10_000,
      })
      .toBe(true);
    const cdp = await extension.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const during = await stored(page);
    expect(during.listings[`day:${day}`]).toBe(before.listings[`day:${day}`]); // nothing half-written
    expect(during.papers).toBe(before.papers);
    fake.state.hangWhen(null);
    // The alarm wakes a new worker, which completes the sync.
    await page.evaluate(() => chrome.alarms.create('poll', { delayInMinutes: 0.01, periodInMinutes: 30 }));
    const expected = (before.listings[`day:${day}`] ?? 0) + 250; // merged with what the rows before left
    await expect.poll(async () => (await stored(page)).listings[`day:${day}`], { timeout: 20_000 }).toBe(expected);
  }, 60_000);

  it('upgrades a version 1 database with data in it, keeping every paper', async () => {
    // Replace the database with one written by version 1 (a frozen copy of its schema), listed
    // on a recent day so that nothing about its age decides what happens to it.
    const listedOn = newestFixtureDay();
    await page.evaluate(
      (listedOn) =>
        new Promise<void>((resolve, reject) => {
          const remove = indexedDB.deleteDatabase('paperboy');
          remove.onerror = () => reject(remove.error);
          remove.onsuccess = () => {
            const open = indexedDB.open('paperboy', 1);
            open.onupgradeneeded = () => {
              const db = open.result;
              const papers = db.createObjectStore('papers', { keyPath: 'id' });
              papers.createIndex('unseen', 'unseen');
              papers.createIndex('listedOn', 'listedOn');
              db.createObjectStore('listings', { keyPath: 'key' });
              db.createObjectStore('meta');
            };
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['papers', 'listings', 'meta'], 'readwrite');
              const at = Date.parse(`${listedOn}T08:00:00Z`);
              for (const id of ['2611.09001', '2611.09002']) {
                tx.objectStore('papers').put({
                  id,
                  title: `Old paper ${id}`,
                  abstract: 'Kept across the upgrade.',
                  authors: ['A. Author'],
                  publishedAt: new Date(at - 2 * 86_400_000).toISOString(),
                  listedOn,
                  upvotes: 7,
                  comments: 0,
                  firstSeenAt: at,
                  updatedAt: at,
                  listedDays: [listedOn],
                  upvoteHistory: [[at, 7]],
                  unseen: 1,
                });
              }
              tx.objectStore('listings').put({ key: `day:${listedOn}`, ids: ['2611.09001', '2611.09002'], fetchedAt: at });
              tx.objectStore('meta').put({ failures: 0, lastAttemptAt: at, lastSuccessAt: at }, 'sync');
              tx.oncomplete = () => (db.close(), resolve());
            };
          };
        }),
      listedOn,
    );
    // The worker opens it at the current version: a mark on an old paper is its first write.
    await page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'setSaved', id: '2611.09001', saved: true } }));
    const upgraded = await page.evaluate(
      () =>
        new Promise<{ version: number; indexes: string[]; ids: string[]; saved?: number }>((resolve) => {
          const open = indexedDB.open('paperboy');
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('papers').objectStore('papers');
            const all = store.getAllKeys();
            const saved = store.get('2611.09001');
            all.onsuccess = () =>
              (saved.onsuccess = () => {
                resolve({ version: db.version, indexes: [...store.indexNames], ids: all.result as string[], saved: saved.result.savedAt });
                db.close();
              });
          };
        }),
    );
    expect(upgraded).toMatchObject({ version: DB_VERSION, ids: ['2611.09001', '2611.09002'] });
    expect(upgraded.indexes.sort()).toEqual(['listedOn', 'savedAt', 'unseen', 'updatedAt']);
    expect(upgraded.saved).toBeGreaterThan(0);
    const panel = await openView('sidepanel.html');
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await panel.getByRole('link', { name: 'Old paper 2611.09001' }).waitFor();
  });

  it('a very large answer (10,000 entries) is paged up to the page cap, stored, and the reader stays responsive', async () => {
    const day = today();
    // Ids from several days' ranges (the generator has 3,200 a day), all listed today.
    const entries = Array.from({ length: 10_000 }, (_, i) => makeEntry({ id: paperId(`2026-11-0${1 + Math.floor(i / 3200)}`, i % 3200), day, seed: 41 }));
    fake.state.setDays({ ...loadFixtureDays(), [day]: entries });
    fake.state.clearRequests();
    const before = (await stored(page)).listings[`day:${day}`] ?? 0;
    await refresh(page);
    // No listing is longer than the cap (a month is about 15 pages): the first pages are kept,
    // merged with what today's listing already held (the rows before added a few).
    expect((await stored(page)).listings[`day:${day}`]).toBe(before + MAX_LISTING_PAGES * PAGE_SIZE);
    expect(fake.state.requests.filter((request: { query: Record<string, string> }) => request.query.date === day)).toHaveLength(MAX_LISTING_PAGES);
    const panel = await openView('sidepanel.html');
    const started = Date.now();
    await panel.getByRole('article').first().waitFor();
    expect(await panel.getByRole('article').count()).toBeLessThanOrEqual(80); // rendered a page at a time
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 90_000);
});
