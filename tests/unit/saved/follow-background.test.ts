// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { OPEN_PANEL_COMMAND } from '@/lib/reader/side-panel';
import { getDb } from '@/lib/store/connection';
import { makePaper } from '../../support/make-paper';
import { sendRequest } from '@/lib/protocol/messages';
import { bucketKey, bucketOf } from '@/lib/saved/merge';
import { sourceSetting } from '@/lib/settings/items';
import { startFakeHf } from '@/tests/support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
/** tests/support/setup-unit.ts gives the fake browser a command event that can be triggered. */
const commands = () => fakeBrowser.commands.onCommand as unknown as { trigger(command: string, tab?: { windowId?: number }): Promise<unknown> };
let fake: Fake;

beforeEach(async () => {
  fake = await startFakeHf();
  await sourceSetting.setValue(fake.url);
});
afterEach(async () => {
  await fake.close();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('background: follow, import, keyboard command', () => {
  it('the keyboard command opens the side panel in the window it came from', async () => {
    const open = vi.fn(async () => undefined);
    (globalThis as { chrome?: unknown }).chrome = { sidePanel: { open } };
    background.main();
    await commands().trigger(OPEN_PANEL_COMMAND, { windowId: 7 });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    await commands().trigger('something-else', { windowId: 7 });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('a saved id written to storage.sync by another device is saved here, with details from the source', async () => {
    background.main();
    const entry = Object.values(fake.state.days).flat()[0] as { paper: { id: string; title: string } };
    const id = entry.paper.id;
    await fakeBrowser.storage.sync.set({ [bucketKey(bucketOf(id))]: { [id]: Math.floor(Date.now() / 1000) } });
    await vi.waitFor(async () => {
      const paper = await (await getDb()).get('papers', id);
      expect(paper?.savedAt).toBeDefined();
      expect(paper?.upvoteHistory.length).toBeGreaterThan(0); // fetched, not a placeholder
    });
    expect(fake.state.requests.some((request) => request.path === `/api/papers/${id}`)).toBe(true);
  });

  it('answers an import request', async () => {
    background.main();
    await expect(sendRequest({ type: 'importData', papers: [{ ...makePaper('2611.00001'), savedAt: 5 }], savedIds: [] })).resolves.toEqual({
      ok: true,
      added: 1,
      saved: 1,
      read: 0,
    });
    expect((await (await getDb()).get('papers', '2611.00001'))?.savedAt).toBe(5);
  });
});
