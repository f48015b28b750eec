// The popup's own strings (its lists, notices and footer): only the popup loads them. Their
// translations are in lib/i18n/locales/zh-CN-popup.ts, loaded with the shared ones (lib/i18n/ui.ts).
import { addStrings, type MessageKey } from './ui';

export { formatAge, formatDay, formatNumber, formatTime, formatWhen } from './ui';

const en = {
  openSidePanel: 'Open side panel',
  tabTrending: 'Trending',
  tabToday: 'Today',
  listsLabel: 'Paper lists',
  firstSyncRunning: 'First sync running — fetching today’s papers from Hugging Face…',
  firstSyncFailed: 'Could not fetch papers yet: {reason}',
  nothingToday: 'Nothing listed today yet — showing {day}.',
  listingOf: 'Listed {day}',
  unreachableSince: 'Source unreachable since {time} — showing the papers stored before.',
  rateLimitedUntil: 'The source asked Paperboy to wait until {time} — showing the papers stored before.',
  offlineNow: 'Offline — showing the papers stored before.',
  storageFailing: 'Could not save new papers since {time} — showing the papers stored before.',
  alsoNew: 'Also new: added to earlier days',
} as const;

export type PopupKey = keyof typeof en;
export type PopupMessageKey = PopupKey | MessageKey;

export const { t, tn } = addStrings<PopupKey>(en, { 'zh-CN': () => import('./locales/zh-CN-popup').then((module) => module.zhCNPopup) });
