import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { profileWithPermissions } from '../support/granted-profile.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

let extension: Extension;
let fake: Fake;

beforeAll(async () => {
  fake = await startFakeHf();
  // The permission prompt cannot be answered headless: the grant is recorded in the profile
  // beforehand, and the options page's own request then resolves at once (see granted-profile.mjs).
  extension = await launchExtension({ profile: await profileWithPermissions(['notifications']) });
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const WATCH_RGBA = [0x8e, 0x24, 0xaa, 255];
const notifications = () =>
  extension.worker().evaluate(async () => {
    const all = await chrome.notifications.getAll();
    return Object.keys(all);
  });
/** A sync as the Refresh button asks for it; the answer comes once alerts are done too. */
const refresh = (page: Page) =>
  page.evaluate(() => chrome.runtime.sendMessage({ paperboy: 'request', request: { type: 'refresh' } }) as Promise<{ ran: boolean }>);

describe('alerts in Chromium', () => {
  let options: Page;
  let matchId: string;

  it('turns notifications on and adds a watchlist keyword from the options page', async () => {
    await useSource(extension, fake.url);
    options = await openPage(extension, 'options.html');
    const box = options.getByLabel('Show notifications');
    await box.check();
    await options.getByText('Notifications are on.').waitFor();
    expect(await extension.worker().evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);

    await options.getByLabel('Keyword, author, organization or submitter').fill('Zebrafish');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.getByText('Added Watchlist: Zebrafish.').waitFor();
    await options.getByRole('button', { name: 'Remove Zebrafish' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // Nothing stored matched, and nothing old is announced.
    expect(await notifications()).toEqual([]);
  });

  it('notifies exactly once for a matching paper a sync brings, and badges in the watchlist colour', async () => {
    const today = new Date().toISOString().slice(0, 10);
    matchId = fake.state.addPapers(today, 3)[0]!.paper.id;
    fake.state.updatePaper(matchId, { title: 'Zebrafish larvae as a benchmark for embodied agents' });

    expect((await refresh(options)).ran).toBe(true);
    expect(await notifications()).toEqual([`paperboy:paper:watch:${matchId}`]);
    expect(await extension.worker().evaluate(() => chrome.action.getBadgeBackgroundColor({}))).toEqual(WATCH_RGBA);
    expect(await extension.worker().evaluate(() => chrome.action.getTitle({}))).toMatch(/1 watchlist match not yet seen/);
  });

  it('marks the paper in the reader with the rule that matched', async () => {
    const panel = await openPage(extension, 'sidepanel.html');
    const card = panel.locator(`[data-paper-id="${matchId}"]`);
    await card.waitFor();
    expect(await card.locator('.watch-marker').innerText()).toMatch(/Watchlist: Zebrafish/);
    await panel.close();
  });

  it('does not notify again on the next sync', async () => {
    await extension.worker().evaluate(async (id) => void (await chrome.notifications.clear(id)), `paperboy:paper:watch:${matchId}`);
    expect(await notifications()).toEqual([]);
    expect((await refresh(options)).ran).toBe(true);
    expect(await notifications()).toEqual([]);
  });

  it('does not notify a matching paper that is open in a tab, and does notify one that is not', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [openEntry, otherEntry] = fake.state.addPapers(today, 2).map((entry) => entry.paper);
    fake.state.updatePaper(openEntry!.id, { title: 'Zebrafish swimming, read already' });
    fake.state.updatePaper(otherEntry!.id, { title: 'Zebrafish schooling in simulation' });
    // The paper's Hugging Face page, served locally: the test never touches the network.
    await extension.context.route('https://huggingface.co/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>paper</title>' }),
    );
    const tab = await extension.context.newPage();
    onTestFinished(async () => {
      await tab.close().catch(() => undefined);
      await extension.context.unrouteAll({ behavior: 'ignoreErrors' });
    });
    await tab.goto(`https://huggingface.co/papers/${openEntry!.id}`);

    expect((await refresh(options)).ran).toBe(true);
    expect(await notifications()).toEqual([`paperboy:paper:watch:${otherEntry!.id}`]);
  });
});
