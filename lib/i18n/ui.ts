// Every UI string goes through here: t(key, params) and tn(key, n) in the language the user chose
// (lib/core/locale.ts), dates and numbers through Intl in that locale. The strings are split by page so
// that a page loads only its own: the ones below are shared by the popup and the side panel; each
// page's own are in lib/i18n/popup.ts, lib/i18n/panel.ts and lib/i18n/options.ts, whose t() and
// tn() are typed over their keys and these (a page cannot use another page's strings). English is
// built in; every other language lives in lib/locales/, one file per part, typed so that a missing
// key is a type error, and loaded only when chosen (loadLanguage). The background's strings (badge
// tooltip, notifications) are in lib/i18n/locales/background.ts; the few both use in lib/locales/shared.ts.
import { formatDate, numberFormat } from '../core/intl';
import { currentLocale, type Language } from '../core/locale';
import { sharedMessages, type SharedKey } from './locales/shared';
import { createTranslator, type Catalogues } from './locales/translator';
import type { WatchHit } from '../store/records';

export { formatAge, formatTime, formatWhen } from './shared';

const en = {
  loadFailed: 'Could not read the stored papers: {reason}',
  publishedOn: 'arXiv {date}',
  listedOn: 'Listed on HF {date}',
  aiSummary: 'AI summary:',
  aiKeywords: 'AI keywords',
  markRead: 'Mark read',
  markedRead: 'Read',
  savePaper: 'Save',
  savedPaper: 'Saved',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  openOptions: 'Settings',
  newMarker: 'NEW',
  upvotes_one: '{n} upvote',
  upvotes_other: '{n} upvotes',
  comments_one: '{n} comment',
  comments_other: '{n} comments',
  andMoreAuthors: '+{n} more',
  showMore: 'Show more',
  showLess: 'Show less',
  noAbstract: 'No abstract',
  lastSynced: 'Updated {time}',
  neverSynced: 'Not synced yet',
  emptyList: 'No papers in this list yet.',
  refreshResultNew_one: '{n} new paper',
  refreshResultNew_other: '{n} new papers',
  refreshResultNone: 'Up to date',
  refreshSkipped: 'Waiting for the source’s rate limit',
  refreshFailed: 'Refresh failed: {reason}',
  prunedNotice: 'Storage was full: the {listings} oldest days ({papers} papers) were removed to make room. Saved papers are always kept.',
  skippedEntries_one: '{n} entry from the source was malformed and skipped',
  skippedEntries_other: '{n} entries from the source were malformed and skipped',
  partialEntries_one: '{n} entry from the source was partly malformed: shown with what could be read',
  partialEntries_other: '{n} entries from the source were partly malformed: shown with what could be read',
  linkArxiv: 'arXiv',
  linkPdf: 'PDF',
  linkArxivHtml: 'arXiv HTML',
  linkAlphaxiv: 'alphaXiv',
  linkCode: 'Code',
  codeElsewhere: 'Code: {host} (not linked)',
  linkProject: 'Project page',
  githubStars: '{n} stars on GitHub',
  watchMarkKeyword: 'Watchlist: {rule}',
  watchMarkAuthor: 'Watchlist author: {rule}',
  watchMarkSubmitter: 'Watchlist submitter: {rule}',
  watchMarkOrganization: 'Watchlist organization: {rule}',
  watchMarkMore: '(+{n})',
  mutedMark: 'Muted: {rule}',
  codeReleasedMark: 'Code released',
  sparklineLabel: 'Upvotes over time: {from} to {to} since {date}',
  detailsPending: 'Saved on another device — details are fetched from the source when it can be reached.',
} as const;

/** The strings every page shares (each page's own are added to them). */
export type UiKey = keyof typeof en;
export type MessageKey = UiKey | SharedKey;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;
/** A translation of a part's strings (English keys, every one). */
export type Catalogue<K extends string = UiKey> = Record<K, string>;
/** How a part's translations are fetched: a chunk per language, from the extension's own files. */
export type Loaders<K extends string> = Record<Exclude<Language, 'en'>, () => Promise<Catalogue<K>>>;

type Strings = Record<string, string>;
// One set of catalogues for every part a page imports: English complete from the start, other
// languages filled in by loadLanguage (a key not loaded yet falls back to English).
const catalogues: Catalogues<string> = { en: { ...sharedMessages.en, ...en } };
const parts: { load: Loaders<string>; loaded: Set<Language> }[] = [];
/** Languages asked for, loaded or still loading: a part registered meanwhile fetches its strings in them too. */
const asked = new Set<Language>();

/** Makes a language's strings available to t(), for every part registered; until then they are English. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en') return;
  asked.add(language);
  const missing = parts.filter((part) => !part.loaded.has(language));
  if (missing.length === 0 && catalogues[language]) return;
  const loaded = await Promise.all(missing.map((part) => part.load[language]()));
  catalogues[language] = Object.assign({ ...sharedMessages[language] }, catalogues[language], ...loaded) as Strings;
  for (const part of missing) part.loaded.add(language);
}

/**
 * Adds a part's strings (a page's own, from lib/i18n-*.ts): English at once, other languages with
 * the rest. Returns t() and tn() over the part's keys and the shared ones. A part must be imported
 * statically by its page, so it is registered before the page loads its language.
 */
export function addStrings<K extends string>(english: Catalogue<K>, loaders: Loaders<K>) {
  Object.assign(catalogues.en, english);
  const part = { load: loaders as Loaders<string>, loaded: new Set<Language>() };
  parts.push(part);
  // Registered after a language was asked for (a module imported late, maybe while that language
  // still loads, whose list of parts was taken before this one): fetch its strings too.
  for (const language of asked) void loadLanguage(language).catch(() => undefined);
  return createTranslator<K | MessageKey>(catalogues as Catalogues<K | MessageKey>);
}

/** A language's whole catalogue: every registered part's strings and the shared ones (loaded first). */
export async function messagesOf(language: Language): Promise<Readonly<Strings>> {
  await loadLanguage(language);
  return catalogues[language]!;
}

// The shared strings' translations: a part like any other.
export const { t, tn } = addStrings<UiKey>(en, { 'zh-CN': () => import('./locales/zh-CN').then((module) => module.zhCN) });

const WATCH_MARK = { keyword: 'watchMarkKeyword', author: 'watchMarkAuthor', organization: 'watchMarkOrganization', submitter: 'watchMarkSubmitter' } as const;

/** A watchlist rule or hit in words, as a card marks it and the settings page names it. */
export function watchMarkText(hit: WatchHit): string {
  return t(WATCH_MARK[hit.kind], { rule: hit.label });
}

const LISTING_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };

/** A listing day (UTC calendar day) written for people, e.g. "Fri, 21 Nov" (en-GB), "11月21日周五" (zh-CN). */
export function formatDay(day: string): string {
  return formatDate(currentLocale().tag, LISTING_DAY, Date.parse(`${day}T00:00:00Z`));
}

/** A count written for the chosen locale: 12345 → "12,345". */
export function formatNumber(value: number): string {
  return numberFormat(currentLocale().tag).format(value);
}
