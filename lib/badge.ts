import { formatAge, formatTime, t, tn } from './i18n';
import type { SyncState } from './sync-state';

/** What the count counts: papers new since the last look, unread papers of today's list, or nothing. */
export type BadgeMode = 'new' | 'unread' | 'off';
export const BADGE_MODES: readonly BadgeMode[] = ['new', 'unread', 'off'];

export interface BadgeInput {
  unseen: number;
  /** Default 'new'. */
  mode?: BadgeMode;
  /** Unread papers in today's list (the latest listing day), for the 'unread' mode. */
  unreadToday?: number;
  /** Unseen papers that match the watchlist: the badge takes the watchlist colour. */
  watchUnseen?: number;
  sync: SyncState;
  now: number;
  hasPapers: boolean;
}

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  count: '#1f6feb',
  watch: '#8e24aa',
  offline: '#6b7280',
  rateLimited: '#b45309',
  error: '#c62828',
} as const;

function countText(unseen: number): string {
  if (unseen <= 0) return '';
  return unseen > 99 ? '99+' : String(unseen);
}

function dataAge(input: BadgeInput): string {
  const { lastSuccessAt } = input.sync;
  if (!input.hasPapers || lastSuccessAt === undefined) return t('badgeNoData');
  return t('badgeDataAge', { age: `${formatAge(input.now - lastSuccessAt)} (${formatTime(lastSuccessAt)})` });
}

/**
 * Badge text, colour and tooltip from state, decided together: a count (of new papers the
 * user has not looked at, or of today's unread ones, as the mode says), in the watchlist
 * colour while a watchlist match is unseen, or a distinct mark when the source cannot be
 * reached, rate-limits, or fails, with a tooltip that says what happened and how old the
 * shown papers are. Failures show in every mode, "off" too: off silences the count, and a
 * badge that stayed blank while papers silently stopped arriving would be worse than none.
 */
export function badgeFor(input: BadgeInput): BadgeView {
  const { sync, unseen } = input;
  const error = sync.error;
  const unseenNote = unseen > 0 ? ` ${tn('badgeUnseenBehind', unseen)}` : '';
  if (error?.kind === 'offline') {
    return {
      text: 'off',
      color: BADGE_COLORS.offline,
      title: `${t('appName')}: ${t('badgeOffline', { time: formatTime(sync.failingSince ?? error.at) })} ${dataAge(input)}${unseenNote}`,
    };
  }
  if (error?.kind === 'rate-limited') {
    return {
      text: 'wait',
      color: BADGE_COLORS.rateLimited,
      title: `${t('appName')}: ${t('badgeRateLimited', { time: formatTime(error.retryAt ?? sync.notBefore ?? error.at) })} ${dataAge(input)}${unseenNote}`,
    };
  }
  if (error) {
    return {
      text: '!',
      color: BADGE_COLORS.error,
      title: `${t('appName')}: ${t('badgeError', { time: formatTime(error.at), reason: error.message })} ${dataAge(input)}${unseenNote}`,
    };
  }
  if (sync.lastAttemptAt === undefined) {
    return { text: '', color: BADGE_COLORS.count, title: t('badgeFirstSync') };
  }
  const mode = input.mode ?? 'new';
  if (mode === 'off') {
    return { text: '', color: BADGE_COLORS.count, title: `${t('appName')}: ${t('badgeOffMode')} ${dataAge(input)}` };
  }
  const watched = input.watchUnseen ?? 0;
  const watchNote = watched > 0 ? ` ${tn('badgeWatchUnseen', watched)}` : '';
  const color = watched > 0 ? BADGE_COLORS.watch : BADGE_COLORS.count;
  if (mode === 'unread') {
    const unread = input.unreadToday ?? 0;
    return {
      // A watchlist match from another day still needs a mark to carry its colour.
      text: countText(unread) || (watched > 0 ? '•' : ''),
      color,
      title: `${t('appName')}: ${unread > 0 ? tn('badgeUnreadToday', unread) : t('badgeNoUnreadToday')}.${watchNote} ${dataAge(input)}`,
    };
  }
  return {
    text: countText(unseen),
    color,
    title: `${t('appName')}: ${unseen > 0 ? tn('badgeNew', unseen) : t('badgeNoNew')}.${watchNote} ${dataAge(input)}`,
  };
}
