// The export choices' strings, for the side panel's Export menu (a part loaded after its first
// screen, whose strings lib/i18n/panel-later.ts loads with its own) and the settings page's export
// of saved papers: neither the popup nor the panel's first script carries them. Their translation
// is in lib/i18n/locales/zh-CN-export.ts.
import { addStrings } from './ui';

const en = {
  exportNothing: 'Nothing to export.',
  exportBibtex: 'BibTeX',
  exportJson: 'JSON',
} as const;

export type ExportKey = keyof typeof en;

export const { t } = addStrings<ExportKey>(en, {
  'zh-CN': () => import('./locales/zh-CN-export').then((module) => module.zhCNExport),
});
