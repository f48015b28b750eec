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
  return t('badgeDataAge', { age: t('badgeAgeAt', { age: formatAge(input.now - lastSuccessAt), time: formatTime(lastSuccessAt) }) });
}

/** "Paperboy: what happened. How old the papers are. [How many not seen.]", punctuated per language. */
function tooltip(status: string, input: BadgeInput): string {
  const params = { app: t('appName'), status, data: dataAge(input) };
  return input.unseen > 0 ? t('badgeTitleUnseen', { ...params, unseen: tn('badgeUnseenBehind', input.unseen) }) : t('badgeTitle', params);
}

/**
 * Badge text, colour and tooltip from state, decided together: a count of new papers the
 * user has not looked at, or a distinct mark when the source cannot be reached, rate-limits,
 * or fails, with a tooltip that says what happened and how old the shown papers are.
 */
export function badgeFor(input: BadgeInput): BadgeView {
  const { sync, unseen } = input;
  const error = sync.error;
  if (error?.kind === 'offline') {
    return {
      text: 'off',
      color: BADGE_COLORS.offline,
      title: tooltip(t('badgeOffline', { time: formatTime(sync.failingSince ?? error.at) }), input),
    };
  }
  if (error?.kind === 'rate-limited') {
    return {
      text: 'wait',
      color: BADGE_COLORS.rateLimited,
      title: tooltip(t('badgeRateLimited', { time: formatTime(error.retryAt ?? sync.notBefore ?? error.at) }), input),
    };
  }
  if (error) {
    return {
      text: '!',
      color: BADGE_COLORS.error,
      title: tooltip(t('badgeError', { time: formatTime(error.at), reason: error.message }), input),
    };
  }
  if (sync.lastAttemptAt === undefined) {
    return { text: '', color: BADGE_COLORS.count, title: t('badgeFirstSync') };
  }
  return {
    text: countText(unseen),
    color: BADGE_COLORS.count,
    // The count is the status here: no "not yet seen" sentence after it.
    title: t('badgeTitle', { app: t('appName'), status: unseen > 0 ? tn('badgeNew', unseen) : t('badgeNoNew'), data: dataAge(input) }),
  };
}
