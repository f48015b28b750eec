import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/options';
import { sendRequest } from '@/lib/protocol/messages';
import { POLL_CHOICES } from '@/lib/sync/schedule';
import { AlertsSettings } from './AlertsSettings';
import { MuteSettings } from './MuteSettings';
import { DataSettings } from './DataSettings';
import { POLL_RULE, RETENTION_CHOICES, RETENTION_RULE, SOURCE_RULE, checkSource, permissionPatternFor, readSetting, sourceSetting, type RuledSetting } from '@/lib/settings/items';
import { RefusedSettings } from './RefusedSettings';
import { maySyncFrom } from '@/lib/source/access';
import { AppearanceSettings } from './AppearanceSettings';

export interface OptionsDeps {
  requestOrigin?: (pattern: string) => Promise<boolean>;
  send?: typeof sendRequest;
}

const requestOriginPermission = (pattern: string) => browser.permissions.request({ origins: [pattern] });

/** Settings. Saving the source applies at once and starts a sync. */
const pollLabel = (minutes: number) =>
  minutes === 0 ? t('pollManual') : minutes === 60 ? t('pollHourly') : minutes === 120 ? t('pollTwoHours') : t('pollEvery', { n: minutes });
const retentionLabel = (days: number) => (days === 365 ? t('retentionYear') : t('retentionDays', { n: days }));

/** A setting that applies as soon as it is chosen; shown as the background uses it (a refused value as its default). */
function ChoiceSetting({ id, label, help, choices, describe, setting }: {
  id: string;
  label: string;
  help?: string;
  choices: readonly number[];
  describe: (value: number) => string;
  setting: RuledSetting<number>;
}) {
  const value = useSignal<number | undefined>(undefined);
  const applied = useSignal(false);
  useEffect(() => {
    void readSetting(setting).then((stored) => (value.value = stored));
  }, []);
  return (
    <div class="setting">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value.value === undefined ? '' : String(value.value)}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          value.value = next;
          void setting.item.setValue(next).then(() => (applied.value = true));
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {describe(choice)}
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

export function OptionsApp({ requestOrigin = requestOriginPermission, send = sendRequest }: OptionsDeps) {
  const source = useSignal('');
  const message = useSignal<{ tone: 'ok' | 'error'; text: string } | undefined>(undefined);
  /** The saved source, when this browser has not granted access to it (a mirror chosen on another device). */
  const ungranted = useSignal<string | undefined>(undefined);

  useEffect(() => {
    void readSetting(SOURCE_RULE).then(async (value) => {
      source.value = value;
      if (!(await maySyncFrom(value))) ungranted.value = value;
    });
  }, []);

  const grant = async (saved: string) => {
    const pattern = permissionPatternFor(saved);
    if (pattern && !(await requestOrigin(pattern))) return;
    ungranted.value = undefined;
    message.value = { tone: 'ok', text: t('sourceSaved', { source: saved }) };
    void send({ type: 'refresh' }).catch(() => undefined);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkSource(source.value);
    if (!checked.ok) {
      message.value = { tone: 'error', text: t('sourceInvalid') };
      return;
    }
    // A mirror needs a host permission; asking must happen first, inside the click.
    const pattern = permissionPatternFor(checked.source);
    if (pattern && !(await requestOrigin(pattern))) {
      message.value = { tone: 'error', text: t('sourcePermissionDenied', { origin: checked.origin }) };
      return;
    }
    await sourceSetting.setValue(checked.source);
    source.value = checked.source;
    ungranted.value = undefined;
    message.value = { tone: 'ok', text: t('sourceSaved', { source: checked.source }) };
    void send({ type: 'sourceChanged' }).catch(() => undefined);
  };

  return (
    <main class="app options">
      <h1>{t('optionsTitle')}</h1>
      <RefusedSettings />
      <form onSubmit={(event) => void save(event)} noValidate>
        <label for="source">{t('sourceLabel')}</label>
        <input
          id="source"
          name="source"
          type="url"
          value={source.value}
          onInput={(event) => (source.value = event.currentTarget.value)}
          aria-describedby="source-help"
          aria-invalid={message.value?.tone === 'error'}
          spellcheck={false}
          autocomplete="url"
        />
        <p id="source-help" class="help">
          {t('sourceHelp')}
        </p>
        <button type="submit" class="button">
          {t('save')}
        </button>
        <p class={`form-message ${message.value?.tone ?? ''}`} role="status">
          {message.value?.text ?? ''}
        </p>
        {ungranted.value ? (
          <div class="notice notice-warn source-access" role="status">
            <p>{t('sourceAccessNeeded', { origin: new URL(ungranted.value).origin })}</p>
            <button type="button" class="button" onClick={() => void grant(ungranted.value!)}>
              {t('sourceGrantAccess')}
            </button>
          </div>
        ) : null}
      </form>
      <ChoiceSetting id="poll" label={t('pollLabel')} choices={POLL_CHOICES} describe={pollLabel} setting={POLL_RULE} />
      <ChoiceSetting
        id="retention"
        label={t('retentionLabel')}
        help={t('retentionHelp')}
        choices={RETENTION_CHOICES}
        describe={retentionLabel}
        setting={RETENTION_RULE}
      />
      <AppearanceSettings />
      <AlertsSettings />
      <MuteSettings />
      <DataSettings send={send} />
    </main>
  );
}
