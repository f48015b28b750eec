// A new user's first session, by mouse only, in Chromium: install → first sync → badge → popup
// (both tabs, scrolled to the end) → the side panel from the popup → Today scrolled to the end →
// Week → Month → search → filter → save → Saved → export → options → 简体中文 → back.
// Every step asserts what a person sees, at a real volume (a weekday of 120, a month of 1,500).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { badgeText, openPage, waitForBadge } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import { storedSummary } from '../support/idb-probe';
import { cardsOf, counted, journeyDays, listBar, searchWord, shownOf, titleOf, wheelToEnd } from '../support/journey';
import { daysOfIsoWeek, daysOfMonth } from '../../lib/core/dates';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const data = journeyDays();
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

describe('a new user, by mouse', () => {
  it('sets the Source, and the first sync badges every stored paper', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByLabel('Source').click();
    await options.getByLabel('Source').fill(fake.url);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText(`Saved — syncing from ${fake.url}`).waitFor();
    const badge = await waitForBadge(extension, (text) => /^\d+\+?$/.test(text));
    const stored = await options.evaluate(storedSummary);
    expect(stored.listings[`day:${data.latest}`]).toBe(data.count([data.latest]));
    // The badge holds two digits; its tooltip has the whole count.
    expect(badge).toBe(stored.papers > 99 ? '99+' : String(stored.papers));
    expect(await extension.worker().evaluate(() => chrome.action.getTitle({}))).toContain(`${counted(stored.papers)} new papers`);
    await options.close();
  });

  it('reads both popup tabs to the end; looking at them clears the badge', async () => {
    const popup = await openPage(extension, 'popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tab', { name: 'Trending' }).click();
    const stored = await popup.evaluate(storedSummary);
    const trending = stored.listings.trending!;
    expect(trending).toBeGreaterThan(0);
    expect(await wheelToEnd(popup, trending)).toBe(trending);
    await expect.poll(() => titleOf(cardsOf(popup).last()).isVisible()).toBe(true);

    await popup.getByRole('tab', { name: 'Today' }).click();
    expect(await wheelToEnd(popup, data.count([data.latest]))).toBe(data.count([data.latest]));
    await waitForBadge(extension, (text) => text === '');

    // The popup's own button opens Chrome's side panel (a page of its own, not a tab) and closes.
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    await closed;
    const probe = await openPage(extension, 'options.html');
    const session = await extension.context.newCDPSession(probe);
    await expect
      .poll(async () => (await session.send('Target.getTargets')).targetInfos.some((target) => target.url === extension.pageUrl('sidepanel.html')))
      .toBe(true);
    await session.detach();
    await probe.close();
  });

  it('scrolls Today to its last paper with the wheel in the side panel', async () => {
    // The side panel's own page, driven in a tab of the side panel's size.
    panel = await openPage(extension, 'sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 800 });
    await cardsOf(panel).first().waitFor();
    expect(await panel.getByRole('button', { name: 'Today' }).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.getByText(`${counted(data.count([data.latest]))} papers`).count()).toBe(1);
    expect(await wheelToEnd(panel, data.count([data.latest]))).toBe(data.count([data.latest]));
    expect(await listBar(panel)).toMatch(new RegExp(`^${counted(data.count([data.latest]))} unread`));
  });

  it('opens the Week, then the month before, and scrolls all 1,500 to the end', async () => {
    await panel.getByRole('button', { name: 'Week', exact: true }).click();
    const week = data.count(daysOfIsoWeek(data.week));
    await panel.getByText(`${counted(week)} papers`).waitFor();
    expect(await wheelToEnd(panel, week)).toBe(week);

    await panel.getByRole('button', { name: 'Month', exact: true }).click();
    // As a person does: Previous once the month picker shows (before, it would step the week).
    await panel.locator('.period-picker input[type="month"]').waitFor();
    await panel.getByRole('button', { name: 'Previous' }).click();
    const month = data.count(daysOfMonth(data.pastMonth));
    expect(month).toBeGreaterThanOrEqual(1_500);
    await panel.getByText(`${counted(month)} papers`).waitFor({ timeout: 30_000 });
    expect(await wheelToEnd(panel, month)).toBe(month);
    await expect.poll(() => titleOf(cardsOf(panel).last()).isVisible()).toBe(true);
  }, 240_000);

  it('searches the month, and every match can be scrolled to', async () => {
    const word = searchWord(daysOfMonth(data.pastMonth).flatMap((day) => data.days[day] ?? []));
    await panel.getByLabel('Search papers').click();
    await panel.keyboard.type(word); // typing is how a mouse user searches too
    await expect.poll(() => shownOf(panel), { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    const shown = (await shownOf(panel))!;
    expect(await wheelToEnd(panel, shown)).toBe(shown);
    for (const text of await cardsOf(panel).allTextContents()) expect(text.toLowerCase()).toContain(word.toLowerCase());
    // The box's clear button (×) empties the search, and the whole month is back.
    await panel.getByLabel('Search papers').fill('');
    await expect.poll(() => listBar(panel)).not.toMatch(/ shown/);
  });

  it('filters Today to papers with code, saves one, and finds it in Saved', async () => {
    await panel.getByRole('button', { name: 'Today' }).click();
    await panel.getByText(`${counted(data.count([data.latest]))} papers`).waitFor();
    await panel.getByText('Filters and sort').click();
    await panel.getByLabel('Has code').check();
    await expect.poll(() => shownOf(panel)).toBeGreaterThan(0);
    const withCode = (await shownOf(panel))!;
    expect(await wheelToEnd(panel, withCode)).toBe(withCode);
    expect(await panel.getByRole('article').getByRole('link', { name: /^Code/ }).count()).toBe(withCode);

    const card = cardsOf(panel).last();
    const title = (await titleOf(card).textContent())!;
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByRole('button', { name: 'Saved' }).waitFor();
    await panel.getByLabel('Has code').uncheck();
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await expect.poll(() => titleOf(cardsOf(panel)).allTextContents()).toEqual([title]);
  });

  it('exports the Saved view as BibTeX', async () => {
    await panel.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('group', { name: 'Export the papers shown' }).getByRole('button', { name: 'BibTeX' }).click(),
    ]);
    const bibtex = readFileSync((await download.path())!, 'utf8');
    expect(bibtex.match(/^@misc\{/gm)).toHaveLength(1);
  });

  it('switches to 简体中文 in the options, and back', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByLabel('Language').selectOption('zh-CN');
    await options.getByRole('heading', { name: 'Paperboy 设置' }).waitFor();
    await panel.getByRole('button', { name: '今天' }).waitFor();
    await panel.getByRole('button', { name: '今天' }).click();
    await panel.getByText(`${counted(data.count([data.latest]))} 篇论文`, { exact: true }).waitFor();
    await options.getByLabel('语言').selectOption('browser');
    await panel.getByRole('button', { name: 'Today' }).waitFor();
    expect(await badgeText(extension)).toBe('');
    await options.close();
  });
});
