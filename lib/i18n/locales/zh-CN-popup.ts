// Simplified Chinese (简体中文) for lib/i18n-popup.ts. Checked against its English strings where
// lib/i18n/popup.ts loads it (a missing key is a type error there; this file imports nothing from it,
// which loads this one), and tests/unit/i18n.test.ts checks that no key is missing or extra, no
// string is empty and the placeholders match.
export const zhCNPopup = {
  openSidePanel: '打开侧边栏',
  tabTrending: '热门',
  tabToday: '今天',
  listsLabel: '论文列表',
  firstSyncRunning: '正在首次同步——正从 Hugging Face 获取今天的论文…',
  firstSyncFailed: '暂时无法获取论文：{reason}',
  nothingToday: '今天还没有论文——显示 {day} 的论文。',
  listingOf: '{day} 收录',
  unreachableSince: '自 {time} 起无法连接数据源——显示之前存储的论文。',
  rateLimitedUntil: '数据源要求 Paperboy 等到 {time}——显示之前存储的论文。',
  offlineNow: '离线——显示之前存储的论文。',
  storageFailing: '自 {time} 起无法保存新论文——显示之前存储的论文。',
  alsoNew: '其他新论文：已补充到前几天的列表',
};
