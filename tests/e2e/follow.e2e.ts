// Saved papers follow the user (storage.sync), export and import, and the keyboard command,
// in real Chromium against the local fake source.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketKey, bucketOf } from '../../lib/saved/merge';
import { launchExtension } from '../support/browser.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';
import { loadFixtureDays, pastWeekday, startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';
import { countStoredPapers, storedSavedIds } from '../support/idb-probe';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

/** A day the sync never fetches: its papers are stored only if something asks for them. */
const PAST_DAY = pastWeekday();

let extension: Extension;
let fake: Fake;
let panel: Page;

beforeAll(async () => {
  fake = await startFakeHf({ days: { ...loadFixtureDays(), [PAST_DAY]: makeDay(PAST_DAY, 3, { seed: 21 }) } });
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
const syncedBuckets = () => extension.worker().evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, Record<string, number>>>;
const readDownload = async (download: Download) => readFileSync((await download.path())!, 'utf8');

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

describe('follow the user, export and import, in Chromium', () => {
  it('both manifests carry the reader command, and Chrome lists it with its shortcut', async () => {
    const manifest = (target: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../.output/${target}/manifest.json`), 'utf8'));
    expect(manifest('chrome-mv3').commands).toEqual({
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandOpenPanel__' },
    });
    expect(manifest('firefox-mv2').commands).toEqual({
      _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandToggleSidebar__' },
    });
    // What chrome://extensions/shortcuts shows.
    const commands = await extension.worker().evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual({ name: 'open-side-panel', shortcut: 'Alt+Shift+D', description: 'Open the Paperboy side panel' });
    // The options page tells the user which key it is.
    const options = await openPage(extension, 'options.html');
    await options.getByText('Keyboard: Alt+Shift+D opens the reader.', { exact: false }).waitFor();
    await options.close();
  });

  it('saved papers export to JSON and BibTeX from the options page and import back with nothing lost or duplicated', async () => {
    const ids = (await panel.getByRole('article').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-paper-id')!))).slice(0, 3);
    for (const id of ids) {
      await card(id).getByRole('button', { name: 'Save' }).click();
      await card(id).getByRole('button', { name: 'Saved' }).waitFor();
    }
    expect(await savedIds()).toEqual([...ids].sort());
    // Each save follows the user: it is in storage.sync, in the id's bucket.
    const buckets = await until(syncedBuckets, (value) => ids.every((id) => (value[bucketKey(bucketOf(id))]?.[id] ?? 0) > 0));
    expect(Object.keys(buckets).filter((key) => key.startsWith('savedIds')).length).toBeGreaterThan(0);

    const options = await openPage(extension, 'options.html');
    const exportGroup = options.getByRole('group', { name: 'Export saved papers' });
    const [jsonDownload] = await Promise.all([options.waitForEvent('download'), exportGroup.getByRole('button', { name: 'JSON' }).click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^paperboy-saved-\d{4}-\d{2}-\d{2}\.json$/);
    const json = await readDownload(jsonDownload);
    const exported = JSON.parse(json) as { format: string; papers: { id: string; savedAt?: number }[] };
    expect(exported.format).toBe('paperboy-papers');
    expect(exported.papers.map((paper) => paper.id).sort()).toEqual([...ids].sort());
    expect(exported.papers.every((paper) => typeof paper.savedAt === 'number')).toBe(true);

    const [bibDownload] = await Promise.all([options.waitForEvent('download'), exportGroup.getByRole('button', { name: 'BibTeX' }).click()]);
    const bib = await readDownload(bibDownload);
    expect(bib.match(/^@misc\{/gm)).toHaveLength(3);
    for (const id of ids) expect(bib).toContain(`  eprint = {${id}},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/${id}},\n`);

    // Change the state: two papers unsaved (tombstones go to storage.sync too).
    for (const id of ids.slice(0, 2)) {
      await card(id).getByRole('button', { name: 'Saved' }).click();
      await card(id).getByRole('button', { name: 'Save' }).waitFor();
    }
    expect(await savedIds()).toEqual([ids[2]]);
    const papersBefore = await storedCount();

    // A malformed file is refused and changes nothing.
    await options.getByLabel('Import a Paperboy JSON export').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"paperboy-papers","version":1,"papers":[{"id":"x"}]}'),
    });
    await options.getByText(/That file is not a Paperboy export this version can read \(papers\.0\.id: not an arXiv id\)\. Nothing was imported\./).waitFor();
    expect(await savedIds()).toEqual([ids[2]]);

    await options.getByLabel('Import a Paperboy JSON export').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await options.getByText('Imported: 0 new papers, 2 newly saved, 0 newly read.').waitFor();
    expect(await savedIds()).toEqual([...ids].sort());
    expect(await storedCount()).toBe(papersBefore); // nothing duplicated
    // The side panel follows without a reload, and the saves are published again.
    for (const id of ids) await card(id).getByRole('button', { name: 'Saved' }).waitFor();
    await until(syncedBuckets, (value) => ids.every((id) => (value[bucketKey(bucketOf(id))]?.[id] ?? 0) > 0));
    await options.close();
  });

  it('exports the view shown in the side panel', async () => {
    await panel.getByRole('button', { name: 'Saved', exact: true }).first().click();
    await until(
      () => panel.getByRole('article').count(),
      (count) => count === 3,
    );
    await panel.getByText('Export', { exact: true }).click();
    expect(await axeViolations(panel)).toEqual([]);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('group', { name: 'Export the papers shown' }).getByRole('button', { name: 'BibTeX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^paperboy-saved-.*\.bib$/);
    expect((await readDownload(download)).match(/^@misc\{/gm)).toHaveLength(3);
    await panel.getByText('Export', { exact: true }).click(); // closed again
    await panel.getByRole('group', { name: 'Export the papers shown' }).waitFor({ state: 'detached' });
  });

  it('a save written to chrome.storage.sync by another device appears in the Saved view, fetched when not stored here', async () => {
    const before = await savedIds();
    const remote = (fake.state.days[PAST_DAY] as { paper: { id: string; title: string } }[])[0]!.paper;
    expect(
      await extension.worker().evaluate(
        async (id) =>
          (await new Promise<unknown>((done) => {
            const open = indexedDB.open('paperboy');
            open.onsuccess = () => {
              const get = open.result.transaction('papers').objectStore('papers').get(id);
              get.onsuccess = () => done(get.result);
            };
          })) ?? null,
        remote.id,
      ),
    ).toBeNull();

    // As another device would: merge our id into the bucket and write it.
    const key = bucketKey(bucketOf(remote.id));
    await extension.worker().evaluate(
      async ({ key, id }) => {
        const current = ((await chrome.storage.sync.get(key))[key] ?? {}) as Record<string, number>;
        await chrome.storage.sync.set({ [key]: { ...current, [id]: Math.floor(Date.now() / 1000) } });
      },
      { key, id: remote.id },
    );
    await until(savedIds, (ids) => ids.includes(remote.id));
    expect(await savedIds()).toEqual([...before, remote.id].sort());
    // The Saved view shows it with the details fetched from the source, without a reload.
    await card(remote.id)
      .getByRole('link', { name: remote.title.replace(/\s+/g, ' ').trim() })
      .waitFor();
    expect(fake.state.requests.some((request) => request.path === `/api/papers/${remote.id}`)).toBe(true);

    // And an unsave from the other device (a tombstone) removes it here.
    await extension.worker().evaluate(
      async ({ key, id }) => {
        const current = ((await chrome.storage.sync.get(key))[key] ?? {}) as Record<string, number>;
        await chrome.storage.sync.set({ [key]: { ...current, [id]: -(Math.floor(Date.now() / 1000) + 5) } });
      },
      { key, id: remote.id },
    );
    await until(savedIds, (ids) => !ids.includes(remote.id));
    await card(remote.id).waitFor({ state: 'detached' });
  });
});
