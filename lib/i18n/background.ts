// What the background translates with: its own strings only (lib/i18n/locales/background.ts), so that
// its bundle does not carry the pages' catalogues. Pages use lib/i18n/ui.ts and its parts.
import { backgroundMessages, type BackgroundKey } from './locales/background';
import { createTranslator } from './locales/translator';

export { formatAge, formatTime, formatWhen } from './shared';
export type { BackgroundKey };
export const { t, tn } = createTranslator<BackgroundKey>(backgroundMessages);
