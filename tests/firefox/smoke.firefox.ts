// Smoke test of the Firefox build (.output/firefox-mv2) in real headless Firefox ESR: the same
// user path as the Chromium end-to-end test, through the browser_action badge and the MV2
// background page, against the local fake of the Hugging Face API.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension } from '../support/firefox.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { countStoredPapers } from '../support/idb-probe';

type Firefox = Awaited<ReturnType<typeof launchFirefoxExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

/** What an extension page sees as `browser` (Firefox's own promise-based API). */
interface ExtensionGlobals {
  browser: { browserAction: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> } };
}

let firefox: Firefox;
let fake: Fake;
/** An extension page kept open to ask the extension's APIs and IndexedDB from. */
let probe: Page;

const openPage = (path: string): Promise<Page> => firefox.openPage(path);

beforeAll(async () => {
  fake = await startFakeHf();
  firefox = await launchFirefoxExtension();
  probe = await openPage('options.html');
});
afterAll(async () => {
  await firefox?.close();
  await fake?.close();
});

const badgeText = () => probe.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getBadgeText({}));
const badgeTitle = () => probe.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getTitle({}));

/**
 * For a failure message only: what the background answers a Refresh request (the popup's and
 * side panel's message), which names the error when a sync throws before it sets the badge.
 */
const refreshAnswer = () =>
  probe.evaluate(() =>
    (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime
      .sendMessage({ paperboy: 'request', request: { type: 'refresh' } })
      .then(
        (answer) => `answered ${JSON.stringify(answer).slice(0, 200)}`,
        (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );

async function waitForBadge(predicate: (text: string) => boolean, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = await badgeText();
  while (!predicate(text)) {
    if (Date.now() > deadline) {
      throw new Error(`badge stayed ${JSON.stringify(text)} (title ${JSON.stringify(await badgeTitle())}); a refresh request now ${await refreshAnswer()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    text = await badgeText();
  }
  return text;
}

/** Reads the extension's own IndexedDB (shared by all its pages and the background page). */
const storedPaperCount = () => probe.evaluate(countStoredPapers);

/** Waits for text in the page (its DOM text: Firefox's innerText leaves out line-clamped titles). */
async function waitForText(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  const source = typeof text === 'string' ? text : text.source;
  const isRegExp = typeof text !== 'string';
  await page.waitForFunction(
    (wanted: string, regExp: boolean) => {
      const content = (document.body.textContent ?? '').replace(/\s+/g, ' ');
      return regExp ? new RegExp(wanted).test(content) : content.includes(wanted);
    },
    { timeout, polling: 100 },
    source,
    isRegExp,
  );
}

const articleTitles = (page: Page) => page.$$eval('article .paper-title a', (links) => links.map((link) => link.textContent?.trim() ?? ''));
const count = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.length);

/** Every title the fake serves, whitespace folded as the extension shows it. */
function fakeTitles(): Set<string> {
  const titles = new Set<string>();
  for (const entries of Object.values(fake.state.days) as { paper: { title: string } }[][]) {
    for (const entry of entries) titles.add(entry.paper.title.replace(/\s+/g, ' ').trim());
  }
  return titles;
}

describe('Paperboy in Firefox ESR', () => {
  let sidePanel: Page;

  it('syncs from the Source set in the options page, and badges every new paper', async () => {
    await probe.bringToFront();
    await probe.waitForFunction(() => document.querySelector<HTMLInputElement>('#source')?.value === 'https://huggingface.co', { polling: 100 });
    await probe.locator('#source').fill(fake.url);
    await probe.locator('button[type="submit"]').click();
    await waitForText(probe, `Saved — syncing from ${fake.url}`);

    const text = await waitForBadge((value) => /^\d+$/.test(value));
    const stored = await storedPaperCount();
    expect(stored).toBeGreaterThan(0);
    expect(text).toBe(String(stored));
    expect(await badgeTitle()).toMatch(new RegExp(`${stored} new papers`));
    expect(fake.state.requests.some((request: { path: string }) => request.path === '/api/daily_papers')).toBe(true);
  });

  it('shows the fake source’s papers in the popup, marked NEW, and the badge clears', async () => {
    const popup = await openPage('popup.html');
    await popup.waitForSelector('article');
    const titles = fakeTitles();
    const trending = await articleTitles(popup);
    expect(trending.length).toBeGreaterThan(0);
    for (const title of trending) expect(titles).toContain(title);
    expect(await count(popup, 'article .new-marker')).toBe(trending.length);

    await popup.locator('#tab-today').click();
    await waitForText(popup, /Nothing listed today yet — showing/);
    const latestDay = fake.state.latestDay!;
    await expect.poll(() => count(popup, 'article')).toBe(fake.state.days[latestDay]!.length);
    for (const title of await articleTitles(popup)) expect(titles).toContain(title);

    await waitForBadge((value) => value === '');
    expect(await badgeTitle()).toMatch(/No new papers/);
    await popup.close();
  });

  it('badges the 3 papers a refresh brings, and the side panel marks exactly those NEW', async () => {
    sidePanel = await openPage('sidepanel.html');
    await sidePanel.waitForSelector('article');
    expect(await count(sidePanel, 'article')).toBeGreaterThan(0);
    const before = await storedPaperCount();

    const today = new Date().toISOString().slice(0, 10);
    const added = fake.state.addPapers(today, 3).map((entry: { paper: { title: string } }) => entry.paper.title);
    await sidePanel.locator('header button::-p-text(Refresh)').click();
    expect(await waitForBadge((value) => /^\d+$/.test(value))).toBe('3');
    expect(await badgeTitle()).toMatch(/3 new papers/);
    expect(await storedPaperCount()).toBe(before + 3);

    await expect.poll(async () => (await articleTitles(sidePanel)).filter((title) => added.includes(title)).length, { timeout: 10_000 }).toBe(3);
    // What the badge counts is what the reader marks new.
    await expect.poll(() => count(sidePanel, 'article .new-marker')).toBe(3);
    const marked = await sidePanel.$$eval('article:has(.new-marker) .paper-title a', (links) => links.map((link) => link.textContent?.trim()));
    expect(marked.sort()).toEqual([...added].sort());
  });

  it('shows an error badge when the source fails, and keeps the papers', async () => {
    fake.state.failAlways('500');
    onTestFinished(() => fake.state.failAlways(null)); // even when the row fails
    const papers = await storedPaperCount();
    await sidePanel.locator('header button::-p-text(Refresh)').click();
    await waitForBadge((value) => value === '!');
    expect(await badgeTitle()).toMatch(/Sync failed .*HTTP 500/);
    await waitForText(sidePanel, /Refresh failed: The source answered HTTP 500/);
    expect(await count(sidePanel, 'article')).toBeGreaterThan(0);
    expect(await storedPaperCount()).toBe(papers);
  });
});
