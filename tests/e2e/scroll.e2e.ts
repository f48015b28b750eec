// Every paper of a long list is reachable with the mouse wheel alone (no keys, no scrollIntoView):
// a 120-paper day, a past day, a month of 1,500 and a search with 60 matches, in a wide and a
// narrow side panel. The list renders a page of cards at a time as it is scrolled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { useSource } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import type { HfEntry } from '../support/generate-papers.mjs';
import { measureList, scrollFixture, wheelToEnd, type ListEnd } from '../support/scroll-fixture';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const fixture = scrollFixture(Date.now());

let extension: Extension;
let fake: Fake;

beforeAll(async () => {
  fake = await startFakeHf({ days: fixture.days });
  extension = await launchExtension();
  await useSource(extension, fake.url);
}, 120_000);
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

/** Turns the mouse wheel over the middle of the page, `delta` pixels a step, to the list's end. */
async function wheelDown(page: Page, expected: number, delta: number): Promise<ListEnd> {
  const { width, height } = page.viewportSize()!;
  await page.mouse.move(width / 2, height / 2);
  return wheelToEnd(
    () => page.evaluate(measureList),
    () => page.mouse.wheel(0, delta),
    expected,
  );
}

const shownIds = (page: Page) => page.locator('article').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-paper-id')));

/** Every card the source has for the list is on the page, once, and the last card is in view. */
async function expectEveryCard(page: Page, entries: readonly HfEntry[], end: ListEnd): Promise<void> {
  expect(end.cards, `reached ${end.cards} of ${entries.length} cards in ${end.steps} wheel steps`).toBe(entries.length);
  const shown = await shownIds(page);
  expect(new Set(shown).size).toBe(entries.length);
  expect(new Set(shown)).toEqual(new Set(entries.map((entry) => entry.paper.id)));
  const lastTitle = page.locator('article').last().locator('.paper-title');
  await expect
    .poll(() =>
      lastTitle.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
      }),
    )
    .toBe(true);
}

/** The number in the list bar's "N unread" (any digit grouping). */
async function unreadCount(page: Page): Promise<number> {
  const text = (await page.locator('.list-bar').textContent()) ?? '';
  return Number(text.match(/([\d,. ]+) unread/)?.[1]?.replace(/\D/g, '') ?? NaN);
}

async function openPanel(viewport: { width: number; height: number }): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(extension.pageUrl('sidepanel.html'));
  await page.locator('article').first().waitFor();
  return page;
}

async function showDay(page: Page, day: string): Promise<void> {
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByLabel('Day', { exact: true }).fill(day);
  await page.getByLabel('Day', { exact: true }).dispatchEvent('change');
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 400, height: 800 },
];

describe.each(VIEWPORTS)('the side panel at $width×$height, scrolled with the mouse wheel only', (viewport) => {
  let panel: Page;
  beforeAll(async () => {
    panel = await openPanel(viewport);
  });
  afterAll(async () => {
    await panel?.close();
  });

  it(`shows every paper of today's ${fixture.today.entries.length}`, async () => {
    await panel.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => unreadCount(panel)).toBe(fixture.today.entries.length);
    await expectEveryCard(panel, fixture.today.entries, await wheelDown(panel, fixture.today.entries.length, viewport.height));
  });

  it(`shows every paper of a past day's ${fixture.pastDay.entries.length}`, async () => {
    await showDay(panel, fixture.pastDay.day);
    await expect.poll(() => unreadCount(panel), { timeout: 15_000 }).toBe(fixture.pastDay.entries.length);
    await expectEveryCard(panel, fixture.pastDay.entries, await wheelDown(panel, fixture.pastDay.entries.length, viewport.height));
  });

  it(`shows every one of a search's ${fixture.searchMatches.length} matches`, async () => {
    await panel.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => unreadCount(panel)).toBe(fixture.today.entries.length);
    await panel.getByLabel('Search papers').fill(fixture.searchWord);
    await panel.locator('.list-bar').getByText(`${fixture.searchMatches.length} of ${fixture.today.entries.length} shown`).waitFor();
    await expect.poll(() => unreadCount(panel)).toBe(fixture.searchMatches.length);
    await expectEveryCard(panel, fixture.searchMatches, await wheelDown(panel, fixture.searchMatches.length, viewport.height));
    await panel.getByLabel('Search papers').fill('');
  });
});

// The month at the wide size only: the journey (journey.e2e.ts) scrolls it at the side panel's.
const WIDE = VIEWPORTS[0]!;
describe(`the side panel at ${WIDE.width}×${WIDE.height}, a month scrolled with the mouse wheel only`, () => {
  let wide: Page;
  beforeAll(async () => {
    wide = await openPanel(WIDE);
  });

  it(`shows every paper of a month of ${fixture.month.entries.length}`, async () => {
    await wide.getByRole('button', { name: 'Month' }).click();
    await wide.locator('.period-picker input[type="month"]').waitFor();
    await wide.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => unreadCount(wide), { timeout: 30_000 }).toBe(fixture.month.entries.length);
    const end = await wheelDown(wide, fixture.month.entries.length, 2 * WIDE.height);
    console.info(`month of ${fixture.month.entries.length} at ${WIDE.width}×${WIDE.height}: ${end.cards} cards in ${end.steps} wheel steps, ${end.ms} ms`);
    await expectEveryCard(wide, fixture.month.entries, end);
  }, 240_000);
});
