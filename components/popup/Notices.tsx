import { formatDay, formatTime, formatWhen, t, tn } from '@/lib/i18n/popup';
import type { HomeData } from '@/lib/boot/home';
import type { ListTab } from './popup-state';

/**
 * What is true about the shown list, said plainly: first sync running, nothing listed today,
 * source unreachable with the stored list still shown, malformed entries skipped.
 */
export function Notices({ home, tab }: { home: HomeData; tab: ListTab }) {
  const { sync, latest } = home;
  const hasPapers = home.trending.length > 0 || latest.papers.length > 0;
  const notices: { tone: 'info' | 'warn' | 'error'; text: string }[] = [];
  const error = sync.error;
  if (!hasPapers && sync.lastAttemptAt === undefined) {
    notices.push({ tone: 'info', text: t('firstSyncRunning') });
  } else if (!hasPapers && error) {
    notices.push({ tone: 'error', text: t('firstSyncFailed', { reason: error.message }) });
  } else if (error?.kind === 'offline') {
    notices.push({ tone: 'warn', text: t('offlineNow') });
  } else if (error?.kind === 'rate-limited') {
    notices.push({ tone: 'warn', text: t('rateLimitedUntil', { time: formatWhen(error.retryAt ?? error.at, Date.now()) }) });
  } else if (error?.kind === 'storage') {
    notices.push({ tone: 'error', text: `${t('storageFailing', { time: formatTime(sync.failingSince ?? error.at) })} (${error.message})` });
  } else if (error) {
    notices.push({ tone: 'error', text: `${t('unreachableSince', { time: formatTime(sync.failingSince ?? error.at) })} (${error.message})` });
  }
  if (tab === 'today' && latest.day && !latest.isToday) {
    notices.push({ tone: 'info', text: t('nothingToday', { day: formatDay(latest.day) }) });
  }
  const pruned = sync.last?.pruned;
  if (pruned) notices.push({ tone: 'warn', text: t('prunedNotice', pruned) });
  const skipped = sync.last?.skipped ?? 0;
  if (skipped > 0) {
    notices.push({ tone: 'warn', text: tn('skippedEntries', skipped) });
  }
  const partial = sync.last?.partial ?? 0;
  if (partial > 0) notices.push({ tone: 'info', text: tn('partialEntries', partial) });
  if (notices.length === 0) return null;
  return (
    <div class="notices">
      {notices.map((notice) => (
        <p key={notice.text} class={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ))}
    </div>
  );
}
