// Reopening the side panel on the Month view: its first script reads the month's head and first
// cards (lib/boot/first-screen.ts) while the page loads; the whole month follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension } from '../support/browser.mjs';
import { openPage, useSource } from '../support/e2e';
import { startFakeHf } from '../support/fake-hf.mjs';
import { makeDay } from '../support/generate-papers.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

// Two days early in the current month (UTC), as the panel's Month view shows this month.
const month = new Date().toISOString().slice(0, 7);
const DAYS = [`${month}-01`, `${month}-02`];
const entries = [...makeDay(DAYS[0]!, 8, { seed: 21 }), ...makeDay(DAYS[1]!, 6, { seed: 22 })];

let extension: Extension;
let fake: Fake;

beforeAll(async () => {
  fake = await startFakeHf({ days: { [DAYS[0]!]: entries.slice(0, 8), [DAYS[1]!]: entries.slice(8) } });
  extension = await launchExtension();
  await useSource(extension, fake.url);
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

describe('the side panel reopened on the Month view', () => {
  it('shows the month, most upvoted first, from its first paint to the whole list', async () => {
    const first = await openPage(extension, 'sidepanel.html');
    await first.getByRole('button', { name: 'Month' }).click();
    await expect.poll(() => first.getByRole('article').count()).toBe(14);
    await first.close();

    const mostUpvoted = [...entries].sort((a, b) => b.paper.upvotes - a.paper.upvotes || a.paper.id.localeCompare(b.paper.id))[0]!;
    const panel = await openPage(extension, 'sidepanel.html');
    await panel.getByRole('article').first().waitFor();
    expect(await panel.getByRole('button', { name: 'Month' }).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.getByRole('article').first().getByRole('heading').textContent()).toContain(mostUpvoted.paper.title.replace(/\s+/g, ' ').trim());
    await expect.poll(() => panel.getByRole('article').count()).toBe(14);
  });
});
