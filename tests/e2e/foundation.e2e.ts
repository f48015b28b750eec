import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { countStoredPapers } from '../support/idb-probe';
import { openPage as open, waitForBadge as waitBadge } from '../support/e2e';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

let extension: Extension;
let fake: Fake;

beforeAll(async () => {
  fake = await startFakeHf();
  extension = await launchExtension();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));

const storedPaperCount = () => extension.worker().evaluate(countStoredPapers);

const waitForBadge = (predicate: (text: string) => boolean) => waitBadge(extension, predicate);
const openPage = (path: string): Promise<Page> => open(extension, path);

describe('Paperboy in Chromium', () => {
  let sidePanel: Page;
  let addedTitles: string[];

  it('syncs from the Source set in the options page, and badges every new paper', async () => {
    const options = await openPage('options.html');
    const field = options.getByLabel('Source');
    await expect.poll(() => field.inputValue()).toBe('https://huggingface.co');
    await field.fill(fake.url);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText(`Saved — syncing from ${fake.url}`).waitFor();

    const text = await waitForBadge((value) => /^\d+$/.test(value));
    const stored = await storedPaperCount();
    expect(stored).toBeGreaterThan(0);
    expect(text).toBe(String(stored));
    expect(fake.state.requests.some((request: { path: string }) => request.path === '/api/daily_papers')).toBe(true);
    await options.close();
  });

  it('shows the papers in the popup marked NEW, and the badge clears', async () => {
    const popup = await openPage('popup.html');
    await popup.getByRole('article').first().waitFor();
    // The first screenful of cards is painted first; the list is complete once it is not busy.
    await popup.locator('#paper-panel[aria-busy="false"]').waitFor();
    const trending = await popup.getByRole('article').count();
    expect(trending).toBeGreaterThan(0);
    expect(await popup.getByText('NEW', { exact: true }).count()).toBe(trending);
    const firstLink = popup.getByRole('article').first().getByRole('heading').getByRole('link');
    expect(await firstLink.getAttribute('href')).toMatch(/^https:\/\/huggingface\.co\/papers\/\d{4}\.\d{4,5}$/);

    await popup.getByRole('tab', { name: 'Today' }).click();
    await popup.getByText(/Nothing listed today yet — showing/).waitFor();
    const latestDay = fake.state.latestDay!;
    expect(await popup.getByRole('article').count()).toBe(fake.state.days[latestDay]!.length);

    await waitForBadge((value) => value === '');
    expect(await badgeTitle()).toMatch(/No new papers/);
    await popup.close();
  });

  it('badges the 3 papers that arrive with the next sync, and the open side panel shows them', async () => {
    sidePanel = await openPage('sidepanel.html');
    await sidePanel.getByRole('article').first().waitFor();
    expect(await sidePanel.getByRole('button', { name: 'Today' }).getAttribute('aria-pressed')).toBe('true');

    const today = new Date().toISOString().slice(0, 10);
    addedTitles = fake.state.addPapers(today, 3).map((entry: { paper: { title: string } }) => entry.paper.title);
    // The real schedule: the poll alarm fires and the worker syncs.
    await extension.worker().evaluate(() => chrome.alarms.create('poll', { delayInMinutes: 0.02, periodInMinutes: 30 }));
    expect(await waitForBadge((value) => value === '3')).toBe('3');
    expect(await badgeTitle()).toMatch(/3 new papers/);

    for (const title of addedTitles) {
      await sidePanel.getByRole('link', { name: title }).waitFor({ timeout: 10_000 });
    }
    expect(await sidePanel.getByText('NEW', { exact: true }).count()).toBe(3);
    // Today's listing now has papers: the view moved from the last listing day to today.
    await expect.poll(() => sidePanel.getByText('3 papers').count()).toBe(1);
  });

  it('shows an error badge when the source fails, and keeps the papers', async () => {
    fake.state.failAlways('500');
    onTestFinished(() => fake.state.failAlways(null)); // even when the row fails
    const papers = await storedPaperCount();
    await sidePanel.getByRole('button', { name: 'Refresh' }).click();
    await waitForBadge((value) => value === '!');
    expect(await badgeTitle()).toMatch(/Sync failed .*HTTP 500/);
    await sidePanel.getByText(/^Refresh failed: The source answered HTTP 500/).waitFor();
    await sidePanel.getByText(/(Could not refresh since|Last refresh failed at) .* showing data from/).waitFor();
    expect(await sidePanel.getByRole('article').count()).toBeGreaterThan(0);
    expect(await storedPaperCount()).toBe(papers);
  });
});
