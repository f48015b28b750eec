import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n/options';
import { readSetting, type RuledSetting } from '@/lib/settings/items';

export interface SettingChoice<T extends string | number> {
  value: T;
  label: string;
  /** The language the label is written in, when not the page's (a language's own name). */
  lang?: string;
}

/** How a select reads, writes and (optionally) follows its setting. */
export interface SettingAccess<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
  /** Calls back when the setting changes elsewhere (another page, another device); returns the unsubscribe. */
  watch?(callback: (value: T) => void): () => void;
}

/** A ruled setting as the background uses it: a stored value its rule refuses shows as its default. */
export const ruledAccess = <T,>(setting: RuledSetting<T>): SettingAccess<T> => ({
  read: () => readSetting(setting),
  write: (value) => setting.item.setValue(value),
});

/** A storage item read and followed as stored. */
export const itemAccess = <T,>(item: {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}): SettingAccess<T> => ({
  read: () => item.getValue(),
  write: (value) => item.setValue(value),
  watch: (callback) => item.watch((value) => callback(value)),
});

/** A labelled select that applies a setting as soon as it is chosen, and says so. */
export function SelectSetting<T extends string | number>({
  id,
  label,
  help,
  choices,
  setting,
}: {
  id: string;
  label: string;
  help?: string;
  choices: readonly SettingChoice<T>[];
  setting: SettingAccess<T>;
}) {
  const value = useSignal<T | undefined>(undefined);
  const applied = useSignal(false);
  useEffect(() => {
    void setting.read().then((stored) => (value.value = stored));
    return setting.watch?.((next) => (value.value = next));
  }, []);
  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value.value === undefined ? '' : String(value.value)}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => {
          // Options carry their value as text: the choice is found by it, never parsed.
          const next = choices.find((choice) => String(choice.value) === event.currentTarget.value);
          if (!next) return;
          value.value = next.value;
          void setting.write(next.value).then(() => (applied.value = true));
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice.value)} value={String(choice.value)} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
      {help ? (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      ) : null}
      <p class="form-message ok" role="status">
        {applied.value ? t('settingApplied') : ''}
      </p>
    </div>
  );
}
