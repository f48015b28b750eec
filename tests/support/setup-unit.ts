import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbConnection } from '@/lib/store/connection';

// Every test starts with an empty browser and an empty database.
beforeEach(() => {
  fakeBrowser.reset();
  resetDbConnection();
  globalThis.indexedDB = new IDBFactory();
  // The fake browser has no permissions.onAdded (the background listens to it for notifications).
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
});

// The fake browser has no commands API (every call throws "not implemented"); the background
// listens for its keyboard command, so give the fake a working onCommand event.
type CommandListener = (command: string, tab?: { windowId?: number }) => unknown;
const commandListeners = new Set<CommandListener>();
Object.assign(fakeBrowser.commands, {
  onCommand: {
    addListener: (listener: CommandListener) => void commandListeners.add(listener),
    removeListener: (listener: CommandListener) => void commandListeners.delete(listener),
    hasListener: (listener: CommandListener) => commandListeners.has(listener),
    trigger: (command: string, tab?: { windowId?: number }) => Promise.all([...commandListeners].map((listener) => listener(command, tab))),
  },
});
beforeEach(() => commandListeners.clear());

// The fake browser delivers runtime messages with an empty sender; a real browser names the
// page that sent them, and the background answers only this extension's own pages.
type MessageEvent = { hasListeners(): boolean; trigger(message: unknown, sender: unknown): Promise<unknown[]> };
Object.assign(fakeBrowser.runtime, {
  async sendMessage(message: unknown) {
    const onMessage = fakeBrowser.runtime.onMessage as unknown as MessageEvent;
    if (!onMessage.hasListeners()) throw new Error('No listeners available');
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    return (await onMessage.trigger(message, sender)).find((response) => !!response);
  },
});

// Preact runs effects, and the cleanups of the effects they replace, on a timer up to 100 ms after
// a render: let those run while the file's jsdom still has a `document` (one ran after it once).
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
