// Clock times and ages, written the same way by the background (badge tooltip) and the pages:
// over the few strings they share (lib/locales/shared.ts), so neither carries the other's.
import { dateTimeFormat } from './intl';
import { currentLocale } from './locale';
import { sharedMessages, type SharedKey } from './locales/shared';
import { createTranslator } from './locales/translator';

const { t } = createTranslator<SharedKey>(sharedMessages);

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** Clock time in the chosen locale, e.g. "10:32". */
export function formatTime(time: number): string {
  return dateTimeFormat(currentLocale().tag, CLOCK).format(time);
}

/** How long ago, coarsely: "just now", "12 min ago", "3 h ago", "2 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('ageJustNow');
  if (minutes < 60) return t('ageMinutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('ageHours', { n: hours });
  return t('ageDays', { n: Math.floor(hours / 24) });
}
