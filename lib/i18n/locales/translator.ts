// t() and tn() over a set of catalogues, in the current locale. Catalogues are plain objects so
// that a bundle holds only the ones it imports (the background: its badge strings alone).
import { numberFormat, pluralRules } from '../../core/intl';
import { currentLocale, type Language } from '../../core/locale';

export type Params = Record<string, string | number>;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;

/** `{name}` placeholders; numbers are written for the locale (1,234), so pass years and ids as strings. */
function fill(template: string, params: Params, tag: string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const value = params[name]!;
    return typeof value === 'number' ? numberFormat(tag).format(value) : value;
  });
}

/** The `{x}` placeholders of a message, sorted: the same in every language. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/** English is always there; another language may still be loading (then its strings are English). */
export type Catalogues<K extends string> = { en: Record<K, string> } & Partial<Record<Language, Record<K, string>>>;

export function createTranslator<K extends string>(catalogues: Catalogues<K>) {
  function t(key: K, params: Params = {}): string {
    const { language, tag } = currentLocale();
    return fill(catalogues[language]?.[key] ?? catalogues.en[key] ?? key, params, tag);
  }
  /** A counted string: `tn('upvotes', 3)` → "3 upvotes", with the plural rules of the current locale. */
  function tn(key: PluralBase<K>, n: number, params: Params = {}): string {
    const { language, tag } = currentLocale();
    const category = pluralRules(tag).select(n);
    const pick = (catalogue: Record<string, string | undefined> | undefined) => catalogue?.[`${key}_${category}`] ?? catalogue?.[`${key}_other`];
    // A part of the language still loading: its counted strings are English meanwhile, like t()'s.
    const template = pick(catalogues[language]) ?? pick(catalogues.en) ?? key;
    return fill(template, { ...params, n }, tag);
  }
  return { t, tn };
}
