import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { fillMissingHeads } from '@/lib/store/derived';
import { buildSearchIndex } from '@/lib/store/postings';
import { getDb } from '@/lib/store/connection';
import { handleCommand } from '@/lib/background/commands';
import { followLanguage } from '@/lib/i18n/language';
import { broadcast, handleRequests } from '@/lib/protocol/messages';
import { requestGuard } from '@/lib/protocol/request-check';
import { DIGEST_ALARM, openNotification } from '@/lib/alerts/service';
import { createSavedSync } from '@/lib/saved/follow';
import { createPaperboyService } from '@/lib/background/service';
import { ONLINE_CHECK_ALARM, POLL_ALARM, RETRY_ALARM } from '@/lib/background/poll-alarms';
import { requestHandlers } from '@/lib/background/requests';
import {
  BADGE_MODE_RULE,
  DIGEST_TIME_RULE,
  NOTIFICATIONS_RULE,
  POLL_RULE,
  RETENTION_RULE,
  RISING_RULE,
  SOURCE_RULE,
  badgeModeSetting,
  digestTimeSetting,
  notificationsSetting,
  pollMinutesSetting,
  readSetting,
  sourceSetting,
} from '@/lib/settings/items';
import { maySyncFrom, releaseSourceAccess } from '@/lib/settings/source-access';
import { watchRulesChanged } from '@/lib/alerts/watchlist-store';
import { muteRulesChanged } from '@/lib/alerts/mute-store';

// Wiring only: every listener is registered synchronously so a woken worker gets its event.
export default defineBackground({
  // Firefox's MV2 build: an event page that sleeps like Chrome's service worker.
  persistent: false,
  main() {
    const savedSync = createSavedSync({
      db: getDb,
      source: () => readSetting(SOURCE_RULE),
      onChanged: () => broadcast({ type: 'marksChanged' }),
    });
    const service = createPaperboyService({
      followSaved: savedSync,
      db: getDb,
      // Each setting is checked where it is read: another device or version may have stored anything.
      source: () => readSetting(SOURCE_RULE),
      mayRead: maySyncFrom,
      pollMinutes: () => readSetting(POLL_RULE),
      retentionDays: () => readSetting(RETENTION_RULE),
      localeReady: () => language.ready,
      badgeMode: () => readSetting(BADGE_MODE_RULE),
      alerts: {
        notificationsOn: () => readSetting(NOTIFICATIONS_RULE),
        risingThreshold: () => readSetting(RISING_RULE),
        digestTime: () => readSetting(DIGEST_TIME_RULE),
      },
    });
    // The badge tooltip speaks the chosen language, and is rewritten as soon as it changes.
    const language = followLanguage(() => void service.refreshBadge());

    // Papers stored before the search index existed are indexed once, in slices; a worker stopped midway resumes here.
    void getDb()
      .then((db) => buildSearchIndex(db))
      .catch(() => undefined);

    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void service.sync('install');
      else void service.refreshBadge();
      // An update may have upgraded the database to v4: give the stored weeks and months their heads.
      if (reason === 'update')
        void getDb()
          .then(fillMissingHeads)
          .catch(() => undefined);
      void savedSync.reconcile();
    });
    browser.runtime.onStartup.addListener(() => {
      void service.startup();
      void savedSync.reconcile();
    });
    // Saved papers changed on another device (or this one's own write coming back).
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync') void savedSync.applyRemote(changes);
    });
    browser.commands?.onCommand.addListener((command, tab) => void handleCommand(command, tab));
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === POLL_ALARM) void service.poll(alarm.scheduledTime);
      if (alarm.name === RETRY_ALARM) void service.retry(alarm.scheduledTime);
      if (alarm.name === ONLINE_CHECK_ALARM) void service.checkOnline();
      if (alarm.name === DIGEST_ALARM) void service.sendDigest();
    });
    // Chrome defines `notifications` only while the optional permission is granted; a worker
    // started before the grant registers the listener when it comes.
    const listenToClicks = () => {
      const notifications = (browser as { notifications?: typeof browser.notifications }).notifications;
      if (notifications && !notifications.onClicked.hasListener(openNotification)) notifications.onClicked.addListener(openNotification);
    };
    listenToClicks();
    browser.permissions?.onAdded?.addListener(listenToClicks);
    // A mirror's host permission granted (on the settings page) or removed (in the browser).
    browser.permissions?.onAdded?.addListener((added) => void service.permissionsChanged(added));
    browser.permissions?.onRemoved?.addListener(() => void service.permissionsChanged(undefined));
    handleRequests(requestHandlers(service), requestGuard);

    pollMinutesSetting.watch(() => void service.rescheduleForSetting());
    // Here or on another device: the old mirror's permission is given back.
    sourceSetting.watch((next, previous) => void releaseSourceAccess(previous, next));
    badgeModeSetting.watch(() => void service.refreshBadge());
    notificationsSetting.watch(() => void service.scheduleDigest());
    digestTimeSetting.watch(() => void service.scheduleDigest());
    watchRulesChanged(() => void service.watchlistChanged());
    muteRulesChanged(() => void service.watchlistChanged());

    // The network came back after an offline failure: sync now, not at the next alarm.
    globalThis.addEventListener?.('online', () => void service.checkOnline());

    void service.ensurePollAlarm();
    // A one-shot alarm at a wall-clock time: armed again at every start (the zone may have changed).
    void service.scheduleDigest();
  },
});
