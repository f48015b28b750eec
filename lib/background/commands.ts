import { openSidePanel } from '../reader/side-panel';

/**
 * Chrome's keyboard command for the reader. Chrome has no reserved command that opens a side
 * panel, so this named one is handled by the background; Firefox's build uses the reserved
 * `_execute_sidebar_action`, which the browser handles itself.
 */
export const OPEN_PANEL_COMMAND = 'open-side-panel';

/**
 * A keyboard command counts as a user gesture, which `sidePanel.open` needs: it is called
 * at once, with the window of the tab the command came from.
 */
export function handleCommand(command: string, tab: { windowId?: number } | undefined): Promise<void> | undefined {
  if (command !== OPEN_PANEL_COMMAND) return undefined;
  return openSidePanel(tab?.windowId).catch(() => undefined);
}
