// The sidebar page in Firefox ESR, scrolled with the mouse wheel only (WebDriver BiDi wheel
// actions): every paper of a 120-paper day, a past day and a 60-match search is reached (a month
// of 1,500 is scrolled in journey.firefox.ts). The Chromium test (tests/e2e/scroll.e2e.ts) cannot vouch for Firefox: the timing differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension } from '../support/firefox.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import type { HfEntry } from '../support/generate-papers.mjs';
import { scrollFixture, wheelFirefox, type ListEnd } from '../support/scroll-fixture';

type Firefox = Awaited<ReturnType<typeof launchFirefoxExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

interface ExtensionGlobals {
  browser: { browserAction: { getBadgeText(details: object): Promise<string> } };
}

const fixture = scrollFixture(Date.now());
const VIEWPORT = { width: 400, height: 800 };

let firefox: Firefox;
let fake: Fake;
let panel: Page;

const openPage = (path: string): Promise<Page> => firefox.openPage(path, VIEWPORT);

beforeAll(async () => {
  fake = await startFakeHf({ days: fixture.days });
  firefox = await launchFirefoxExtension();
  const options = await openPage('options.html');
  await options.waitForFunction(() => document.querySelector<HTMLInputElement>('#source')?.value === 'https://huggingface.co', { polling: 100 });
  await options.locator('#source').fill(fake.url);
  await options.locator('button[type="submit"]').click();
  // The first sync is done when the badge shows a count ("99+" past 99).
  await options.waitForFunction(
    () => (globalThis as unknown as ExtensionGlobals).browser.browserAction.getBadgeText({}).then((text) => /^\d+\+?$/.test(text)),
    { timeout: 30_000, polling: 200 },
  );
  await options.close();
  panel = await openPage('sidepanel.html');
  await panel.waitForSelector('article');
}, 120_000);
afterAll(async () => {
  await firefox?.close();
  await fake?.close();
});

/** The number in the list bar's "N unread" (any digit grouping). */
const unreadCount = () => panel.$eval('.list-bar', (bar) => Number((bar.textContent ?? '').match(/([\d,. ]+) unread/)?.[1]?.replace(/\D/g, '') ?? NaN));

/** Clicks the button whose whole text is `name`, as a person would (a real mouse click). */
async function clickButton(name: string): Promise<void> {
  const buttons = await panel.$$('button');
  for (const button of buttons) {
    if ((await button.evaluate((element) => element.textContent?.replace(/[‹›]/g, '').trim())) === name) return button.click();
  }
  throw new Error(`no button ${name}`);
}

async function wheelDown(expected: number, delta: number): Promise<ListEnd> {
  return wheelFirefox(panel, expected, delta);
}

/** Every card the source has for the list is on the page, once, and the last card is in view. */
async function expectEveryCard(entries: readonly HfEntry[], end: ListEnd): Promise<void> {
  expect(end.cards, `reached ${end.cards} of ${entries.length} cards in ${end.steps} wheel steps`).toBe(entries.length);
  const shown = await panel.$$eval('article', (cards) => cards.map((card) => card.getAttribute('data-paper-id')));
  expect(new Set(shown)).toEqual(new Set(entries.map((entry) => entry.paper.id)));
  expect(shown).toHaveLength(entries.length);
  // Where the page stands, for a failure's message.
  const where = await panel.evaluate(() =>
    JSON.stringify({
      scrollY,
      innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
      lastTitle: document.querySelector('article:last-of-type .paper-title')?.getBoundingClientRect(),
    }),
  );
  await expect
    .poll(
      () =>
        panel.$eval('article:last-of-type .paper-title', (title) => {
          const box = title.getBoundingClientRect();
          return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
        }),
      // Firefox scrolls smoothly: the last wheel step may still be settling.
      { timeout: 5_000, message: where },
    )
    .toBe(true);
}

describe(`Firefox's sidebar page at ${VIEWPORT.width}×${VIEWPORT.height}, lists scrolled with the mouse wheel only`, () => {
  it(`shows every paper of today's ${fixture.today.entries.length}`, async () => {
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.today.entries.length);
    await expectEveryCard(fixture.today.entries, await wheelDown(fixture.today.entries.length, VIEWPORT.height));
  });

  it(`shows every paper of a past day's ${fixture.pastDay.entries.length}`, async () => {
    await clickButton('Day');
    const picker = await panel.waitForSelector('input[type="date"]');
    // The date typed as a value, then committed, as the picker does.
    await picker!.evaluate((input, day) => {
      input.value = day;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, fixture.pastDay.day);
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.pastDay.entries.length);
    await expectEveryCard(fixture.pastDay.entries, await wheelDown(fixture.pastDay.entries.length, VIEWPORT.height));
  });

  it(`shows every one of a search's ${fixture.searchMatches.length} matches`, async () => {
    await clickButton('Today');
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.today.entries.length);
    await panel.locator('#search').fill(fixture.searchWord);
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.searchMatches.length);
    await expectEveryCard(fixture.searchMatches, await wheelDown(fixture.searchMatches.length, VIEWPORT.height));
    // Emptied with keys, as a person does (puppeteer's fill('') sets the value without any event).
    await panel.click('#search');
    await panel.keyboard.down('Control');
    await panel.keyboard.press('a');
    await panel.keyboard.up('Control');
    await panel.keyboard.press('Backspace');
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.today.entries.length);
  });

  it('empties the search on Escape: the field and the list agree', async () => {
    await panel.click('#search');
    await panel.keyboard.type(fixture.searchWord);
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.searchMatches.length);
    await panel.keyboard.press('Escape');
    expect(await panel.$eval('#search', (input) => (input as HTMLInputElement).value)).toBe('');
    await expect.poll(unreadCount, { timeout: 15_000 }).toBe(fixture.today.entries.length);
    expect(await panel.$$eval('article mark', (marks) => marks.length)).toBe(0);
  });
});
