// A new user's first session by mouse in Firefox ESR (its sidebar is the reader): the journey of
// tests/e2e/journey.e2e.ts at the same volume (a weekday of 120, a month of 1,500), wheel only.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension } from '../support/firefox.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { storedSummary } from '../support/idb-probe';
import { counted, journeyDays, searchWord } from '../support/journey';
import { wheelFirefox } from '../support/scroll-fixture';
import { daysOfIsoWeek, daysOfMonth } from '../../lib/core/dates';

type Firefox = Awaited<ReturnType<typeof launchFirefoxExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;
interface FirefoxGlobals {
  browser: {
    browserAction: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
    sidebarAction: { isOpen(details: object): Promise<boolean> };
  };
}

const data = journeyDays();
const latest = data.count([data.latest]);
const downloads = mkdtempSync(join(tmpdir(), 'paperboy-downloads-'));
let firefox: Firefox;
let fake: Fake;
let probe: Page;
let panel: Page;

const openPage = (path: string): Promise<Page> => firefox.openPage(path);

beforeAll(async () => {
  fake = await startFakeHf({ days: data.days });
  firefox = await launchFirefoxExtension({ downloadDir: downloads });
  probe = await openPage('options.html');
});
afterAll(async () => {
  await firefox?.close();
  await fake?.close();
  rmSync(downloads, { recursive: true, force: true });
});

const badgeText = () => probe.evaluate(() => (globalThis as unknown as FirefoxGlobals).browser.browserAction.getBadgeText({}));
const badgeTitle = () => probe.evaluate(() => (globalThis as unknown as FirefoxGlobals).browser.browserAction.getTitle({}));
const listBar = (page: Page) => page.$eval('.list-bar', (element) => (element.textContent ?? '').replace(/\s+/g, ' '));
async function shownOf(page: Page): Promise<number | undefined> {
  const match = / ([\d,]+) of [\d,]+ shown/.exec(await listBar(page));
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}
async function waitForText(page: Page, text: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction((wanted: string) => (document.body.textContent ?? '').replace(/\s+/g, ' ').includes(wanted), { timeout, polling: 100 }, text);
  } catch (error) {
    // What the page said instead (a notice, another view's count) is what a failure needs to be understood.
    const shown = await page.$eval('main', (main) => (main.textContent ?? '').replace(/\s+/g, ' ').slice(0, 600)).catch(() => '(no main)');
    throw new Error(`"${text}" not shown within ${timeout} ms; the page shows: ${shown}`, { cause: error });
  }
}
async function waitForBadge(predicate: (text: string) => boolean): Promise<string> {
  await expect.poll(async () => predicate(await badgeText()), { timeout: 20_000 }).toBe(true);
  return badgeText();
}

/** The wheel, three screens a turn, to the list's end: the cards then shown. */
async function wheelToEnd(page: Page, expected: number): Promise<number> {
  const end = await wheelFirefox(page, expected, 3 * page.viewport()!.height);
  if (end.cards !== expected) console.warn(`wheel stopped at ${end.cards} of ${expected} after ${end.steps} turns: ${JSON.stringify(end.last)}`);
  return end.cards;
}

describe('a new user in Firefox, by mouse', () => {
  it('sets the Source; the first sync badges', async () => {
    await probe.locator('#source').click();
    await probe.locator('#source').fill(fake.url);
    await probe.locator('button[type="submit"]').click();
    await waitForText(probe, `Saved — syncing from ${fake.url}`);
    const badge = await waitForBadge((text) => /^\d+\+?$/.test(text));
    const stored = await probe.evaluate(storedSummary);
    expect(stored.listings[`day:${data.latest}`]).toBe(latest);
    expect(badge).toBe(stored.papers > 99 ? '99+' : String(stored.papers));
    expect(await badgeTitle()).toContain(`${counted(stored.papers)} new papers`);
  });

  it('reads both popup tabs to the end, and opens the sidebar from the popup', async () => {
    const popup = await openPage('popup.html');
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('article');
    const trending = (await probe.evaluate(storedSummary)).listings.trending!;
    expect(await wheelToEnd(popup, trending)).toBe(trending);
    await popup.locator('#tab-today').click();
    expect(await wheelToEnd(popup, latest)).toBe(latest);
    await waitForBadge((text) => text === '');
    await popup.locator('button::-p-text(Open side panel)').click();
    await expect.poll(() => probe.evaluate(() => (globalThis as unknown as FirefoxGlobals).browser.sidebarAction.isOpen({}))).toBe(true);
  });

  it('scrolls Today, the week and a month of 1,500 to the end with the wheel', async () => {
    // The sidebar's own page, driven in a tab of a sidebar's size.
    panel = await openPage('sidepanel.html');
    await panel.setViewport({ width: 400, height: 800 });
    await panel.waitForSelector('article');
    await waitForText(panel, `${counted(latest)} papers`);
    expect(await wheelToEnd(panel, latest)).toBe(latest);

    await panel.locator('.view-button::-p-text(Week)').click();
    const week = data.count(daysOfIsoWeek(data.week));
    await waitForText(panel, `${counted(week)} papers`);
    expect(await wheelToEnd(panel, week)).toBe(week);

    await panel.locator('.view-button::-p-text(Month)').click();
    // As a person does: Previous once the month picker shows (before, it would step the week).
    await panel.waitForSelector('.period-picker input[type="month"]');
    await panel.locator('.period-picker button::-p-text(Previous)').click();
    const month = data.count(daysOfMonth(data.pastMonth));
    await waitForText(panel, `${counted(month)} papers`, 60_000);
    expect(await wheelToEnd(panel, month)).toBe(month);
  }, 300_000);

  it('searches the month and scrolls every match; filters Today; saves; exports Saved', async () => {
    const word = searchWord(daysOfMonth(data.pastMonth).flatMap((day) => data.days[day] ?? []));
    await panel.locator('#search').click();
    await panel.keyboard.type(word);
    await expect.poll(() => shownOf(panel), { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
    const shown = (await shownOf(panel))!;
    expect(await wheelToEnd(panel, shown)).toBe(shown);
    // Emptied as a person does: select all, then Backspace.
    await panel.locator('#search').click();
    await panel.keyboard.down('Control');
    await panel.keyboard.press('a');
    await panel.keyboard.up('Control');
    await panel.keyboard.press('Backspace');
    await expect.poll(() => listBar(panel)).not.toMatch(/ shown/);

    await panel.locator('.view-button::-p-text(Today)').click();
    await waitForText(panel, `${counted(latest)} papers`);
    await panel.locator('summary::-p-text(Filters and sort)').click();
    await panel.locator('label::-p-text(Has code) input').click();
    await expect.poll(() => shownOf(panel)).toBeGreaterThan(0);
    const withCode = (await shownOf(panel))!;
    expect(await wheelToEnd(panel, withCode)).toBe(withCode);

    const title = await panel.$eval('article .paper-title a', (link) => link.textContent?.trim());
    await panel.locator('article button::-p-text(Save)').click();
    await panel.waitForSelector('article button[aria-pressed="true"]::-p-text(Saved)');
    await panel.locator('label::-p-text(Has code) input').click();
    await panel.locator('.view-button::-p-text(Saved)').click();
    await expect.poll(() => panel.$$eval('article .paper-title a', (links) => links.map((link) => link.textContent?.trim()))).toEqual([title]);

    await panel.locator('summary::-p-text(Export)').click();
    await panel.locator('.export-items button::-p-text(BibTeX)').click();
    await expect.poll(() => readdirSync(downloads).filter((name) => name.endsWith('.bib')), { timeout: 15_000 }).toHaveLength(1);
    const [file] = readdirSync(downloads).filter((name) => name.endsWith('.bib'));
    // Firefox creates the file before it writes it: read it until the entry is there.
    await expect.poll(() => readFileSync(join(downloads, file!), 'utf8').match(/^@misc\{/gm)?.length ?? 0, { timeout: 10_000 }).toBe(1);
  }, 180_000);

  it('switches to 简体中文 in the options, and back', async () => {
    await probe.select('#language', 'zh-CN');
    await waitForText(panel, '今天');
    await probe.select('#language', 'browser');
    await waitForText(panel, 'Today');
    expect(await badgeText()).toBe('');
  });
});
