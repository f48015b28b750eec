// The same first session as journey.e2e.ts, by keyboard only (Tab, Enter, Space, arrows, End and
// the reader's keys), in Chromium: what a person without a mouse meets, at a real volume.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { openPage, waitForBadge } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import { storedSummary } from '../support/idb-probe';
import { cardsOf, counted, endToEnd, journeyDays, listBar, searchWord, shownOf, tabTo, titleOf } from '../support/journey';
import { daysOfIsoWeek, daysOfMonth } from '../../lib/core/dates';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const data = journeyDays();
const latest = data.count([data.latest]);
let extension: Extension;
let fake: Fake;
let panel: Page;

beforeAll(async () => {
  fake = await startFakeHf({ days: data.days });
  extension = await launchExtension();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

describe('a new user, by keyboard', () => {
  it('types the Source and saves it with Enter; the first sync badges', async () => {
    const options = await openPage(extension, 'options.html');
    await tabTo(options, options.getByLabel('Source'));
    await options.keyboard.press('ControlOrMeta+a');
    await options.keyboard.type(fake.url);
    await tabTo(options, options.getByRole('button', { name: 'Save' }));
    await options.keyboard.press('Enter');
    await options.getByText(`Saved — syncing from ${fake.url}`).waitFor();
    await waitForBadge(extension, (text) => /^\d+\+?$/.test(text));
    expect((await options.evaluate(storedSummary)).listings[`day:${data.latest}`]).toBe(latest);
    await options.close();
  });

  it('reads both popup tabs to the end with End and the arrow keys, then opens the side panel with Enter', async () => {
    const popup = await openPage(extension, 'popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    const trending = (await popup.evaluate(storedSummary)).listings.trending!;
    await tabTo(popup, popup.getByRole('tab', { name: 'Trending' }));
    expect(await endToEnd(popup, trending)).toBe(trending);
    await tabTo(popup, popup.getByRole('tab', { name: 'Trending' }));
    await popup.keyboard.press('ArrowRight');
    expect(await popup.getByRole('tab', { name: 'Today' }).getAttribute('aria-selected')).toBe('true');
    expect(await endToEnd(popup, latest)).toBe(latest);
    await waitForBadge(extension, (text) => text === '');

    const closed = popup.waitForEvent('close');
    await tabTo(popup, popup.getByRole('button', { name: 'Open side panel' }), { backwards: true });
    // The popup closes on the key going down: its release has no page left to reach.
    await popup.keyboard.press('Enter').catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
    await closed;
  });

  it('moves through all of Today with j, and reads a week and a month to the end', async () => {
    panel = await openPage(extension, 'sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await cardsOf(panel).first().waitFor();
    for (let press = 0; press < latest; press++) await panel.keyboard.press('j');
    await expect.poll(() => cardsOf(panel).count()).toBe(latest);
    await expect.poll(() => panel.evaluate(() => [...document.querySelectorAll('article')].indexOf(document.activeElement as HTMLElement))).toBe(latest - 1);

    await tabTo(panel, panel.getByRole('button', { name: 'Week', exact: true }));
    await panel.keyboard.press('Enter');
    const week = data.count(daysOfIsoWeek(data.week));
    await panel.getByText(`${counted(week)} papers`).waitFor();
    expect(await endToEnd(panel, week)).toBe(week);

    await tabTo(panel, panel.getByRole('button', { name: 'Month', exact: true }));
    await panel.keyboard.press('Enter');
    // As a person does: Previous once the month picker shows (before, it would step the week).
    await panel.locator('.period-picker input[type="month"]').waitFor();
    await tabTo(panel, panel.getByRole('button', { name: 'Previous' }));
    await panel.keyboard.press('Enter');
    const month = data.count(daysOfMonth(data.pastMonth));
    await panel.getByText(`${counted(month)} papers`).waitFor({ timeout: 30_000 });
    await tabTo(panel, panel.getByRole('button', { name: 'Previous' })); // focus off the field: End scrolls
    expect(await endToEnd(panel, month)).toBe(month);
  }, 240_000);

  it('searches with /, reads every match, and Escape gives the whole month back', async () => {
    const word = searchWord(daysOfMonth(data.pastMonth).flatMap((day) => data.days[day] ?? []));
    await panel.keyboard.press('/');
    await panel.keyboard.type(word);
    await expect.poll(() => shownOf(panel), { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    const shown = (await shownOf(panel))!;
    await tabTo(panel, panel.getByRole('button', { name: 'Previous' }), { backwards: true }); // out of the box, so End scrolls the list
    expect(await endToEnd(panel, shown)).toBe(shown);
    await panel.keyboard.press('/');
    await panel.keyboard.press('Escape');
    expect(await panel.getByLabel('Search papers').inputValue()).toBe('');
    await expect.poll(() => listBar(panel)).not.toMatch(/ shown/);
  });

  it('filters Today with Space, saves with s, and opens Saved with Enter', async () => {
    await tabTo(panel, panel.getByRole('button', { name: 'Today' }), { backwards: true });
    await panel.keyboard.press('Enter');
    await panel.getByText(`${counted(latest)} papers`).waitFor();
    await tabTo(panel, panel.getByText('Filters and sort'));
    await panel.keyboard.press('Enter');
    await tabTo(panel, panel.getByLabel('Has code'));
    await panel.keyboard.press('Space');
    await expect.poll(() => shownOf(panel)).toBeGreaterThan(0);
    const withCode = (await shownOf(panel))!;
    await expect.poll(() => cardsOf(panel).getByRole('link', { name: /^Code/ }).count()).toBe(Math.min(withCode, await cardsOf(panel).count()));

    await panel.keyboard.press('j');
    const first = cardsOf(panel).first();
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    const title = (await titleOf(first).textContent())!;
    await panel.keyboard.press('s');
    await first.getByRole('button', { name: 'Saved' }).waitFor();
    await tabTo(panel, panel.getByLabel('Has code'), { backwards: true });
    await panel.keyboard.press('Space');
    await tabTo(panel, panel.getByRole('button', { name: 'Saved', exact: true }).first(), { backwards: true });
    await panel.keyboard.press('Enter');
    await expect.poll(() => titleOf(cardsOf(panel)).allTextContents()).toEqual([title]);
  });

  it('exports Saved as BibTeX from the keyboard', async () => {
    await tabTo(panel, panel.getByText('Export', { exact: true }), { backwards: true });
    await panel.keyboard.press('Enter');
    const bibtex = panel.getByRole('group', { name: 'Export the papers shown' }).getByRole('button', { name: 'BibTeX' });
    await tabTo(panel, bibtex);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.keyboard.press('Enter')]);
    expect(readFileSync((await download.path())!, 'utf8').match(/^@misc\{/gm)).toHaveLength(1);
  });

  it('opens the options from the popup, switches to 简体中文 with the arrow keys, and back', async () => {
    const popup = await openPage(extension, 'popup.html');
    const opened = extension.context.waitForEvent('page', (page) => page.url().includes('options.html'));
    await tabTo(popup, popup.getByRole('button', { name: 'Settings' }), { backwards: true });
    await popup.keyboard.press('Enter');
    const options = await opened;
    // Found by its id: its label changes language with it.
    const language = options.locator('#language');
    await tabTo(options, language);
    for (let press = 0; press < 5 && (await language.inputValue()) !== 'zh-CN'; press++) await options.keyboard.press('ArrowDown');
    await options.getByRole('heading', { name: 'Paperboy 设置' }).waitFor();
    await panel.getByRole('button', { name: '今天' }).waitFor();
    await options.getByLabel('语言').waitFor();
    for (let press = 0; press < 5 && (await language.inputValue()) !== 'browser'; press++) await options.keyboard.press('ArrowUp');
    await panel.getByRole('button', { name: 'Today' }).waitFor();
    await options.close();
    await popup.close();
  });
});
