// A sync outcome the database could not take (storage full): the background keeps it in the
// session's memory (`storage.session`, not IndexedDB's quota, gone when the browser closes) so
// that a page opened meanwhile says what is wrong instead of the last stored success.
import { browser } from 'wxt/browser';
import { EMPTY_SYNC_STATE, newerState } from './state';
import type { SyncState } from '../store/records';
import { UNSAVED_SYNC_STATE_KEY } from '../settings/keys';

export async function publishUnsavedState(state: SyncState | undefined): Promise<void> {
  try {
    if (state) await browser.storage.session.set({ [UNSAVED_SYNC_STATE_KEY]: state });
    else await browser.storage.session.remove(UNSAVED_SYNC_STATE_KEY);
  } catch {
    // Best effort: the badge already says it, from the background's memory.
  }
}

/** What the background could not store, if anything; never rejects. */
export function readUnsavedState(): Promise<SyncState | undefined> {
  // Never in the way of the page: no session storage (an old browser) reads as nothing unsaved.
  return (async () => (await browser.storage.session.get(UNSAVED_SYNC_STATE_KEY))[UNSAVED_SYNC_STATE_KEY] as SyncState | undefined)().catch(() => undefined);
}

/**
 * The sync state a page should show: the stored one, or a later one that could not be stored.
 * Not inside an IndexedDB transaction that has more to read: awaiting this would end it.
 */
export async function pageSyncState(stored: Promise<SyncState | undefined>, unsaved = readUnsavedState()): Promise<SyncState> {
  const [saved, pending] = await Promise.all([stored, unsaved]);
  const state = saved ?? EMPTY_SYNC_STATE;
  return pending ? newerState(state, pending) : state;
}
