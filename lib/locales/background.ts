// The strings the background needs (badge tooltip; notifications to come), in every language.
// Kept apart from the pages' catalogues so that the background bundle carries only these.
import type { Language } from '../locale';

const en = {
  appName: 'Paperboy',
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
  badgeDataAge: 'Papers shown are from {age}.',
  badgeAgeAt: '{age} ({time})',
  badgeNoData: 'No papers stored yet.',
  badgeUnseenBehind_one: '{n} new paper not yet seen.',
  badgeUnseenBehind_other: '{n} new papers not yet seen.',
  ageJustNow: 'just now',
  ageMinutes: '{n} min ago',
  ageHours: '{n} h ago',
  ageDays: '{n} days ago',
} as const;

export type BackgroundKey = keyof typeof en;

// Typed against the English keys: a missing key is a type error.
const zhCN: Record<BackgroundKey, string> = {
  appName: 'Paperboy',
  badgeTitle: '{app}：{status}{data}',
  badgeTitleUnseen: '{app}：{status}{data}{unseen}',
  badgeNew_one: 'Hugging Face 每日论文有 {n} 篇新论文。',
  badgeNew_other: 'Hugging Face 每日论文有 {n} 篇新论文。',
  badgeNoNew: '暂无新论文。',
  badgeFirstSync: 'Paperboy — 正在首次获取论文',
  badgeOffline: '自 {time} 起离线。',
  badgeRateLimited: '数据源限制了请求频率，将于 {time} 后重试。',
  badgeError: '{time} 同步失败：{reason}。',
  badgeDataAge: '显示的论文获取于{age}。',
  badgeAgeAt: '{age}（{time}）',
  badgeNoData: '尚未存储任何论文。',
  badgeUnseenBehind_one: '还有 {n} 篇新论文未查看。',
  badgeUnseenBehind_other: '还有 {n} 篇新论文未查看。',
  ageJustNow: '刚刚',
  ageMinutes: '{n} 分钟前',
  ageHours: '{n} 小时前',
  ageDays: '{n} 天前',
};

export const backgroundMessages: Record<Language, Record<BackgroundKey, string>> = { en, 'zh-CN': zhCN };
