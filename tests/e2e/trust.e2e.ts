// What comes from elsewhere is checked where it is used: marks other devices write into
// chrome.storage.sync, requests to the background, and links from the source. Real Chromium,
// the built extension, the local fake source; every day is relative to today.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketKey, bucketOf } from '../../lib/saved/merge';
import { launchExtension } from '../support/browser.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';
import { countStoredPapers, storedSavedIds } from '../support/idb-probe';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const TODAY = dayOf(Date.now());
const YESTERDAY = dayOf(Date.now() - DAY_MS);
/** A weekday's worth of papers on each of the two days the sync reads. */
const PAPERS_A_DAY = 45;

let extension: Extension;
let fake: Fake;
let panel: Page;
let todayIds: string[];

beforeAll(async () => {
  const days = { [YESTERDAY]: makeDay(YESTERDAY, PAPERS_A_DAY, { seed: 31 }), [TODAY]: makeDay(TODAY, PAPERS_A_DAY, { seed: 32 }) };
  todayIds = days[TODAY]!.map((entry: { paper: { id: string } }) => entry.paper.id);
  fake = await startFakeHf({ days });
  // A source that sends odd links: a Code address on a look-alike host, a project page with a user name.
  // Most upvoted, so they are among the first cards the panel renders.
  fake.state.updatePaper(todayIds[0]!, {
    title: 'Hostile links paper',
    upvotes: 5000,
    githubRepo: 'https://github.com.evil.example/acme/model',
    projectPage: 'https://huggingface.co@evil.example/acme',
  });
  fake.state.updatePaper(todayIds[1]!, {
    title: 'Honest links paper',
    upvotes: 4999,
    githubRepo: 'https://github.com/acme/model',
    projectPage: 'https://acme.example/model',
  });
  extension = await launchExtension();
  await useSource(extension, fake.url);
  panel = await openPage(extension, 'sidepanel.html');
  await panel.getByRole('article').first().waitFor();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const savedIds = () => extension.worker().evaluate(storedSavedIds);
const storedCount = () => extension.worker().evaluate(countStoredPapers);
const card = (id: string) => panel.locator(`[data-paper-id="${id}"]`);
/** Ids of cards the panel shows now, other than the two that carry test links. */
const shownIds = async () =>
  (await panel.locator('[data-paper-id]').evaluateAll((cards) => cards.map((element) => element.getAttribute('data-paper-id')!))).filter(
    (id) => id !== todayIds[0] && id !== todayIds[1],
  );

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
    await new Promise((wait) => setTimeout(wait, 150));
    value = await read();
  }
  return value;
}

/** Sends a raw message from an extension page, as any of its pages could. */
const sendFrom = (page: Page, request: unknown) =>
  page.evaluate((body) => chrome.runtime.sendMessage({ paperboy: 'request', request: body }), request) as Promise<{ paperboy?: string; message?: string }>;

describe('trust in Chromium', () => {
  it('a removal stamped years ahead in chrome.storage.sync does not unsave the paper shown in Saved', async () => {
    const [kept, dropped] = (await shownIds()).slice(2, 4) as [string, string];
    for (const id of [kept, dropped]) {
      await card(id).getByRole('button', { name: 'Save', exact: true }).click();
      await card(id).getByRole('button', { name: 'Saved', exact: true }).waitFor();
    }
    await until(savedIds, (ids) => ids.includes(kept) && ids.includes(dropped));
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await card(kept).waitFor();
    await card(dropped).waitFor();

    // Another device (or a broken one) writes two removals: one ten years ahead, one a few
    // seconds ahead (clock skew), in one write, as storage.sync delivers it.
    const options = await openPage(extension, 'options.html');
    await options.evaluate(
      async ({ marks }) => {
        const items: Record<string, Record<string, number>> = {};
        for (const { key, id, mark } of marks) {
          items[key] ??= ((await chrome.storage.sync.get(key))[key] ?? {}) as Record<string, number>;
          items[key]![id] = mark;
        }
        await chrome.storage.sync.set(items);
      },
      {
        marks: [
          { key: bucketKey(bucketOf(kept)), id: kept, mark: -(Math.floor(Date.now() / 1000) + 10 * 365 * 86_400) },
          { key: bucketKey(bucketOf(dropped)), id: dropped, mark: -(Math.floor(Date.now() / 1000) + 5) },
        ],
      },
    );
    await options.close();
    // The believable removal is applied (so the change was read), the far-future one is not.
    await card(dropped).waitFor({ state: 'detached' });
    expect(await savedIds()).toContain(kept);
    expect(await card(kept).getByRole('button', { name: 'Saved' }).getAttribute('aria-pressed')).toBe('true');
    // Still saved after the panel reads everything again.
    await panel.reload();
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await card(kept).waitFor();
    expect(await card(dropped).count()).toBe(0);
  });

  it('a malformed request from its own page is refused and nothing is written; a web page cannot send one at all', async () => {
    await panel.getByRole('button', { name: 'Today', exact: true }).first().click();
    // Today's list, not the Saved view it replaces (a person waits for it too).
    const target = (await until(shownIds, (ids) => ids.length > 6))[6]!;
    const options = await openPage(extension, 'options.html');
    const [saved, count] = [await savedIds(), await storedCount()];
    const refusals = [
      { type: 'setSaved', id: target, saved: 'yes' },
      { type: 'setSaved', id: '../../etc', saved: true },
      { type: 'markRead', ids: [target, { $gt: '' }], read: true },
      { type: 'importData', papers: [{ id: '2611.99999', title: 'Half a paper' }], savedIds: [] },
      { type: 'importData', papers: [], savedIds: [{ id: '2611.99998', savedAt: 'now' }] },
      { type: 'fetchView', key: 'day:../../admin' },
      { type: 'dropDatabase' },
    ];
    for (const request of refusals) {
      const answer = await sendFrom(options, request);
      expect(answer, JSON.stringify(request)).toMatchObject({ paperboy: 'error', message: expect.stringContaining('Refused a malformed request') });
    }
    expect(await savedIds()).toEqual(saved);
    expect(await storedCount()).toBe(count);
    await card(target).getByRole('button', { name: 'Mark read' }).waitFor();
    // The same requests, well formed, are acted on.
    expect(await sendFrom(options, { type: 'setSaved', id: target, saved: true })).toEqual({ changed: true });
    await card(target).getByRole('button', { name: 'Saved' }).waitFor();
    await options.close();

    // A web page (the fake source's own origin here) gets no runtime to message the extension:
    // no externally_connectable, no content script.
    const web = await extension.context.newPage();
    await web.goto(`${fake.url}/api/daily_papers?date=${TODAY}`);
    expect(await web.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe(
      'undefined',
    );
    await web.close();
  });

  it('shows a Code address on another host as text naming that host, and never links a URL with a user name', async () => {
    await panel.getByRole('button', { name: 'Today', exact: true }).first().click();
    const hostile = card(todayIds[0]!);
    await hostile.getByRole('link', { name: 'Hostile links paper' }).waitFor();
    await hostile.getByText('Code: github.com.evil.example (not linked)').waitFor();
    expect(await hostile.getByRole('link', { name: /Code|Project page/ }).count()).toBe(0);
    const hosts = await hostile.getByRole('link').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).host));
    expect(new Set(hosts)).toEqual(new Set(['huggingface.co', 'arxiv.org', 'www.alphaxiv.org']));
    // An honest paper keeps both links.
    const honest = card(todayIds[1]!);
    expect(await honest.getByRole('link', { name: /^Code/ }).getAttribute('href')).toBe('https://github.com/acme/model');
    expect(await honest.getByRole('link', { name: 'Project page' }).getAttribute('href')).toBe('https://acme.example/model');
    expect(await axeViolations(panel)).toEqual([]);
  });
});
