import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/options';
import { sendRequest } from '@/lib/protocol/messages';
import { POLL_CHOICES } from '@/lib/sync/schedule';
import { AlertsSettings } from './AlertsSettings';
import { MuteSettings } from './MuteSettings';
import { DataSettings } from './DataSettings';
import { POLL_RULE, RETENTION_CHOICES, RETENTION_RULE, SOURCE_RULE, checkSource, permissionPatternFor, readSetting, sourceSetting } from '@/lib/settings/items';
import { RefusedSettings } from './RefusedSettings';
import { maySyncFrom } from '@/lib/settings/source-access';
import { AppearanceSettings } from './AppearanceSettings';
import { SelectSetting, ruledAccess } from './SelectSetting';
import { CardSettings } from './CardSettings';

export interface OptionsDeps {
  requestOrigin?: (pattern: string) => Promise<boolean>;
  send?: typeof sendRequest;
}

const requestOriginPermission = (pattern: string) => browser.permissions.request({ origins: [pattern] });

/** Settings. Saving the source applies at once and starts a sync. */
const pollLabel = (minutes: number) =>
  minutes === 0 ? t('pollManual') : minutes === 60 ? t('pollHourly') : minutes === 120 ? t('pollTwoHours') : t('pollEvery', { n: minutes });
const retentionLabel = (days: number) => (days === 365 ? t('retentionYear') : t('retentionDays', { n: days }));

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
      <SelectSetting
        id="poll"
        label={t('pollLabel')}
        choices={POLL_CHOICES.map((value) => ({ value, label: pollLabel(value) }))}
        setting={ruledAccess(POLL_RULE)}
      />
      <SelectSetting
        id="retention"
        label={t('retentionLabel')}
        help={t('retentionHelp')}
        choices={RETENTION_CHOICES.map((value) => ({ value, label: retentionLabel(value) }))}
        setting={ruledAccess(RETENTION_RULE)}
      />
      <AppearanceSettings />
      <CardSettings />
      <AlertsSettings />
      <MuteSettings />
      <DataSettings send={send} />
    </main>
  );
}
