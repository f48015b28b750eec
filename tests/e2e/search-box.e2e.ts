// The search box and the list never disagree: whatever empties the field (Escape, its clear
// button, select-all and delete, a value put in by the browser) shows the whole list again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { openPage, useSource } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import { applyOverrides, makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const TODAY = new Date().toISOString().slice(0, 10);
const COUNT = 30;
const MATCHES = 10;
/** In no generated paper: only the retitled ones match. */
const WORD = 'quokka';
const entries = makeDay(TODAY, COUNT, { seed: 51 });
for (const entry of entries.slice(0, MATCHES)) applyOverrides(entry, { title: `Quokka ${entry.paper.title}` });

let extension: Extension;
let fake: Fake;
let panel: Page;

beforeAll(async () => {
  fake = await startFakeHf({ days: { [TODAY]: entries } });
  extension = await launchExtension();
  await useSource(extension, fake.url);
  panel = await openPage(extension, 'sidepanel.html');
  await panel.getByRole('article').first().waitFor();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const field = () => panel.getByLabel('Search papers');
const listBar = () => panel.locator('.list-bar');
const cards = () => panel.getByRole('article');
const marks = () => panel.locator('article mark');

/** Types the word as a person does and waits for the filtered list. */
async function search(): Promise<void> {
  await field().click();
  await panel.keyboard.type(WORD);
  await listBar().getByText(`${MATCHES} of ${COUNT} shown`).waitFor();
  expect(await cards().count()).toBe(MATCHES);
  expect(await marks().count()).toBeGreaterThanOrEqual(MATCHES);
}

/** The field is empty and the list is whole again, with no highlights, and stays so after a click elsewhere. */
async function expectWholeList(): Promise<void> {
  for (const settle of [async () => undefined, () => panel.getByRole('heading', { level: 2 }).first().click()]) {
    await settle();
    expect(await field().inputValue()).toBe('');
    await expect.poll(() => listBar().textContent()).toMatch(new RegExp(`^${COUNT} unread`));
    expect(await listBar().textContent()).not.toMatch(/shown/);
    // Papers that do not match are back (the list renders a page at first).
    await expect.poll(() => cards().count()).toBeGreaterThan(MATCHES);
    expect(await marks().count()).toBe(0);
  }
}

describe('the side panel search box', () => {
  beforeEach(async () => {
    // Each case starts from a freshly opened panel: the whole list, an empty field.
    await panel.reload();
    await listBar()
      .getByText(new RegExp(`^${COUNT} unread`))
      .waitFor();
  });

  it('Escape empties the field and the filter', async () => {
    await search();
    await panel.keyboard.press('Escape');
    await expectWholeList();
  });

  it('its clear button empties the field and the filter', async () => {
    await search();
    // The × Chromium draws inside the right end of a search field with text.
    const box = (await field().boundingBox())!;
    await field().hover();
    await panel.mouse.click(box.x + box.width - 18, box.y + box.height / 2);
    await expectWholeList();
  });

  it('select-all and Delete empty the field and the filter', async () => {
    await search();
    await panel.keyboard.press('ControlOrMeta+a');
    await panel.keyboard.press('Delete');
    await expectWholeList();
  });

  it('a value the browser puts in (autofill: no keys, a change event) empties the filter too', async () => {
    await search();
    await field().evaluate((input: HTMLInputElement) => {
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expectWholeList();
  });

  it('a value the browser puts in with an input event searches it', async () => {
    await field().evaluate((input: HTMLInputElement, word: string) => {
      input.value = word;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, WORD);
    await listBar().getByText(`${MATCHES} of ${COUNT} shown`).waitFor();
    await field().fill('');
    await expectWholeList();
  });
});
