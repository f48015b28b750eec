import { batch, signal } from '@preact/signals';
import type { PaperboyDb } from '@/lib/store/schema';
import { onBroadcast, sendRequest } from '@/lib/protocol/messages';
import { loadHome, type HomeData } from '@/lib/boot/home';
import { createRefreshState } from '../shared/refresh-state';

export type ListTab = 'trending' | 'today';

export interface PopupDeps {
  db: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  subscribe?: typeof onBroadcast;
  now?: () => number;
  /** The home read the page's first script started (lib/boot/early-read.ts): the first load uses it. */
  firstHome?: Promise<HomeData>;
}

/**
 * The popup's state, as signals: what IndexedDB holds, which papers were
 * new when this page opened (their NEW marks stay while it is open), and the refresh progress.
 */
export function createPopupState(deps: PopupDeps) {
  const send = deps.send ?? sendRequest;
  const subscribe = deps.subscribe ?? onBroadcast;
  const now = deps.now ?? Date.now;

  const home = signal<HomeData | undefined>(undefined);
  const newIds = signal<ReadonlySet<string>>(new Set());
  const tab = signal<ListTab>('trending');
  const refresher = createRefreshState(send, () => load());
  const loadError = signal('');

  let firstHome = deps.firstHome;

  async function load(): Promise<void> {
    try {
      const early = firstHome;
      firstHome = undefined;
      const data = await (early ?? loadHome(await deps.db(), now()));
      const unseen = unseenShown(data);
      batch(() => {
        newIds.value = new Set([...newIds.value, ...unseen]);
        home.value = data;
        loadError.value = '';
      });
    } catch (error) {
      loadError.value = error instanceof Error ? error.message : String(error);
    }
  }

  /** Tells the background that the user has now looked at the papers this page shows. */
  async function markShownSeen(): Promise<void> {
    const data = home.value;
    if (!data) return;
    const ids = [...unseenShown(data)];
    // If the background cannot be reached the papers simply stay new.
    if (ids.length > 0) await send({ type: 'markSeen', ids }).catch(() => undefined);
  }

  /** A paper's link was followed: it is read. */
  async function opened(id: string): Promise<void> {
    await send({ type: 'markRead', ids: [id], read: true }).catch(() => undefined);
  }

  /** Follows the background: shows progress and reloads when a sync or a mark-seen lands. */
  function follow(): () => void {
    return subscribe((notice) => {
      refresher.notice(notice);
      if (notice.type !== 'syncStarted') void load();
    });
  }

  return { home, newIds, refresher, tab, loadError, load, markShownSeen, follow, opened };
}

function unseenShown(data: HomeData): Set<string> {
  const all = [...data.trending, ...data.latest.papers, ...data.earlierUnseen];
  return new Set(all.filter((paper) => paper.unseen === 1).map((paper) => paper.id));
}

export type PopupState = ReturnType<typeof createPopupState>;
