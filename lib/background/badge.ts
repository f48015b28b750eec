import type { BadgeMode } from '../settings/defaults';
import { formatAge, formatTime, formatWhen } from '../i18n/shared';
import { t, tn } from '../i18n/background';
import type { SyncState } from '../store/records';

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
  /** The source's origin, when Paperboy lacks the permission to read it (a mirror chosen on another device). */
  accessNeeded?: string;
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
  accessNeeded: '#b45309',
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
  // Nothing is fetched until access is granted: what went wrong before does not matter now.
  if (input.accessNeeded) {
    return { text: '!', color: BADGE_COLORS.accessNeeded, title: tooltip(t('badgeAccessNeeded', { origin: input.accessNeeded }), input) };
  }
  if (error?.kind === 'offline') {
    return {
      text: 'off',
      color: BADGE_COLORS.offline,
      title: tooltip(t('badgeOffline', { time: formatWhen(sync.failingSince ?? error.at, input.now) }), input),
    };
  }
  if (error?.kind === 'rate-limited') {
    return {
      text: 'wait',
      color: BADGE_COLORS.rateLimited,
      title: tooltip(t('badgeRateLimited', { time: formatWhen(error.retryAt ?? sync.notBefore ?? error.at, input.now) }), input),
    };
  }
  if (error) {
    return {
      text: '!',
      color: BADGE_COLORS.error,
      title: tooltip(t('badgeError', { time: formatWhen(error.at, input.now), reason: error.message }), input),
    };
  }
  if (sync.lastAttemptAt === undefined) {
    return { text: '', color: BADGE_COLORS.count, title: t('badgeFirstSync') };
  }
  const mode = input.mode ?? 'new';
  if (mode === 'off') {
    return { text: '', color: BADGE_COLORS.count, title: t('badgeTitle', { app: t('appName'), status: t('badgeOffMode'), data: dataAge(input) }) };
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
      title: t('badgeTitle', {
        app: t('appName'),
        status: `${unread > 0 ? tn('badgeUnreadToday', unread) : t('badgeNoUnreadToday')}${watchNote}`,
        data: dataAge(input),
      }),
    };
  }
  return {
    text: countText(unseen),
    color,
    // The count is the status here: no "not yet seen" sentence after it.
    title: t('badgeTitle', { app: t('appName'), status: `${unseen > 0 ? tn('badgeNew', unseen) : t('badgeNoNew')}${watchNote}`, data: dataAge(input) }),
  };
}
