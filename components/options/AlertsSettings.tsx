import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BADGE_MODES } from '@/lib/settings/defaults';
import { parseTimeOfDay } from '@/lib/alerts/digest';
import { t } from '@/lib/i18n/options';
import { watchMarkText } from '@/lib/i18n/ui';
import { RISING_CHOICES } from '@/lib/alerts/rising';
import { BADGE_MODE_RULE, DIGEST_TIME_RULE, NOTIFICATIONS_RULE, RISING_RULE, digestTimeSetting, notificationsSetting, readSetting } from '@/lib/settings/items';
import { SelectSetting, ruledAccess } from './SelectSetting';
import { watchlistStore } from '@/lib/alerts/watchlist-store';
import { RuleListSettings, type Message, type RuleListStrings } from './RuleListSettings';

const NOTIFICATIONS: Parameters<typeof browser.permissions.request>[0] = { permissions: ['notifications'] };

export interface AlertsDeps {
  /** Must be called synchronously in the click: browsers only ask from a user gesture. */
  requestNotifications?: () => Promise<boolean>;
  removeNotifications?: () => Promise<boolean>;
  hasNotifications?: () => Promise<boolean>;
}

const BADGE_MODE_LABEL = { new: 'badgeModeNew', unread: 'badgeModeUnread', off: 'badgeModeOff' } as const;

const WATCHLIST_STRINGS: RuleListStrings = {
  title: 'watchlistTitle',
  help: 'watchlistHelp',
  empty: 'watchEmpty',
  valueLabel: 'watchValueLabel',
  add: 'watchAdd',
  added: 'watchAdded',
  removed: 'watchRemoved',
  remove: 'watchRemove',
  duplicate: 'watchErrorDuplicate',
  full: 'watchErrorFull',
};

const WATCHLIST_IDS = { title: 'watchlist-title', help: 'watchlist-help', kind: 'watch-kind', value: 'watch-value' };

function Watchlist() {
  return <RuleListSettings rules={watchlistStore} strings={WATCHLIST_STRINGS} ids={WATCHLIST_IDS} sectionClass="watchlist-section" describe={watchMarkText} />;
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
