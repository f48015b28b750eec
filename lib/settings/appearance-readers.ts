// Language and Theme as every page reads and follows them as it opens (components/shared/appearance.ts,
// lib/i18n/language.ts): readers only, so a page carries no writer's code; the options page writes
// them through their items (lib/settings/items.ts).
import { storedReader } from './stored-item';
import { LANGUAGE, THEME } from './keys';

export const languageReader = storedReader(LANGUAGE);
export const themeReader = storedReader(THEME);
