// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { DIGEST_ALARM } from '@/lib/alerts/service';
import { digestTimeSetting, notificationsSetting } from '@/lib/settings/items';

beforeEach(() => {
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
});

describe('background alert wiring', () => {
  it('opens the paper when its notification is clicked', async () => {
    background.main();
    await fakeBrowser.notifications.onClicked.trigger('paperboy:paper:rising:2611.04321');
    await vi.waitFor(async () => {
      const urls = (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
      expect(urls).toContain('https://huggingface.co/papers/2611.04321');
    });
  });

  it('arms the digest alarm when notifications and a digest time are set, and clears it when either goes', async () => {
    background.main();
    await notificationsSetting.setValue(true);
    await digestTimeSetting.setValue('07:00');
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
    const alarm = await fakeBrowser.alarms.get(DIGEST_ALARM);
    expect(alarm!.scheduledTime - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
    expect(new Date(alarm!.scheduledTime).getMinutes()).toBe(0);
    await notificationsSetting.setValue(false);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined());
  });
});
