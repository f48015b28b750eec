import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messages';
import { checkSource, permissionPatternFor, sourceSetting } from '@/lib/settings';

export interface OptionsDeps {
  requestOrigin?: (pattern: string) => Promise<boolean>;
  send?: typeof sendRequest;
}

const requestOriginPermission = (pattern: string) => browser.permissions.request({ origins: [pattern] });

/** Settings. Saving the source applies at once and starts a sync. */
export function OptionsApp({ requestOrigin = requestOriginPermission, send = sendRequest }: OptionsDeps) {
  const source = useSignal('');
  const message = useSignal<{ tone: 'ok' | 'error'; text: string } | undefined>(undefined);

  useEffect(() => {
    void sourceSetting.getValue().then((value) => (source.value = value));
  }, []);

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
    message.value = { tone: 'ok', text: t('sourceSaved', { source: checked.source }) };
    void send({ type: 'sourceChanged' }).catch(() => undefined);
  };

  return (
    <main class="app options">
      <h1>{t('optionsTitle')}</h1>
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
      </form>
    </main>
  );
}
