// Clock times and ages, written the same way by the background (badge tooltip) and the pages:
// over the few strings they share (lib/i18n/locales/shared.ts), so neither carries the other's.
import { formatDate } from '../core/intl';
import { currentLocale } from '../core/locale';
import { sharedMessages, type SharedKey } from './locales/shared';
import { createTranslator } from './locales/translator';

const { t } = createTranslator<SharedKey>(sharedMessages);

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_CLOCK: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const YEAR_DAY_CLOCK: Intl.DateTimeFormatOptions = { ...DAY_CLOCK, year: 'numeric' };
const LOCAL_DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** Clock time in the chosen locale, e.g. "10:32". */
export function formatTime(time: number): string {
  return formatDate(currentLocale().tag, CLOCK, time);
}

/** Clock time, with its date when not on the local day of `now` (and its year when not in that year): "10:32", "8 Dec, 10:32". */
export function formatWhen(time: number, now: number): string {
  const [day, today] = [formatDate('en-CA', LOCAL_DAY, time), formatDate('en-CA', LOCAL_DAY, now)];
  if (day === today) return formatTime(time);
  return formatDate(currentLocale().tag, day.slice(0, 4) === today.slice(0, 4) ? DAY_CLOCK : YEAR_DAY_CLOCK, time);
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
