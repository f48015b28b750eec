import { formatAge, formatTime, t, tn } from './i18n-background';
import type { SyncState } from './sync-state';

export interface BadgeInput {
  unseen: number;
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
 * Badge text, colour and tooltip from state, decided together: a count of new papers the
 * user has not looked at, or a distinct mark when the source cannot be reached, rate-limits,
 * or fails, with a tooltip that says what happened and how old the shown papers are.
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
  return {
    text: countText(unseen),
    color: BADGE_COLORS.count,
    title: `${t('appName')}: ${unseen > 0 ? tn('badgeNew', unseen) : t('badgeNoNew')}. ${dataAge(input)}`,
  };
}
