import { batch, signal } from '@preact/signals';
import type { PaperboyDb } from '@/lib/db';
import { t, tn } from '@/lib/i18n';
import { onBroadcast, sendRequest } from '@/lib/messages';
import { loadHome, type HomeData } from '@/lib/queries';
import type { SyncOutcome } from '@/lib/sync';

export type ListTab = 'trending' | 'today';

export interface ReaderDeps {
  db: () => Promise<PaperboyDb>;
  send?: typeof sendRequest;
  subscribe?: typeof onBroadcast;
  now?: () => number;
}

export function describeOutcome(outcome: SyncOutcome): string {
  const { state } = outcome;
  if (!outcome.ran) return t('refreshSkipped');
  if (state.error) return t('refreshFailed', { reason: state.error.message });
  const added = state.last?.newPapers ?? 0;
  return added > 0 ? tn('refreshResultNew', added) : t('refreshResultNone');
}

/**
 * The popup's and side panel's state, as signals: what IndexedDB holds, which papers were
 * new when this page opened (their NEW marks stay while it is open), and the refresh progress.
 */
export function createReaderState(deps: ReaderDeps) {
  const send = deps.send ?? sendRequest;
  const subscribe = deps.subscribe ?? onBroadcast;
  const now = deps.now ?? Date.now;

  const home = signal<HomeData | undefined>(undefined);
  const newIds = signal<ReadonlySet<string>>(new Set());
  const syncing = signal(false);
  const refreshMessage = signal('');
  const tab = signal<ListTab>('trending');
  const loadError = signal('');

  async function load(): Promise<void> {
    try {
      const data = await loadHome(await deps.db(), now());
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
    if (ids.length > 0) await send({ type: 'markSeen', ids });
  }

  async function refresh(): Promise<void> {
    syncing.value = true;
    refreshMessage.value = '';
    try {
      refreshMessage.value = describeOutcome(await send({ type: 'refresh' }));
    } catch (error) {
      refreshMessage.value = t('refreshFailed', { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      syncing.value = false;
    }
    await load();
  }

  /** Follows the background: shows progress and reloads when a sync or a mark-seen lands. */
  function follow(): () => void {
    return subscribe((notice) => {
      if (notice.type === 'syncStarted') syncing.value = true;
      if (notice.type === 'syncFinished') syncing.value = false;
      if (notice.type !== 'syncStarted') void load();
    });
  }

  return { home, newIds, syncing, refreshMessage, tab, loadError, load, markShownSeen, refresh, follow };
}

function unseenShown(data: HomeData): Set<string> {
  const all = [...data.trending, ...data.latest.papers, ...data.earlierUnseen];
  return new Set(all.filter((paper) => paper.unseen === 1).map((paper) => paper.id));
}

export type ReaderState = ReturnType<typeof createReaderState>;
