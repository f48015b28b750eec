// The side panel's own strings for its first screen (views, search, filters, freshness): only the
// side panel loads them. Their translations are in lib/i18n/locales/zh-CN-panel.ts, loaded with the
// shared ones (lib/i18n/ui.ts). The strings of what it shows later are in lib/i18n/panel-later.ts.
import { addStrings, type MessageKey } from './ui';

export { formatAge, formatDay, formatNumber, formatTime } from './ui';

const en = {
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
  searching: 'Searching…',
  searchingHf: 'Searching Hugging Face…',
  searchHfFailed: 'Hugging Face search failed: {reason}',
  noMatches: 'No stored paper matches “{q}”.',
  searchPartial: 'search is being prepared: titles and authors only for now…',
  noQuickMatches: 'No title or author matches “{q}”; search is being prepared, abstracts soon…',
  filtersLabel: 'Filters and sort',
  filtersActive: 'filtering',
  unread_one: '{n} unread',
  unread_other: '{n} unread',
  shownOf: '{shown} of {total} shown',
  markAllRead: 'Mark all read',
  mutedCount_one: '{n} muted',
  mutedCount_other: '{n} muted',
  showMuted: 'Show muted',
  hideMuted: 'Hide muted',
  fetchingView: 'Fetching this listing from the source…',
  fetchViewFailed: 'Could not fetch this listing: {reason}',
  emptySaved: 'No saved papers yet. Save one with its ☆ button or the s key.',
  emptyFiltered: 'No paper in this view matches the search and filters.',
  keysButton: 'Keys',
  sidePanelTitle: 'Daily Papers',
  sidePanelPageTitle: 'Paperboy — Daily Papers',
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
  freshnessStorageFailingSince: 'Could not save new papers since {time} ({reason})',
  freshnessFailedAt: 'Last refresh failed at {time}',
  freshnessOfflineSince: 'Offline since {time}',
  freshnessRateLimitedUntil: 'Rate-limited by the source until {time}',
  freshnessRateLimitedAt: 'Rate-limited by the source at {time}',
  freshnessShowingDataFrom: 'showing data from {time}',
  freshnessNothingStored: 'nothing stored for this view yet',
  exportLabel: 'Export',
  openViewOnHf: 'Open this view on Hugging Face',
} as const;

export type PanelKey = keyof typeof en;
export type PanelMessageKey = PanelKey | MessageKey;

export const { t, tn } = addStrings<PanelKey>(en, { 'zh-CN': () => import('./locales/zh-CN-panel').then((module) => module.zhCNPanel) });

/**
 * A part of the panel loaded after its first screen (a chunk of its own), once the strings it uses
 * (lib/i18n/panel-later.ts, fetched beside it) are in the language shown.
 */
export async function withLaterStrings<M>(part: Promise<M>): Promise<M> {
  const [module] = await Promise.all([part, import('./panel-later').then((strings) => strings.loaded)]);
  return module;
}
