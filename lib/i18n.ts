// Every UI string goes through here: t(key, params) and tn(key, n) in the language the user chose
// (lib/locale.ts), dates and numbers through Intl in that locale. English lives below; every other
// language in lib/locales/, typed so that a missing key is a type error, and loaded only when chosen
// (loadLanguage). The background's strings (badge tooltip) are in lib/locales/background.ts, in every
// language, so that its bundle carries only those.
import { dateTimeFormat, numberFormat } from './intl';
import { currentLocale, type Language } from './locale';
import { backgroundMessages, type BackgroundKey } from './locales/background';
import { createTranslator, type Catalogues } from './locales/translator';

export { formatAge, formatTime } from './i18n-background';

const en = {
  // Reader (side panel)
  viewsLabel: 'Views',
  viewToday: 'Today',
  viewTrending: 'Trending',
  viewDay: 'Day',
  viewWeek: 'Week',
  viewMonth: 'Month',
  viewSaved: 'Saved',
  previous: 'Previous',
  next: 'Next',
  pickDay: 'Day',
  pickWeek: 'Week',
  pickMonth: 'Month',
  searchLabel: 'Search papers',
  searchPlaceholder: 'Title, author, organization, keyword…',
  scopeLabel: 'Search in',
  scopeView: 'This view',
  scopeAll: 'All stored papers',
  searchHf: 'Search Hugging Face for “{q}”',
  searchingHf: 'Searching Hugging Face…',
  searchHfFailed: 'Hugging Face search failed: {reason}',
  noMatches: 'No stored paper matches “{q}”.',
  filtersLabel: 'Filters and sort',
  filtersActive: 'filtering',
  filterOrg: 'Organization',
  anyOrg: 'Any organization',
  minUpvotes: 'Min. upvotes',
  hasCode: 'Has code',
  hasProject: 'Has project page',
  sortLabel: 'Sort by',
  sortUpvotes: 'Upvotes',
  sortTrending: 'HF trending',
  sortPublished: 'Newest published',
  sortComments: 'Comments',
  sortStars: 'GitHub stars',
  unread_one: '{n} unread',
  unread_other: '{n} unread',
  shownOf: '{shown} of {total} shown',
  markAllRead: 'Mark all read',
  fetchingView: 'Fetching this listing from the source…',
  loadFailed: 'Could not read the stored papers: {reason}',
  fetchViewFailed: 'Could not fetch this listing: {reason}',
  emptySaved: 'No saved papers yet. Save one with its ☆ button or the s key.',
  emptyFiltered: 'No paper in this view matches the search and filters.',
  publishedOn: 'arXiv {date}',
  listedOn: 'Listed on HF {date}',
  aiSummary: 'AI summary:',
  aiKeywords: 'AI keywords',
  markRead: 'Mark read',
  markedRead: 'Read',
  savePaper: 'Save',
  savedPaper: 'Saved',
  keysButton: 'Keys',
  keysTitle: 'Keyboard shortcuts',
  keyMove: 'Next / previous paper',
  keyOpen: 'Open on Hugging Face',
  keySave: 'Save or unsave',
  keyRead: 'Mark read or unread',
  keySearch: 'Search',
  keyHelp: 'Show these keys',
  close: 'Close',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  openSidePanel: 'Open side panel',
  openOptions: 'Settings',
  tabTrending: 'Trending',
  tabToday: 'Today',
  listsLabel: 'Paper lists',
  newMarker: 'NEW',
  upvotes_one: '{n} upvote',
  upvotes_other: '{n} upvotes',
  comments_one: '{n} comment',
  comments_other: '{n} comments',
  andMoreAuthors: '+{n} more',
  showMore: 'Show more',
  showLess: 'Show less',
  lastSynced: 'Updated {time}',
  neverSynced: 'Not synced yet',
  firstSyncRunning: 'First sync running — fetching today’s papers from Hugging Face…',
  firstSyncFailed: 'Could not fetch papers yet: {reason}',
  nothingToday: 'Nothing listed today yet — showing {day}.',
  listingOf: 'Listed {day}',
  emptyList: 'No papers in this list yet.',
  unreachableSince: 'Source unreachable since {time} — showing the papers stored before.',
  rateLimitedUntil: 'The source asked Paperboy to wait until {time} — showing the papers stored before.',
  offlineNow: 'Offline — showing the papers stored before.',
  storageFailing: 'Could not save new papers since {time} — showing the papers stored before.',
  refreshResultNew_one: '{n} new paper',
  refreshResultNew_other: '{n} new papers',
  refreshResultNone: 'Up to date',
  refreshSkipped: 'Waiting for the source’s rate limit',
  refreshFailed: 'Refresh failed: {reason}',
  alsoNew: 'Also new: added to earlier days',
  prunedNotice: 'Storage was full: the {listings} oldest days ({papers} papers) were removed to make room. Saved papers are always kept.',
  skippedEntries_one: '{n} entry from the source was malformed and skipped',
  skippedEntries_other: '{n} entries from the source were malformed and skipped',
  linkHf: 'Hugging Face',
  linkArxiv: 'arXiv',
  linkPdf: 'PDF',
  linkCode: 'Code',
  linkProject: 'Project page',
  githubStars: '{n} stars on GitHub',
  sidePanelTitle: 'Daily Papers',
  optionsTitle: 'Paperboy settings',
  pollLabel: 'Check for new papers',
  pollEvery: 'Every {n} minutes',
  pollHourly: 'Every hour',
  pollTwoHours: 'Every 2 hours',
  pollManual: 'Only when I click Refresh',
  retentionLabel: 'Keep papers for',
  retentionDays: '{n} days',
  retentionYear: 'A year',
  retentionHelp: 'Older listing days are removed after a sync. Saved papers are always kept.',
  settingApplied: 'Saved.',
  sourceLabel: 'Source',
  sourceHelp: 'The Hugging Face API base URL. Use a mirror such as https://hf-mirror.com where huggingface.co is out of reach.',
  save: 'Save',
  sourceSaved: 'Saved — syncing from {source}',
  sourceInvalid: 'Enter a URL starting with https:// (or http:// for localhost or 127.0.0.1).',
  sourcePermissionDenied: 'Paperboy needs permission to read {origin} to use it as the source.',
  // Language and theme (components/AppearanceSettings.tsx); page titles follow the language too.
  languageLabel: 'Language',
  languageBrowser: 'Browser default',
  themeLabel: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  sidePanelPageTitle: 'Paperboy — Daily Papers',
  // Alerts (lib/alerts.ts, components/AlertsSettings.tsx)
  watchMarkKeyword: 'Watchlist: {rule}',
  watchMarkAuthor: 'Watchlist author: {rule}',
  watchMarkOrganization: 'Watchlist organization: {rule}',
  watchMarkMore: '(+{n})',
  sparklineLabel: 'Upvotes over time: {from} to {to} since {date}',
  alertsTitle: 'Badge and alerts',
  badgeModeLabel: 'Toolbar badge shows',
  badgeModeNew: 'New papers since I last looked',
  badgeModeUnread: "Unread papers in today's list",
  badgeModeOff: 'No count',
  badgeModeHelp: 'Problems (offline, rate-limited, sync failed) always show on the badge.',
  notificationsLabel: 'Show notifications',
  notificationsHelp: 'For watchlist matches, rising papers and the daily digest. At most 3 at a time; never twice for the same paper and reason; never for a paper open in a tab.',
  notificationsDenied: 'The browser did not allow notifications. Paperboy still marks matches in its lists.',
  notificationsOn: 'Notifications are on.',
  notificationsOff: 'Notifications are off.',
  risingLabel: 'Tell me when a paper passes',
  risingOff: 'Never',
  risingUpvotes: '{n} upvotes',
  digestLabel: 'Daily digest at',
  digestHelp: 'Your local time; leave empty for no digest.',
  digestSaved: 'Daily digest at {time}.',
  digestCleared: 'No daily digest.',
  watchlistTitle: 'Watchlist',
  watchlistHelp: 'Papers matching a rule are marked in every list and, with notifications on, announced once when they arrive. Keywords match whole words in the title, abstract and AI keywords (case-insensitive); authors match a whole name; organizations match whole words.',
  watchKindLabel: 'Rule type',
  watchKindKeyword: 'Keyword',
  watchKindAuthor: 'Author',
  watchKindOrganization: 'Organization',
  watchValueLabel: 'Keyword, author or organization',
  watchAdd: 'Add',
  watchRemove: 'Remove {rule}',
  watchAdded: 'Added {rule}.',
  watchRemoved: 'Removed {rule}.',
  watchEmpty: 'No rules yet.',
  watchErrorEmpty: 'Type a keyword, author or organization first.',
  watchErrorTooLong: 'Keep a rule under {n} characters.',
  watchErrorDuplicate: '{rule} is already on the watchlist.',
  watchErrorFull: 'The watchlist is full ({n} rules, the most browser sync storage leaves room for). Remove a rule to add another.',
  watchErrorQuota: 'Browser sync storage refused the rule: {reason}',
  watchCount: '{n} of {max} rules',
  // Freshness (lib/freshness.ts)
  freshnessTodayTitle: 'Today, {day}',
  freshnessWeekTitle: 'Week {week}, {year} ({range})',
  freshnessTrendingTitle: 'Trending',
  freshnessSavedTitle: 'Saved papers',
  freshnessPapers_one: '{n} paper',
  freshnessPapers_other: '{n} papers',
  freshnessNoPapers: 'No papers',
  freshnessStillFilling: 'Still filling — updated {time}',
  freshnessDayMayGrow: 'Listed {day} — may still grow — updated {time}',
  freshnessMayGrow: 'May still grow — updated {time}',
  freshnessSettled: 'Settled',
  freshnessEarlyCopy: 'Stored copy from {time} — the listing may have grown after it',
  freshnessNotFetched: 'Not fetched yet',
  freshnessWeekendShowing: 'No listing on weekends — showing {day}',
  freshnessNothingYetShowing: 'Nothing listed yet today — showing {day}',
  freshnessWeekendEmpty: 'No listing on weekends',
  freshnessNothingYet: 'Nothing listed yet today',
  freshnessDayFallback: 'Nothing listed on {requested} — showing {day}',
  freshnessFutureDay: 'This day has not been listed yet',
  freshnessFutureRange: 'This period has not started yet',
  freshnessUtcAhead: 'Hugging Face days follow UTC — it is already {day} there',
  freshnessUtcBehind: 'Hugging Face days follow UTC — it is still {day} there',
  freshnessRankingUpdated: 'Ranking updated {time}',
  freshnessLastSynced: 'Last synced {time}',
  freshnessNeverSynced: 'Never synced',
  freshnessWarning: '{problem} — {consequence}',
  freshnessFailingSince: 'Could not refresh since {time}',
  freshnessFailedAt: 'Last refresh failed at {time}',
  freshnessOfflineSince: 'Offline since {time}',
  freshnessRateLimitedUntil: 'Rate-limited by the source until {time}',
  freshnessRateLimitedAt: 'Rate-limited by the source at {time}',
  freshnessShowingDataFrom: 'showing data from {time}',
  freshnessNothingStored: 'nothing stored for this view yet',
  // Export, import, saved papers following the user, keyboard command
  detailsPending: 'Saved on another device — details are fetched from the source when it can be reached.',
  exportLabel: 'Export',
  exportShownLabel: 'Export the papers shown',
  exportShown_one: 'The {n} paper shown, with the search and filters applied:',
  exportShown_other: 'The {n} papers shown, with the search and filters applied:',
  exportNothing: 'Nothing to export.',
  exportBibtex: 'BibTeX',
  exportJson: 'JSON',
  exportFailed: 'Export failed: {reason}',
  exportedSaved_one: 'Exported {n} saved paper.',
  exportedSaved_other: 'Exported {n} saved papers.',
  dataTitle: 'Saved papers',
  followHelp: 'Saved papers follow your browser profile: every browser signed in to it shows the same saved list, and an unsave on one reaches the others.',
  followFailed: 'Saved papers could not be copied to your browser profile ({reason}). They are kept on this device; Paperboy tries again at the next save or start-up.',
  followLocalOnly_one: '{n} saved paper stays on this device only: the browser’s sync storage for Paperboy is full. It is kept here, and exports include it.',
  followLocalOnly_other: '{n} saved papers stay on this device only: the browser’s sync storage for Paperboy is full. They are kept here, and exports include them.',
  exportSavedLabel: 'Export saved papers',
  importLabel: 'Import a Paperboy JSON export',
  importHelp: 'Papers, saved and read marks are merged into what is stored: nothing is removed or duplicated.',
  importing: 'Importing…',
  importDone: 'Imported: {added} new papers, {saved} newly saved, {read} newly read.',
  importNotJson: 'That file is not JSON. Nothing was imported.',
  importInvalid: 'That file is not a Paperboy export this version can read ({detail}). Nothing was imported.',
  importFailed: 'Import failed: {reason}. Nothing was imported.',
  shortcutHelp: 'Keyboard: {key} opens the reader. Change it on the browser’s extension shortcuts page.',
  shortcutUnset: 'No keyboard shortcut opens the reader; set one on the browser’s extension shortcuts page.',
} as const;

/** The pages' strings (the background's are added to them). */
export type UiKey = keyof typeof en;
export type MessageKey = UiKey | BackgroundKey;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type PluralKey = PluralBase<MessageKey>;
export type Catalogue = Record<UiKey, string>;

const catalogues: Catalogues<MessageKey> = { en: { ...backgroundMessages.en, ...en } };

/** Other languages' UI strings: a chunk each, fetched from the extension's own files when chosen. */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  'zh-CN': () => import('./locales/zh-CN').then((module) => module.zhCN),
};

/** Makes a language's strings available to t(); until then they are English. */
export async function loadLanguage(language: Language): Promise<void> {
  if (catalogues[language]) return;
  const ui = await loaders[language as Exclude<Language, 'en'>]();
  catalogues[language] = { ...backgroundMessages[language], ...ui };
}

/** A language's whole catalogue, background strings included (loaded first). */
export async function messagesOf(language: Language): Promise<Readonly<Record<MessageKey, string>>> {
  await loadLanguage(language);
  return catalogues[language]!;
}

export const { t, tn } = createTranslator<MessageKey>(catalogues);

const LISTING_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };

/** A listing day (UTC calendar day) written for people, e.g. "Fri, 21 Nov" (en-GB), "11月21日周五" (zh-CN). */
export function formatDay(day: string): string {
  return dateTimeFormat(currentLocale().tag, LISTING_DAY).format(Date.parse(`${day}T00:00:00Z`));
}

/** A count written for the chosen locale: 12345 → "12,345". */
export function formatNumber(value: number): string {
  return numberFormat(currentLocale().tag).format(value);
}
