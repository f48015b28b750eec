import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { languageReader, themeReader, settingReader } from '@/lib/boot/page-settings';
import { LANGUAGE, THEME } from '@/lib/settings/keys';
import { languageSetting, themeSetting } from '@/lib/settings/items';

// The pages read these settings without WXT storage; what the settings page and the background
// write through the storage items (lib/settings/items.ts) must read back the same.
const settings = [
  { name: 'language', spec: LANGUAGE, item: languageSetting, reader: languageReader, values: ['zh-CN', 'en'] as const },
  { name: 'theme', spec: THEME, item: themeSetting, reader: themeReader, values: ['dark', 'light'] as const },
];

describe.each(settings)('the $name setting read by a page', ({ spec, item, reader, values }) => {
  const write = (value: string) => (item as { setValue(value: string): Promise<void> }).setValue(value);

  it("is the storage item's key and fallback", () => {
    expect(item.key).toBe(spec.key);
    expect(item.fallback).toBe(spec.fallback);
  });

  it('reads the fallback when nothing is stored, and what the item wrote', async () => {
    expect(await reader.getValue()).toBe(await item.getValue());
    expect(await reader.getValue()).toBe(spec.fallback);
    await write(values[0]);
    expect(await reader.getValue()).toBe(values[0]);
    await item.removeValue();
    expect(await reader.getValue()).toBe(spec.fallback);
  });

  it('hears each change the item writes, the fallback once removed, and nothing after stopping', async () => {
    const seen = vi.fn();
    const stop = reader.watch(seen);
    await write(values[0]);
    await write(values[0]); // the same value again: no change
    await write(values[1]);
    await item.removeValue();
    await vi.waitFor(() => expect(seen.mock.calls).toEqual([[values[0]], [values[1]], [spec.fallback]]));
    stop();
    await write(values[0]);
    await new Promise((done) => setTimeout(done, 20));
    expect(seen).toHaveBeenCalledTimes(3);
  });
});

describe('settingReader', () => {
  it('reads its own key in its own area only', async () => {
    const reader = settingReader({ key: 'sync:theme', fallback: 'system', version: 1 });
    const seen = vi.fn();
    reader.watch(seen);
    await fakeBrowser.storage.local.set({ theme: 'dark' });
    await fakeBrowser.storage.sync.set({ language: 'zh-CN' });
    expect(await reader.getValue()).toBe('system');
    await fakeBrowser.storage.sync.set({ theme: 'light' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith('light'));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
