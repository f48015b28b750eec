// What the background translates with: its own strings only (lib/locales/background.ts), so that
// its bundle does not carry the pages' catalogues. Pages use lib/i18n.ts, which includes these.
import { dateTimeFormat } from './intl';
import { currentLocale } from './locale';
import { backgroundMessages, type BackgroundKey } from './locales/background';
import { createTranslator } from './locales/translator';

export type { BackgroundKey };
export const { t, tn } = createTranslator<BackgroundKey>(backgroundMessages);

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
