import type { ComponentChildren } from 'preact';
import { formatTime, t } from '@/lib/i18n/ui';
import type { RefreshState } from './refresh-state';

interface HeaderProps {
  title: string;
  lastSuccess?: number;
  refresher: RefreshState;
  children?: ComponentChildren;
}

/** Title, when the papers were last updated, and a Refresh button that shows its progress and result. */
export function Header({ title, lastSuccess, refresher, children }: HeaderProps) {
  const busy = refresher.syncing.value;
  return (
    <header class="app-header">
      <div class="app-title">
        <h1>{title}</h1>
        <p class="synced">{lastSuccess ? t('lastSynced', { time: formatTime(lastSuccess) }) : t('neverSynced')}</p>
      </div>
      <div class="header-actions">
        {children}
        <button type="button" class="button" onClick={() => void refresher.refresh()} disabled={busy} aria-busy={busy}>
          {busy ? t('refreshing') : t('refresh')}
        </button>
      </div>
      <p class="refresh-result" role="status" aria-live="polite">
        {busy ? '' : refresher.refreshMessage.value}
      </p>
    </header>
  );
}
