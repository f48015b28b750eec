import { OPEN_PANEL_COMMAND, openSidePanel } from '../reader/side-panel';

/**
 * A keyboard command counts as a user gesture, which `sidePanel.open` needs: it is called
 * at once, with the window of the tab the command came from.
 */
export function handleCommand(command: string, tab: { windowId?: number } | undefined): Promise<void> | undefined {
  if (command !== OPEN_PANEL_COMMAND) return undefined;
  return openSidePanel(tab?.windowId).catch(() => undefined);
}
