// The strings only the background needs (badge tooltip, notifications), in every language: the
// service worker cannot load a chunk on demand (no import() there), so it carries them all. Kept
// apart from the pages' catalogues so that neither bundle carries the other's strings.
import type { Language } from '../../core/locale';
import { sharedMessages, type SharedKey } from './shared';

const en = {
  // The tooltip: "{app}: {status} {data}", each part a sentence of its own.
  badgeTitle: '{app}: {status} {data}',
  badgeTitleUnseen: '{app}: {status} {data} {unseen}',
  badgeNew_one: '{n} new paper on Hugging Face Daily Papers.',
  badgeNew_other: '{n} new papers on Hugging Face Daily Papers.',
  badgeNoNew: 'No new papers.',
  badgeFirstSync: 'Paperboy — fetching papers for the first time',
  badgeOffline: 'Offline since {time}.',
  badgeRateLimited: 'Rate-limited by the source; next try after {time}.',
  badgeError: 'Sync failed at {time}: {reason}.',
  badgeAccessNeeded: 'Paperboy needs your permission to read {origin}, the source chosen on another device: grant it on the settings page.',
  badgeDataAge: 'Papers shown are from {age}.',
  badgeAgeAt: '{age} ({time})',
  badgeNoData: 'No papers stored yet.',
  badgeUnseenBehind_one: '{n} new paper not yet seen.',
  badgeUnseenBehind_other: '{n} new papers not yet seen.',
  badgeOffMode: 'Badge count is off.',
  badgeUnreadToday_one: "{n} unread paper in today's list.",
  badgeUnreadToday_other: "{n} unread papers in today's list.",
  badgeNoUnreadToday: "Nothing unread in today's list.",
  badgeWatchUnseen_one: '{n} watchlist match not yet seen.',
  badgeWatchUnseen_other: '{n} watchlist matches not yet seen.',
  // Notifications (lib/alerts/service.ts)
  notifyWatchKeyword: 'Watchlist keyword: {rule}',
  notifyWatchAuthor: 'Watchlist author: {rule}',
  notifyWatchOrganization: 'Watchlist organization: {rule}',
  notifyWatchSubmitter: 'Watchlist submitter: {rule}',
  notifyRising: 'Rising: {n} upvotes (past {threshold})',
  notifyCodeReleased: 'Code released: {title}',
  notifyMore_one: '{n} more paper for you — open Paperboy',
  notifyMore_other: '{n} more papers for you — open Paperboy',
  digestTitle_one: 'Daily Papers {day}: {n} paper',
  digestTitle_other: 'Daily Papers {day}: {n} papers',
} as const;

export type BackgroundKey = keyof typeof en | SharedKey;

// Typed against the English keys: a missing key is a type error.
const zhCN: Record<keyof typeof en, string> = {
  badgeTitle: '{app}：{status}{data}',
  badgeTitleUnseen: '{app}：{status}{data}{unseen}',
  badgeNew_one: 'Hugging Face 每日论文有 {n} 篇新论文。',
  badgeNew_other: 'Hugging Face 每日论文有 {n} 篇新论文。',
  badgeNoNew: '暂无新论文。',
  badgeFirstSync: 'Paperboy — 正在首次获取论文',
  badgeOffline: '自 {time} 起离线。',
  badgeRateLimited: '数据源限制了请求频率，将于 {time} 后重试。',
  badgeError: '{time} 同步失败：{reason}。',
  badgeAccessNeeded: 'Paperboy 需要你授权读取 {origin}（在其他设备上选择的数据源）：请在设置页面中授予权限。',
  badgeDataAge: '显示的论文获取于{age}。',
  badgeAgeAt: '{age}（{time}）',
  badgeNoData: '尚未存储任何论文。',
  badgeUnseenBehind_one: '还有 {n} 篇新论文未查看。',
  badgeUnseenBehind_other: '还有 {n} 篇新论文未查看。',
  badgeOffMode: '徽标计数已关闭。',
  badgeUnreadToday_one: '今日列表中有 {n} 篇未读论文。',
  badgeUnreadToday_other: '今日列表中有 {n} 篇未读论文。',
  badgeNoUnreadToday: '今日列表中没有未读论文。',
  badgeWatchUnseen_one: '有 {n} 篇关注列表匹配的论文尚未查看。',
  badgeWatchUnseen_other: '有 {n} 篇关注列表匹配的论文尚未查看。',
  notifyWatchKeyword: '关注关键词：{rule}',
  notifyWatchAuthor: '关注作者：{rule}',
  notifyWatchOrganization: '关注机构：{rule}',
  notifyWatchSubmitter: '关注提交者：{rule}',
  notifyRising: '热度上升：{n} 个点赞（超过 {threshold}）',
  notifyCodeReleased: '代码已发布：{title}',
  notifyMore_one: '还有 {n} 篇论文等你查看 — 打开 Paperboy',
  notifyMore_other: '还有 {n} 篇论文等你查看 — 打开 Paperboy',
  digestTitle_one: '每日论文 {day}：{n} 篇',
  digestTitle_other: '每日论文 {day}：{n} 篇',
};

export const backgroundMessages: Record<Language, Record<BackgroundKey, string>> = {
  en: { ...sharedMessages.en, ...en },
  'zh-CN': { ...sharedMessages['zh-CN'], ...zhCN },
};
