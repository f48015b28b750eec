// Simplified Chinese (简体中文) for lib/i18n/export.ts (checked there: a missing key is a type error;
// tests/unit/i18n/i18n.test.ts checks that no key is missing or extra).
export const zhCNExport = {
  exportNothing: '没有可导出的内容。',
  exportBibtex: 'BibTeX',
  exportJson: 'JSON',
};
