import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BADGE_MODES } from '@/lib/settings/defaults';
import { parseTimeOfDay } from '@/lib/alerts/digest';
import { RULE_KIND_LABEL, t } from '@/lib/i18n/options';
import { watchMarkText } from '@/lib/i18n/ui';
import { RISING_CHOICES } from '@/lib/alerts/rising';
import { BADGE_MODE_RULE, DIGEST_TIME_RULE, NOTIFICATIONS_RULE, RISING_RULE, digestTimeSetting, notificationsSetting, readSetting } from '@/lib/settings/items';
import { SelectSetting, ruledAccess } from './SelectSetting';
import { MAX_RULE_LENGTH, WATCH_KINDS, type WatchKind, type WatchRule } from '@/lib/alerts/watchlist';
import { MAX_WATCH_RULES, addWatchRule, loadWatchRules, removeWatchRule, watchRulesChanged, type AddRuleResult } from '@/lib/alerts/watchlist-store';

const NOTIFICATIONS: Parameters<typeof browser.permissions.request>[0] = { permissions: ['notifications'] };

export interface AlertsDeps {
  /** Must be called synchronously in the click: browsers only ask from a user gesture. */
  requestNotifications?: () => Promise<boolean>;
  removeNotifications?: () => Promise<boolean>;
  hasNotifications?: () => Promise<boolean>;
}

const BADGE_MODE_LABEL = { new: 'badgeModeNew', unread: 'badgeModeUnread', off: 'badgeModeOff' } as const;

type Message = { tone: 'ok' | 'error'; text: string } | undefined;

function addError(result: Exclude<AddRuleResult, { ok: true }>, label: string): string {
  switch (result.reason) {
    case 'empty':
      return t('watchErrorEmpty');
    case 'tooLong':
      return t('watchErrorTooLong', { n: MAX_RULE_LENGTH });
    case 'duplicate':
      return t('watchErrorDuplicate', { rule: label });
    case 'full':
      return t('watchErrorFull', { n: MAX_WATCH_RULES });
    case 'quota':
      return t('watchErrorQuota', { reason: result.detail ?? '' });
  }
}

function Watchlist() {
  const rules = useSignal<WatchRule[]>([]);
  const kind = useSignal<WatchKind>('keyword');
  const value = useSignal('');
  const message = useSignal<Message>(undefined);

  useEffect(() => {
    void loadWatchRules().then((loaded) => (rules.value = loaded));
    // Another device (or the background) changed it: show what is stored.
    return watchRulesChanged((loaded) => (rules.value = loaded));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    const label = value.value.trim();
    const result = await addWatchRule(kind.value, value.value);
    if (!result.ok) {
      message.value = { tone: 'error', text: addError(result, label) };
      return;
    }
    rules.value = await loadWatchRules();
    value.value = '';
    message.value = { tone: 'ok', text: t('watchAdded', { rule: watchMarkText(result.rule) }) };
  };

  const remove = async (rule: WatchRule) => {
    await removeWatchRule(rule);
    rules.value = await loadWatchRules();
    message.value = { tone: 'ok', text: t('watchRemoved', { rule: watchMarkText(rule) }) };
    // The button that had focus is gone: keep the keyboard user in the list's form.
    document.getElementById('watch-value')?.focus();
  };

  const full = rules.value.length >= MAX_WATCH_RULES;
  return (
    <section class="watchlist-section" aria-labelledby="watchlist-title">
      <h2 id="watchlist-title">{t('watchlistTitle')}</h2>
      <p class="help" id="watchlist-help">
        {t('watchlistHelp')}
      </p>
      {rules.value.length === 0 ? (
        <p>{t('watchEmpty')}</p>
      ) : (
        <ul class="watchlist" aria-labelledby="watchlist-title">
          {rules.value.map((rule) => (
            <li key={`${rule.kind}:${rule.value}`}>
              <span>
                {t(RULE_KIND_LABEL[rule.kind])}: <bdi>{rule.label}</bdi>
              </span>
              <button type="button" class="chip-button" onClick={() => void remove(rule)} aria-label={t('watchRemove', { rule: rule.label })}>
                {t('watchRemove', { rule: '' }).trim()}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class={`help${full ? ' form-message error' : ''}`}>
        {full ? t('watchErrorFull', { n: MAX_WATCH_RULES }) : t('watchCount', { n: rules.value.length, max: MAX_WATCH_RULES })}
      </p>
      <form class="watch-add" onSubmit={(event) => void add(event)} noValidate>
        <div>
          <label for="watch-kind">{t('watchKindLabel')}</label>
          <select id="watch-kind" value={kind.value} onChange={(event) => (kind.value = event.currentTarget.value as WatchKind)}>
            {WATCH_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(RULE_KIND_LABEL[option])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="watch-value">{t('watchValueLabel')}</label>
          <input
            id="watch-value"
            type="text"
            value={value.value}
            maxLength={MAX_RULE_LENGTH * 2}
            aria-describedby="watchlist-help"
            aria-invalid={message.value?.tone === 'error'}
            onInput={(event) => (value.value = event.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </div>
        <button type="submit" class="button" disabled={full}>
          {t('watchAdd')}
        </button>
      </form>
      <p class={`form-message ${message.value?.tone ?? ''}`} role="status">
        {message.value?.text ?? ''}
      </p>
    </section>
  );
}

/** Badge mode, notifications (opt-in, with the optional permission), rising threshold, digest time and the watchlist. */
export function AlertsSettings({
  requestNotifications = () => browser.permissions.request(NOTIFICATIONS),
  removeNotifications = () => browser.permissions.remove(NOTIFICATIONS),
  hasNotifications = () => browser.permissions.contains(NOTIFICATIONS),
}: AlertsDeps) {
  const notify = useSignal(false);
  const digest = useSignal('');
  const notifyMessage = useSignal<Message>(undefined);
  const digestMessage = useSignal<Message>(undefined);

  useEffect(() => {
    // As the background uses it: a value the rule refuses shows as its default.
    void readSetting(DIGEST_TIME_RULE).then((value) => (digest.value = value));
    // On only while the permission is still granted (the user can revoke it in the browser).
    void Promise.all([
      notificationsSetting.getValue(),
      Promise.resolve()
        .then(hasNotifications)
        .catch(() => false),
    ]).then(([on, granted]) => (notify.value = (NOTIFICATIONS_RULE.check(on) ?? false) && granted));
  }, []);

  const toggleNotifications = (on: boolean) => {
    // The request comes first, in the click itself: a browser asks only from a user gesture.
    const asked = on ? requestNotifications() : removeNotifications();
    void asked
      .catch(() => false)
      .then(async (granted) => {
        const enabled = on && granted;
        notify.value = enabled;
        await notificationsSetting.setValue(enabled);
        notifyMessage.value =
          on && !granted ? { tone: 'error', text: t('notificationsDenied') } : { tone: 'ok', text: t(enabled ? 'notificationsOn' : 'notificationsOff') };
      });
  };

  const saveDigest = async (time: string) => {
    if (time !== '' && parseTimeOfDay(time) === undefined) return;
    digest.value = time;
    await digestTimeSetting.setValue(time);
    digestMessage.value = { tone: 'ok', text: time ? t('digestSaved', { time }) : t('digestCleared') };
  };

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section class="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alertsTitle')}</h2>
      <SelectSetting
        id="badge-mode"
        label={t('badgeModeLabel')}
        help={t('badgeModeHelp')}
        choices={BADGE_MODES.map((value) => ({ value, label: t(BADGE_MODE_LABEL[value]) }))}
        setting={ruledAccess(BADGE_MODE_RULE)}
      />
      <div class="setting">
        <div class="check">
          <input
            id="notifications"
            type="checkbox"
            checked={notify.value}
            aria-describedby="notifications-help"
            onChange={(event) => toggleNotifications(event.currentTarget.checked)}
          />
          <label for="notifications">{t('notificationsLabel')}</label>
        </div>
        <p id="notifications-help" class="help">
          {t('notificationsHelp')}
        </p>
        <p class={`form-message ${notifyMessage.value?.tone ?? ''}`} role="status">
          {notifyMessage.value?.text ?? ''}
        </p>
      </div>
      <SelectSetting
        id="rising"
        label={t('risingLabel')}
        choices={RISING_CHOICES.map((value) => ({ value, label: value === 0 ? t('risingOff') : t('risingUpvotes', { n: value }) }))}
        setting={ruledAccess<number>(RISING_RULE)}
      />
      <div class="setting">
        <label for="digest-time">{t('digestLabel')}</label>
        <input
          id="digest-time"
          type="time"
          value={digest.value}
          aria-describedby="digest-help"
          onChange={(event) => void saveDigest(event.currentTarget.value)}
        />
        <p id="digest-help" class="help">
          {t('digestHelp')} ({zone})
        </p>
        <p class={`form-message ${digestMessage.value?.tone ?? ''}`} role="status">
          {digestMessage.value?.text ?? ''}
        </p>
      </div>
      <Watchlist />
    </section>
  );
}
