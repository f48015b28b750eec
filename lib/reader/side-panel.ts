import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** The window the popup belongs to, looked up early: opening the panel must not wait on it. */
export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined; // Without a window (Firefox's sidebar API needs none) the panel still opens.
  }
}

/**
 * Opens the reader: Chrome's side panel or Firefox's sidebar. Both only open from a user
 * gesture, so this must run synchronously inside the click handler (no await before it).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebarAction };
  const chromeApi = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidePanel = chromeApi ?? api.sidePanel;
  if (sidePanel && windowId !== undefined) return sidePanel.open({ windowId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel'));
}

/**
 * Chrome's keyboard command for the reader. Chrome has no reserved command that opens a side
 * panel, so this named one is handled by the background; Firefox's build uses the reserved
 * `_execute_sidebar_action`, which the browser handles itself.
 */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
