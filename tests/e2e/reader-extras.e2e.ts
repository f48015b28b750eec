import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { profileWithPermissions } from '../support/granted-profile.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

let extension: Extension;
let fake: Fake;
let panel: Page;
/** Today's papers: one to mute, one whose code comes out later, one to read. */
let mutedId: string;
let codeId: string;
let readId: string;

const MUTED_TITLE = 'Zorblax markets under noise';
const CODE_TITLE = 'Quokka planning without code yet';
const READ_TITLE = 'Wombat reading for agents';

beforeAll(async () => {
  fake = await startFakeHf();
  const today = new Date().toISOString().slice(0, 10);
  [mutedId, codeId, readId] = fake.state.addPapers(today, 3).map((entry: { paper: { id: string } }) => entry.paper.id) as [string, string, string];
  fake.state.updatePaper(mutedId, { title: MUTED_TITLE, upvotes: 900 });
  fake.state.updatePaper(codeId, { title: CODE_TITLE, upvotes: 800, githubRepo: undefined, githubStars: undefined });
  fake.state.updatePaper(readId, { title: READ_TITLE, upvotes: 700 });
  // The permission prompt cannot be answered headless: the grant is in the profile (granted-profile.mjs).
  extension = await launchExtension({ profile: await profileWithPermissions(['notifications']) });
  await useSource(extension, fake.url);
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const titles = (page: Page) => page.getByRole('article').getByRole('heading').getByRole('link').allTextContents();
const card = (title: string) => panel.getByRole('article').filter({ hasText: title });
const notifications = () => extension.worker().evaluate(async () => Object.keys(await chrome.notifications.getAll()));
/** A sync as the Refresh button asks for it; the answer comes once alerts are done too. */
const refresh = (page: Page) =>
  page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } }) as Promise<{ ran: boolean }>);
const reposRequests = () => fake.state.requests.filter((request: { path: string }) => request.path.endsWith('/repos'));

describe('reader extras in Chromium', () => {
  it('mutes a word from the options page, beside the watchlist', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByLabel('Show notifications').check();
    await options.getByText('Notifications are on.').waitFor();
    await options.getByLabel('Word, author, organization or submitter to mute').fill('Zorblax');
    await options.getByRole('button', { name: 'Mute', exact: true }).click();
    await options.getByText('Muted Keyword: Zorblax.').waitFor();
    await options.getByRole('button', { name: 'Unmute Zorblax' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('leaves the muted paper out of the popup and the side panel, which count it and show it on request', async () => {
    // The background re-marks every paper when the rules change.
    const popup = await openPage(extension, 'popup.html');
    await popup.getByRole('tab', { name: 'Today' }).click();
    await expect.poll(async () => (await titles(popup)).includes(CODE_TITLE)).toBe(true);
    await expect.poll(async () => (await titles(popup)).includes(MUTED_TITLE)).toBe(false);
    await popup.close();

    panel = await openPage(extension, 'sidepanel.html');
    await card(CODE_TITLE).waitFor();
    expect(await titles(panel)).not.toContain(MUTED_TITLE);
    await panel.getByText('1 muted').waitFor();
    await panel.getByRole('button', { name: 'Show muted' }).click();
    await card(MUTED_TITLE).getByText('Muted: Zorblax').waitFor();
    await panel.getByRole('button', { name: 'Hide muted' }).click();
    await expect.poll(async () => (await titles(panel)).includes(MUTED_TITLE)).toBe(false);
  });

  it('announces once that a saved paper’s code came out, and marks its card', async () => {
    await card(CODE_TITLE).getByRole('button', { name: 'Save' }).click();
    await card(CODE_TITLE).getByRole('button', { name: 'Saved' }).waitFor();
    fake.state.updatePaper(codeId, { githubRepo: 'https://github.com/quokka-lab/planner' });
    expect((await refresh(panel)).ran).toBe(true);
    expect(await notifications()).toContain(`paperboy:paper:code:${codeId}`);
    await card(CODE_TITLE).getByText('Code released').waitFor();
    await extension.worker().evaluate(async (id) => void (await chrome.notifications.clear(id)), `paperboy:paper:code:${codeId}`);
    expect((await refresh(panel)).ran).toBe(true);
    expect(await notifications()).not.toContain(`paperboy:paper:code:${codeId}`);
  });

  it('shows a card’s linked models, datasets and Spaces on demand, fetched once', async () => {
    fake.state.setLinkedRepos(codeId, {
      models: [
        { id: 'quokka-lab/planner-7b', likes: 120, downloads: 4000, pipeline_tag: 'text-generation' },
        { id: 'quokka-lab/planner-1b', likes: 12 },
        { id: '../escape', likes: 9999 },
      ],
      datasets: [{ id: 'quokka-lab/plans', likes: 3 }],
      spaces: 'not a list',
    });
    // Never asked ahead: no card opened them yet.
    expect(reposRequests()).toEqual([]);
    const button = card(CODE_TITLE).getByRole('button', { name: 'Models · Datasets · Spaces' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    await card(CODE_TITLE).getByRole('heading', { name: 'Models (2)' }).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await card(CODE_TITLE).getByRole('link', { name: 'quokka-lab/planner-7b' }).getAttribute('href')).toBe(
      'https://huggingface.co/quokka-lab/planner-7b',
    );
    expect(await card(CODE_TITLE).getByRole('link', { name: 'quokka-lab/plans' }).getAttribute('href')).toBe(
      'https://huggingface.co/datasets/quokka-lab/plans',
    );
    expect(await card(CODE_TITLE).getByText('escape').count()).toBe(0);
    expect(await axeViolations(panel)).toEqual([]);
    await button.click();
    await button.click();
    await card(CODE_TITLE).getByRole('heading', { name: 'Models (2)' }).waitFor();
    expect(reposRequests()).toHaveLength(1);
  });

  it('hides read papers when asked: Mark read takes the card away, Undo brings it back', async () => {
    await panel.getByText('Filters and sort').click();
    await panel.getByRole('switch', { name: 'Hide read' }).check();
    await card(READ_TITLE).getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(async () => (await titles(panel)).includes(READ_TITLE)).toBe(false);
    const status = panel.getByRole('status').filter({ hasText: '1 paper marked read and hidden.' });
    await status.waitFor();
    const undo = status.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((element) => element === document.activeElement)).toBe(true);
    // The new marks, the linked repositories and the Undo, in both themes.
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    await undo.click();
    await card(READ_TITLE).waitFor();
    // Remembered: a new side panel opens with it on.
    const again = await openPage(extension, 'sidepanel.html');
    await again.getByRole('article').first().waitFor();
    await again.getByText('Filters and sort').click();
    expect(await again.getByRole('switch', { name: 'Hide read' }).isChecked()).toBe(true);
    await again.close();
  });
});
