// Strings both the background and the pages use (the app's name, how long ago), in every
// language: a handful, so every bundle carries them all rather than load them.
import type { Language } from '../../core/locale';

const en = {
  appName: 'Paperboy',
  ageJustNow: 'just now',
  ageMinutes: '{n} min ago',
  ageHours: '{n} h ago',
  ageDays: '{n} days ago',
} as const;

export type SharedKey = keyof typeof en;

// Typed against the English keys: a missing key is a type error.
const zhCN: Record<SharedKey, string> = {
  appName: 'Paperboy',
  ageJustNow: '刚刚',
  ageMinutes: '{n} 分钟前',
  ageHours: '{n} 小时前',
  ageDays: '{n} 天前',
};

export const sharedMessages: Record<Language, Record<SharedKey, string>> = { en, 'zh-CN': zhCN };
