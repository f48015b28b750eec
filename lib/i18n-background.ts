// What the background translates with: its own strings only (lib/locales/background.ts), so that
// its bundle does not carry the pages' catalogues. Pages use lib/i18n.ts and its parts.
import { backgroundMessages, type BackgroundKey } from './locales/background';
import { createTranslator } from './locales/translator';

export { formatAge, formatTime, formatWhen } from './i18n-shared';
export type { BackgroundKey };
export const { t, tn } = createTranslator<BackgroundKey>(backgroundMessages);
