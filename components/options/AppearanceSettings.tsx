import { t } from '@/lib/i18n/options';
import { LANGUAGE_NAMES, type LanguageChoice } from '@/lib/core/locale';
import { languageSetting, themeSetting } from '@/lib/settings/items';
import type { ThemeChoice } from '@/lib/boot/theme';
import { SelectSetting, itemAccess, type SettingChoice } from './SelectSetting';

/** The Language and Theme settings; every open page follows them at once (components/shared/appearance.ts). */
export function AppearanceSettings() {
  const languages: SettingChoice<LanguageChoice>[] = [
    { value: 'browser', label: t('languageBrowser') },
    ...(['en', 'zh-CN'] as const).map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language })),
  ];
  const themes: SettingChoice<ThemeChoice>[] = [
    { value: 'system', label: t('themeSystem') },
    { value: 'light', label: t('themeLight') },
    { value: 'dark', label: t('themeDark') },
  ];
  return (
    <>
      <SelectSetting id="language" label={t('languageLabel')} choices={languages} setting={itemAccess(languageSetting)} />
      <SelectSetting id="theme" label={t('themeLabel')} choices={themes} setting={itemAccess(themeSetting)} />
    </>
  );
}
