import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { RULE_KIND_LABEL, t, type OptionsMessageKey } from '@/lib/i18n/options';
import { MAX_RULE_LENGTH, WATCH_KINDS, type WatchKind, type WatchRule } from '@/lib/alerts/watchlist';
import type { RuleStore } from '@/lib/alerts/rule-store';

/** A form's last outcome, said under it. */
export type Message = { tone: 'ok' | 'error'; text: string } | undefined;

/** The strings that tell one list of rules from the other (the rest are shared). */
export interface RuleListStrings {
  title: OptionsMessageKey;
  help: OptionsMessageKey;
  empty: OptionsMessageKey;
  valueLabel: OptionsMessageKey;
  add: OptionsMessageKey;
  /** Each takes `{rule}`. */
  added: OptionsMessageKey;
  removed: OptionsMessageKey;
  remove: OptionsMessageKey;
  duplicate: OptionsMessageKey;
  /** Takes `{n}`, the most rules. */
  full: OptionsMessageKey;
}

export interface RuleListProps {
  rules: Pick<RuleStore, 'max' | 'load' | 'add' | 'remove' | 'changed'>;
  strings: RuleListStrings;
  /** The element ids (the page's labels, descriptions and focus use them). */
  ids: { title: string; help: string; kind: string; value: string };
  sectionClass: string;
  /** A rule in words, in the messages after adding or removing it. */
  describe: (rule: Pick<WatchRule, 'kind' | 'label'>) => string;
}

/** A list of rules in storage.sync (the watchlist, the muted rules): what is stored, a form to add one, a button to remove each. */
export function RuleListSettings({ rules: store, strings, ids, sectionClass, describe }: RuleListProps) {
  const rules = useSignal<WatchRule[]>([]);
  const kind = useSignal<WatchKind>('keyword');
  const value = useSignal('');
  const message = useSignal<Message>(undefined);

  useEffect(() => {
    void store.load().then((loaded) => (rules.value = loaded));
    // Another device (or the background) changed it: show what is stored.
    return store.changed((loaded) => (rules.value = loaded));
  }, [store]);

  const addError = (reason: 'empty' | 'tooLong' | 'duplicate' | 'full' | 'quota', label: string, detail?: string): string => {
    switch (reason) {
      case 'empty':
        return t('watchErrorEmpty');
      case 'tooLong':
        return t('watchErrorTooLong', { n: MAX_RULE_LENGTH });
      case 'duplicate':
        return t(strings.duplicate, { rule: label });
      case 'full':
        return t(strings.full, { n: store.max });
      case 'quota':
        return t('watchErrorQuota', { reason: detail ?? '' });
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const label = value.value.trim();
    const result = await store.add(kind.value, value.value);
    if (!result.ok) {
      message.value = { tone: 'error', text: addError(result.reason, label, result.detail) };
      return;
    }
    rules.value = await store.load();
    value.value = '';
    message.value = { tone: 'ok', text: t(strings.added, { rule: describe(result.rule) }) };
  };

  const remove = async (rule: WatchRule) => {
    await store.remove(rule);
    rules.value = await store.load();
    message.value = { tone: 'ok', text: t(strings.removed, { rule: describe(rule) }) };
    // The button that had focus is gone: keep the keyboard user in the list's form.
    document.getElementById(ids.value)?.focus();
  };

  const full = rules.value.length >= store.max;
  return (
    <section class={sectionClass} aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t(strings.title)}</h2>
      <p class="help" id={ids.help}>
        {t(strings.help)}
      </p>
      {rules.value.length === 0 ? (
        <p>{t(strings.empty)}</p>
      ) : (
        <ul class="watchlist" aria-labelledby={ids.title}>
          {rules.value.map((rule) => (
            <li key={`${rule.kind}:${rule.value}`}>
              <span>
                {t(RULE_KIND_LABEL[rule.kind])}: <bdi>{rule.label}</bdi>
              </span>
              <button type="button" class="chip-button" onClick={() => void remove(rule)} aria-label={t(strings.remove, { rule: rule.label })}>
                {t(strings.remove, { rule: '' }).trim()}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class={`help${full ? ' form-message error' : ''}`}>
        {full ? t(strings.full, { n: store.max }) : t('watchCount', { n: rules.value.length, max: store.max })}
      </p>
      <form class="watch-add" onSubmit={(event) => void add(event)} noValidate>
        <div>
          <label for={ids.kind}>{t('watchKindLabel')}</label>
          <select id={ids.kind} value={kind.value} onChange={(event) => (kind.value = event.currentTarget.value as WatchKind)}>
            {WATCH_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(RULE_KIND_LABEL[option])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={ids.value}>{t(strings.valueLabel)}</label>
          <input
            id={ids.value}
            type="text"
            value={value.value}
            maxLength={MAX_RULE_LENGTH * 2}
            aria-describedby={ids.help}
            aria-invalid={message.value?.tone === 'error'}
            onInput={(event) => (value.value = event.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </div>
        <button type="submit" class="button" disabled={full}>
          {t(strings.add)}
        </button>
      </form>
      <p class={`form-message ${message.value?.tone ?? ''}`} role="status">
        {message.value?.text ?? ''}
      </p>
    </section>
  );
}
