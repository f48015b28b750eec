// The language the UI speaks and the locale dates and numbers are written in. `chrome.i18n`
// cannot switch language at run time, so the choice is resolved here and held in one cell that
// the translators and formatters read on every call.

/** Languages with a complete catalogue. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language named in itself, whatever language the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
/** The Language setting: the browser's UI language, or one of ours. */
export type LanguageChoice = 'browser' | Language;

export interface Locale {
  /** Which catalogue the strings come from. */
  language: Language;
  /** BCP 47 tag for `Intl`: the browser's own when it speaks that language (en-GB dates for a British browser). */
  tag: string;
}

export const DEFAULT_LOCALE: Locale = { language: 'en', tag: 'en' };

function parse(tag: string | undefined): Intl.Locale | undefined {
  if (!tag) return undefined;
  try {
    return new Intl.Locale(tag.replace(/_/g, '-'));
  } catch {
    return undefined;
  }
}

/** Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans-…) → zh-CN; other Chinese (zh-TW, zh-HK) is not ours. */
function languageOf(tag: string | undefined): Language | undefined {
  const locale = parse(tag)?.maximize();
  if (!locale) return undefined;
  if (locale.language === 'en') return 'en';
  if (locale.language === 'zh' && locale.script === 'Hans') return 'zh-CN';
  return undefined;
}

/**
 * The locale for a Language choice, given the browser's UI language (`browser.i18n.getUILanguage()`).
 * "Browser default" falls back to English, like the manifest's `default_locale`.
 */
export function resolveLocale(choice: string | undefined, uiLanguage: string | undefined): Locale {
  const ui = languageOf(uiLanguage);
  const language: Language = choice === 'en' || choice === 'zh-CN' ? choice : (ui ?? 'en');
  const tag = ui === language ? parse(uiLanguage)!.toString() : language;
  return { language, tag };
}

/** Where the current locale is kept: a plain variable, or a signal in pages so that what was translated re-renders. */
export interface LocaleCell {
  get(): Locale;
  set(locale: Locale): void;
}

function plainCell(initial: Locale): LocaleCell {
  let value = initial;
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
  };
}

let cell: LocaleCell = plainCell(DEFAULT_LOCALE);

export function currentLocale(): Locale {
  return cell.get();
}

export function setLocale(locale: Locale): void {
  const now = cell.get();
  if (now.tag !== locale.tag || now.language !== locale.language) cell.set(locale);
}

/** Swaps the cell (pages install a signal-backed one), carrying the current locale over. */
export function installLocaleCell(next: LocaleCell): void {
  next.set(cell.get());
  cell = next;
}
