import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n/options';
import { LANGUAGE_NAMES, type LanguageChoice } from '@/lib/core/locale';
import { languageSetting, themeSetting } from '@/lib/settings/items';
import type { ThemeChoice } from '@/lib/boot/theme';

interface Choice<T extends string> {
  value: T;
  label: string;
  /** The language the label is written in, when not the page's (a language's own name). */
  lang?: string;
}

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** A select that applies as soon as it is chosen, and follows changes made elsewhere. */
function SelectSetting<T extends string>({ id, label, choices, item }: { id: string; label: string; choices: Choice<T>[]; item: Item<T> }) {
  const value = useSignal<T | undefined>(undefined);
  const applied = useSignal(false);
  useEffect(() => {
    void item.getValue().then((stored) => (value.value = stored));
    return item.watch((next) => (value.value = next));
  }, []);
  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value.value ?? ''}
        onChange={(event) => {
          const next = choices.find((choice) => choice.value === event.currentTarget.value);
          if (!next) return;
          value.value = next.value;
          void item.setValue(next.value).then(() => (applied.value = true));
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
      <p class="form-message ok" role="status">
        {applied.value ? t('settingApplied') : ''}
      </p>
    </div>
  );
}

/** The Language and Theme settings; every open page follows them at once (components/shared/appearance.ts). */
export function AppearanceSettings() {
  const languages: Choice<LanguageChoice>[] = [
    { value: 'browser', label: t('languageBrowser') },
    ...(['en', 'zh-CN'] as const).map((language) => ({ value: language, label: LANGUAGE_NAMES[language], lang: language })),
  ];
  const themes: Choice<ThemeChoice>[] = [
    { value: 'system', label: t('themeSystem') },
    { value: 'light', label: t('themeLight') },
    { value: 'dark', label: t('themeDark') },
  ];
  return (
    <>
      <SelectSetting id="language" label={t('languageLabel')} choices={languages} item={languageSetting} />
      <SelectSetting id="theme" label={t('themeLabel')} choices={themes} item={themeSetting} />
    </>
  );
}
