import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';
import { loadFixtureDays, pastWeekday, startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const PAST_DAY = pastWeekday();
const SCREENSHOTS = resolve(import.meta.dirname, '../../.output/e2e-screenshots');

let extension: Extension;
let fake: Fake;
let panel: Page;

beforeAll(async () => {
  // A past day the sync never fetches: the reader has to ask for it.
  fake = await startFakeHf({ days: { ...loadFixtureDays(), [PAST_DAY]: makeDay(PAST_DAY, 12, { seed: 11 }) } });
  extension = await launchExtension();
  await useSource(extension, fake.url);
  panel = await openPage(extension, 'sidepanel.html');
  await panel.getByRole('article').first().waitFor();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const titles = () => panel.getByRole('article').getByRole('heading').getByRole('link').allTextContents();
const cards = () => panel.getByRole('article');

describe('the reader in Chromium', () => {
  it('has no accessibility violations in popup, side panel and options, light and dark', async () => {
    const popup = await openPage(extension, 'popup.html');
    await popup.getByRole('article').first().waitFor();
    const options = await openPage(extension, 'options.html');
    await options.getByLabel('Source').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      for (const page of [popup, panel, options]) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(page), `${page.url()} in ${scheme}`).toEqual([]);
      }
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    await popup.close();
    await options.close();
  });

  it('navigates to a past day, which is fetched on demand and then shown', async () => {
    await panel.getByRole('button', { name: 'Day', exact: true }).click();
    fake.state.clearRequests();
    await panel.getByLabel('Day', { exact: true }).fill(PAST_DAY);
    await panel.getByLabel('Day', { exact: true }).dispatchEvent('change');
    await expect.poll(() => titles()).toHaveLength(12);
    expect(fake.state.requests.map((request: { query: Record<string, string> }) => request.query.date)).toContain(PAST_DAY);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toContain(PAST_DAY.slice(0, 4));
    // Shown again: stored and settled, so no second request.
    fake.state.clearRequests();
    await panel.getByRole('button', { name: 'Today' }).click();
    await panel.getByRole('button', { name: 'Day', exact: true }).click();
    await panel.getByLabel('Day', { exact: true }).fill(PAST_DAY);
    await panel.getByLabel('Day', { exact: true }).dispatchEvent('change');
    await expect.poll(() => titles()).toHaveLength(12);
    expect(fake.state.requests).toEqual([]);
  });

  it('searches every stored paper as you type, highlighting matches', async () => {
    const pastDay = (await titles()).join('\n');
    await panel.getByRole('button', { name: 'Today' }).click();
    // The past day's list stays until Today's is read: take the word from Today's first card.
    await expect.poll(async () => (await titles()).join('\n')).not.toBe(pastDay);
    const [first] = await titles();
    // A whole word (a piece of "Schrödinger" cut at the "ö" would start no word).
    const word = first!.split(/\s+/).find((candidate) => /^[A-Za-z]{6,}$/.test(candidate));
    expect(word, first).toBeDefined();
    await panel.getByLabel('Search in').selectOption('all');
    try {
      await panel.getByLabel('Search papers').fill(word!.toLowerCase());
      // Every card left matches in some field (title, authors, abstract, keywords are all in its
      // text), and there is one: at least the card the word came from.
      await expect
        .poll(async () => {
          const texts = await cards().allTextContents();
          return texts.length > 0 && texts.every((text) => text.toLowerCase().includes(word!.toLowerCase()));
        })
        .toBe(true);
      expect(await panel.locator('article mark').first().textContent()).toMatch(new RegExp(word!.slice(0, 4), 'i'));
    } finally {
      // The tests below start from Today unsearched, whatever happened here.
      await panel.getByLabel('Search papers').fill('');
    }
  });

  it('filters to papers with code', async () => {
    await panel.getByText('Filters and sort').click();
    const before = await cards().count();
    await panel.getByLabel('Has code').check();
    await expect.poll(() => cards().count()).toBeLessThan(before);
    const count = await cards().count();
    expect(await panel.getByRole('article').getByRole('link', { name: /^Code/ }).count()).toBe(count);
    await panel.getByLabel('Has code').uncheck();
    await expect.poll(() => cards().count()).toBe(before);
  });

  it('saves a paper and marks papers read; both survive reopening', async () => {
    const card = cards().first();
    const title = (await card.getByRole('heading').getByRole('link').textContent())!;
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByRole('button', { name: 'Saved' }).waitFor();
    const unread = async () => Number((await panel.getByText(/^\d+ unread/).textContent())!.match(/\d+/)![0]);
    const before = await unread();
    await card.getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(unread).toBe(before - 1);

    await panel.reload();
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await expect.poll(() => titles()).toEqual([title]);
    expect(await cards().first().getByRole('button', { name: 'Read' }).getAttribute('aria-pressed')).toBe('true');
    await panel.getByRole('button', { name: 'Today' }).click();
  });

  it('works by keyboard: j moves, m marks read, s saves, ? shows the keys', async () => {
    // Today must be shown and settled first: a reload after the marks above may still land and
    // re-render the list under the keys.
    let previous = '';
    await expect
      .poll(
        async () => {
          const shown = (await titles()).join('\n');
          const settled = shown === previous && (await cards().count()) > 1;
          previous = shown;
          return settled;
        },
        { interval: 250, timeout: 10_000 },
      )
      .toBe(true);
    await panel.locator('body').click({ position: { x: 2, y: 2 } });
    await panel.keyboard.press('j');
    await panel.keyboard.press('j');
    // Focus follows the key after the next frame: wait for it to reach the second card (the
    // first card stays focused until then).
    const focusedIndex = () => panel.evaluate(() => [...document.querySelectorAll('article')].indexOf(document.activeElement as HTMLElement));
    await expect.poll(focusedIndex).toBe(1);
    const id = await cards().nth(1).getAttribute('data-paper-id');
    await panel.keyboard.press('s');
    await panel.locator(`[data-paper-id="${id}"]`).getByRole('button', { name: 'Saved' }).waitFor();
    await panel.keyboard.press('m');
    await panel.locator(`[data-paper-id="${id}"]`).getByRole('button', { name: 'Read' }).waitFor();
    await panel.keyboard.press('Shift+?');
    await panel.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.getByRole('dialog').count()).toBe(0);
    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('search');
  });

  it('has a designed dark theme', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 23, 28)');
    await panel.screenshot({ path: resolve(SCREENSHOTS, 'reader-dark.png') });
  });
});
