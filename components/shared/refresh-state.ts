import { signal } from '@preact/signals';
import { t, tn } from '@/lib/i18n/ui';
import type { Broadcast, sendRequest } from '@/lib/protocol/messages';
import type { SyncOutcome } from '@/lib/sync/engine';

function describeOutcome(outcome: SyncOutcome): string {
  const { state } = outcome;
  if (!outcome.ran) return t('refreshSkipped');
  if (state.error) return t('refreshFailed', { reason: state.error.message });
  const added = state.last?.newPapers ?? 0;
  return added > 0 ? tn('refreshResultNew', added) : t('refreshResultNone');
}

/** The Refresh button's state, shared by popup and side panel: progress, then the result. */
export function createRefreshState(send: typeof sendRequest, afterRefresh: () => Promise<void>) {
  const syncing = signal(false);
  const refreshMessage = signal('');
  return {
    syncing,
    refreshMessage,
    async refresh(): Promise<void> {
      syncing.value = true;
      refreshMessage.value = '';
      try {
        refreshMessage.value = describeOutcome(await send({ type: 'refresh' }));
      } catch (error) {
        refreshMessage.value = t('refreshFailed', { reason: error instanceof Error ? error.message : String(error) });
      } finally {
        syncing.value = false;
      }
      await afterRefresh();
    },
    /** Syncs started elsewhere (the alarm, another page) show here too. */
    notice(notice: Broadcast): void {
      if (notice.type === 'syncStarted') syncing.value = true;
      if (notice.type === 'syncFinished') syncing.value = false;
    },
  };
}

export type RefreshState = ReturnType<typeof createRefreshState>;
