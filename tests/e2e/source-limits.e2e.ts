// What the source sends cannot hide papers, exhaust Paperboy or move "Today": entries with odd
// fields are shown, a source that pages for ever costs a few requests, future days are refused.
// Against the built extension in headless Chromium; every day is relative to today.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { forgetSyncRecord } from '../support/idb-probe';
import { axeViolations, openPage, useSource } from '../support/e2e';
import { loadFixtureDays, startFakeHf } from '../support/fake-hf.mjs';
import { makeEntry, paperId } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;
type SyncSummary = { skipped: number; partial?: number; requests: number };
type RefreshOutcome = { ran: boolean; state: { error?: { kind: string; message: string }; last?: SyncSummary } };

let extension: Extension;
let fake: Fake;
let page: Page;

const DAY_MS = 86_400_000;
const dayFromToday = (delta: number) => new Date(Date.now() + delta * DAY_MS).toISOString().slice(0, 10);

/** Asks for a sync as the Refresh button does, from an extension page. */
const refresh = () => page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } })) as Promise<RefreshOutcome>;

/** Every stored paper's id and listing day, and the stored listings' keys, read from IndexedDB. */
const storedDays = () =>
  page.evaluate(
    () =>
      new Promise<{ papers: { id: string; listedOn: string; upvotes: number }[]; listings: string[] }>((resolve, reject) => {
        const open = indexedDB.open('paperboy');
        open.onsuccess = () => {
          const tx = open.result.transaction(['papers', 'listings']);
          const papers = tx.objectStore('papers').getAll();
          const listings = tx.objectStore('listings').getAllKeys();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ papers: papers.result.map(({ id, listedOn, upvotes }) => ({ id, listedOn, upvotes })), listings: listings.result.map(String) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

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
/** Each case starts from a healthy source and no failure on record. */
beforeEach(async () => {
  fake.state.failAlways(null);
  fake.state.setDays(loadFixtureDays());
  await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.evaluate(forgetSyncRecord);
});

describe('what the source sends, in Chromium', () => {
  it('shows every entry with an id and a title, whatever its other fields; counts the partly malformed', async () => {
    const day = dayFromToday(0);
    const odd = (index: number, what: string, overrides: Record<string, unknown>) =>
      makeEntry({ id: paperId(day, 2500 + index), day, seed: 11, title: `Odd entry ${index}: ${what}`, ...overrides });
    const entries = [
      odd(0, 'upvotes as text', { upvotes: '12' }),
      odd(1, 'no authors', { paper: { authors: undefined } }),
      odd(2, 'null abstract', { summary: null }),
      odd(3, 'upvotes as a word', { upvotes: 'many' }),
      odd(4, 'publishedAt not a date', { paper: { publishedAt: 'soon' } }),
      odd(5, 'no listing time', { paper: { submittedOnDailyAt: undefined } }),
      odd(6, 'authors without names', { paper: { authors: [{ _id: 'a' }, { _id: 'b', name: 'Grace Hopper' }] }, numComments: '3' }),
      odd(7, 'keywords as a string', { ai_keywords: 'a, b', organization: null, githubStars: 'lots' }),
    ];
    fake.state.setDays({ ...loadFixtureDays(), [day]: entries });
    const outcome = await refresh();
    expect(outcome.state.error).toBeUndefined();

    const stored = await storedDays();
    const ids = entries.map((entry) => entry.paper.id);
    expect(stored.papers.filter((paper) => ids.includes(paper.id)).map((paper) => paper.listedOn)).toEqual(ids.map(() => day));
    expect(stored.papers.find((paper) => paper.id === ids[0])!.upvotes).toBe(12);

    const panel = await openPage(extension, 'sidepanel.html');
    for (const entry of entries) await panel.getByRole('link', { name: entry.paper.title as string, exact: true }).waitFor();
    expect(await panel.locator('article', { hasText: 'Odd entry' }).count()).toBe(8);
    // The abstract that was null says so; the others show theirs.
    expect(await panel.locator('article', { hasText: 'Odd entry 2:' }).getByText('No abstract', { exact: true }).count()).toBe(1);
    expect(await panel.getByText('No abstract', { exact: true }).count()).toBe(1);
    expect(await panel.locator('article', { hasText: 'Odd entry 0:' }).getByLabel('12 upvotes').count()).toBe(1);
    // Counted in the sync details, once each though trending sends some of them again.
    await panel.getByText('8 entries from the source were partly malformed: shown with what could be read').waitFor();
    expect(outcome.state.last!.partial).toBe(8);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('a source answering the same full page to every page costs a few requests, not hundreds', async () => {
    const day = dayFromToday(0);
    const page100 = Array.from({ length: 100 }, (_, index) => makeEntry({ id: paperId(day, 2700 + index), day, seed: 12 }));
    let served = 0;
    await extension.context.route(`${fake.url}/api/daily_papers**`, (route) => {
      served += 1;
      return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(page100) });
    });
    const started = Date.now();
    const outcome = await refresh();
    expect(outcome.state.error).toBeUndefined();
    // Today and the previous day: the page and its repeat, which brings nothing new; trending: one page.
    expect(served).toBeLessThanOrEqual(6);
    expect(outcome.state.last!.requests).toBe(served);
    expect(Date.now() - started).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(served).toBeLessThanOrEqual(6);
  });

  it('an answer of many megabytes is given up at the cap, with an error and the stored papers kept', async () => {
    const before = await storedDays();
    // 6 MB of a valid JSON list: a source gone wrong, not a page of papers (about 0.55 MB).
    const huge = `[${'0,'.repeat(3 * 1024 * 1024 - 1)}0]`;
    await extension.context.route(`${fake.url}/api/daily_papers**`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: huge }),
    );
    const outcome = await refresh();
    expect(outcome.state.error).toMatchObject({ kind: 'invalid', message: 'The source sent an answer larger than 4 MB' });
    expect(await storedDays()).toEqual(before);
  });

  it('a paper listed on a day far in the future is refused, never shown as Today', async () => {
    // Decades ahead, as a broken or hostile source might say; and the day after tomorrow, the nearest refused.
    const far = dayFromToday(365 * 70);
    const nearest = dayFromToday(2);
    const future = [
      makeEntry({ id: paperId(far, 0), day: far, seed: 13, title: 'From the far future' }),
      makeEntry({ id: paperId(nearest, 1), day: nearest, seed: 13, title: 'From the day after tomorrow' }),
    ];
    // Nothing listed today: the latest listing the source names is the future one.
    fake.state.setDays({ ...loadFixtureDays(), [far]: [future[0]], [nearest]: [future[1]] });
    const outcome = await refresh();
    expect(outcome.state.error).toBeUndefined();
    expect(outcome.state.last!.skipped).toBeGreaterThanOrEqual(2);

    const tomorrow = dayFromToday(1);
    const stored = await storedDays();
    expect(stored.papers.filter((paper) => paper.listedOn > tomorrow)).toEqual([]);
    expect(stored.listings.filter((key) => key.startsWith('day:') && key.slice(4) > tomorrow)).toEqual([]);

    const panel = await openPage(extension, 'sidepanel.html');
    await panel.getByText(/entries from the source were malformed and skipped/).waitFor();
    expect(await panel.getByText('From the far future').count()).toBe(0);
    expect(await panel.getByText('From the day after tomorrow').count()).toBe(0);
    await panel.close();
    const popup = await openPage(extension, 'popup.html');
    await popup.getByRole('tab', { name: 'Today' }).click();
    await popup.locator('article').first().waitFor();
    expect(await popup.getByText(/From the (far future|day after tomorrow)/).count()).toBe(0);
    await popup.close();
  });
});
