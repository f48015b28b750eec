import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDbConnection } from '@/lib/db';

// Every test starts with an empty browser and an empty database.
beforeEach(() => {
  fakeBrowser.reset();
  resetDbConnection();
  globalThis.indexedDB = new IDBFactory();
  // The fake browser has no permissions.onAdded (the background listens to it for notifications).
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
});
