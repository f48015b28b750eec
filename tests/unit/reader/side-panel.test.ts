import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel } from '@/lib/reader/side-panel';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openSidePanel', () => {
  it("opens Chrome's side panel for the popup's window, synchronously inside the click", () => {
    const open = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    void openSidePanel(7);
    // Called before any await: Chrome only honours it within the user gesture.
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it("opens Firefox's sidebar", () => {
    const open = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', {});
    (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction = { open };
    try {
      void openSidePanel(undefined);
      expect(open).toHaveBeenCalledOnce();
    } finally {
      delete (fakeBrowser as unknown as { sidebarAction?: unknown }).sidebarAction;
    }
  });

  it('fails clearly where there is no side panel', async () => {
    vi.stubGlobal('chrome', {});
    await expect(openSidePanel(1)).rejects.toThrow(/no side panel/);
  });
});
