import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { RULE_KIND_LABEL, t } from '@/lib/i18n/options';
import { MAX_RULE_LENGTH, WATCH_KINDS, type WatchKind, type WatchRule } from '@/lib/alerts/watchlist';
import { MAX_MUTE_RULES, addMuteRule, loadMuteRules, muteRulesChanged, removeMuteRule } from '@/lib/alerts/mute-store';
import type { AddRuleResult } from '@/lib/alerts/rule-store';

type Message = { tone: 'ok' | 'error'; text: string } | undefined;

const ruleText = (rule: Pick<WatchRule, 'kind' | 'label'>) => `${t(RULE_KIND_LABEL[rule.kind])}: ${rule.label}`;

function addError(result: Exclude<AddRuleResult, { ok: true }>, label: string): string {
  switch (result.reason) {
    case 'empty':
      return t('watchErrorEmpty');
    case 'tooLong':
      return t('watchErrorTooLong', { n: MAX_RULE_LENGTH });
    case 'duplicate':
      return t('muteErrorDuplicate', { rule: label });
    case 'full':
      return t('muteErrorFull', { n: MAX_MUTE_RULES });
    case 'quota':
      return t('watchErrorQuota', { reason: result.detail ?? '' });
  }
}

/**
 * Muted words, authors and organisations (lib/alerts/mute-store.ts), beside the watchlist: their
 * papers are hidden from every list, the badge and notifications. Rules match as the watchlist's.
 */
export function MuteSettings() {
  const rules = useSignal<WatchRule[]>([]);
  const kind = useSignal<WatchKind>('keyword');
  const value = useSignal('');
  const message = useSignal<Message>(undefined);

  useEffect(() => {
    void loadMuteRules().then((loaded) => (rules.value = loaded));
    // Another device changed it: show what is stored.
    return muteRulesChanged((loaded) => (rules.value = loaded));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    const label = value.value.trim();
    const result = await addMuteRule(kind.value, value.value);
    if (!result.ok) {
      message.value = { tone: 'error', text: addError(result, label) };
      return;
    }
    rules.value = await loadMuteRules();
    value.value = '';
    message.value = { tone: 'ok', text: t('muteAdded', { rule: ruleText(result.rule) }) };
  };

  const remove = async (rule: WatchRule) => {
    await removeMuteRule(rule);
    rules.value = await loadMuteRules();
    message.value = { tone: 'ok', text: t('muteRemoved', { rule: ruleText(rule) }) };
    // The button that had focus is gone: keep the keyboard user in the list's form.
    document.getElementById('mute-value')?.focus();
  };

  const full = rules.value.length >= MAX_MUTE_RULES;
  return (
    <section class="watchlist-section mute-section" aria-labelledby="mute-title">
      <h2 id="mute-title">{t('muteTitle')}</h2>
      <p class="help" id="mute-help">
        {t('muteHelp')}
      </p>
      {rules.value.length === 0 ? (
        <p>{t('muteEmpty')}</p>
      ) : (
        <ul class="watchlist" aria-labelledby="mute-title">
          {rules.value.map((rule) => (
            <li key={`${rule.kind}:${rule.value}`}>
              <span>
                {t(RULE_KIND_LABEL[rule.kind])}: <bdi>{rule.label}</bdi>
              </span>
              <button type="button" class="chip-button" onClick={() => void remove(rule)} aria-label={t('muteRemove', { rule: rule.label })}>
                {t('muteRemove', { rule: '' }).trim()}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class={`help${full ? ' form-message error' : ''}`}>
        {full ? t('muteErrorFull', { n: MAX_MUTE_RULES }) : t('watchCount', { n: rules.value.length, max: MAX_MUTE_RULES })}
      </p>
      <form class="watch-add" onSubmit={(event) => void add(event)} noValidate>
        <div>
          <label for="mute-kind">{t('watchKindLabel')}</label>
          <select id="mute-kind" value={kind.value} onChange={(event) => (kind.value = event.currentTarget.value as WatchKind)}>
            {WATCH_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(RULE_KIND_LABEL[option])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="mute-value">{t('muteValueLabel')}</label>
          <input
            id="mute-value"
            type="text"
            value={value.value}
            maxLength={MAX_RULE_LENGTH * 2}
            aria-describedby="mute-help"
            aria-invalid={message.value?.tone === 'error'}
            onInput={(event) => (value.value = event.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </div>
        <button type="submit" class="button" disabled={full}>
          {t('muteAdd')}
        </button>
      </form>
      <p class={`form-message ${message.value?.tone ?? ''}`} role="status">
        {message.value?.text ?? ''}
      </p>
    </section>
  );
}
