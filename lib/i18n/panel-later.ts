// The side panel's strings for what it shows only after its first screen (the filters and sort,
// Hide read's Undo, the cards' extra parts, the linked models and Spaces, the keys' dialog, the
// export choices): loaded with those parts, in their chunks, so that the panel's first script does
// not carry them. Their translations are in
// lib/i18n/locales/zh-CN-panel-later.ts. A part that uses them waits for `loaded` (withLaterStrings
// in lib/i18n/panel.ts), so it never shows English in another language for a moment.
import { currentLocale } from '../core/locale';
import { addStrings, loadLanguage } from './ui';
// The Export menu's choices are a part of their own (the settings page uses them too): registered
// here, before `loaded` below asks for the language, so that they are in it with these.
import './export';

const en = {
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
  hideRead: 'Hide read',
  hiddenRead_one: '{n} paper marked read and hidden.',
  hiddenRead_other: '{n} papers marked read and hidden.',
  undo: 'Undo',
  linkedButton: 'Models · Datasets · Spaces',
  linkedLoading: 'Loading linked models, datasets and Spaces…',
  linkedNone: 'No model, dataset or Space links to this paper yet.',
  linkedModels: 'Models ({n})',
  linkedDatasets: 'Datasets ({n})',
  linkedSpaces: 'Spaces ({n})',
  linkedAll: 'All on Hugging Face',
  linkedRateLimited: 'Hugging Face is rate-limiting requests: try again after {time}.',
  linkedFailed: 'Could not load them: {reason}',
  linkedRetry: 'Try again',
  linkedLikes_one: '{n} like',
  linkedLikes_other: '{n} likes',
  linkedDownloads_one: '{n} download',
  linkedDownloads_other: '{n} downloads',
  keysTitle: 'Keyboard shortcuts',
  keyMove: 'Next / previous paper',
  keyOpen: 'Open on Hugging Face',
  keySave: 'Save or unsave',
  keyRead: 'Mark read or unread',
  keySearch: 'Search',
  keyHelp: 'Show these keys',
  close: 'Close',
  exportShownLabel: 'Export the papers shown',
  exportShown_one: 'The {n} paper shown, with the search and filters applied:',
  exportShown_other: 'The {n} papers shown, with the search and filters applied:',
  mediaButton: 'Media ({n})',
  mediaRegion: 'Media of “{title}”',
  mediaImage: 'Image {n} of {count}',
  mediaVideo: 'Video {n} of {count}',
  submittedBy: 'Submitted by {name}',
  copyButton: 'Copy',
  copyBibtex: 'BibTeX',
  copyMarkdown: 'Markdown link',
  copyPlain: 'Plain citation',
  copied: 'Copied',
  copyFailed: 'Could not copy',
  keyCopy: 'Copy as BibTeX',
} as const;

export type PanelLaterKey = keyof typeof en;

export const { t, tn } = addStrings<PanelLaterKey>(en, {
  'zh-CN': () => import('./locales/zh-CN-panel-later').then((module) => module.zhCNPanelLater),
});

/** Resolves once these strings are in the language shown: at once in English, else with their translation. */
export const loaded: Promise<void> = loadLanguage(currentLocale().language).catch(() => undefined);
