import { createAlerts, type AlertDeps } from '../alerts/service';
import type { BadgeMode } from '../settings/defaults';
import { broadcast } from '../protocol/messages';
import { addDays, utcDay } from '../core/dates';
import { pruneBefore } from '../store/retention';
import { DEFAULT_RETENTION_DAYS } from '../settings/defaults';
import { createSyncEngine, type SyncDeps } from '../sync/engine';
import { createViewFetcher } from '../sync/view-fetch';
import { createLinkedReposFetcher } from '../sync/linked-repos';
import type { SavedSync } from '../saved/follow';
import { createPollAlarms, type PollAlarms } from './poll-alarms';
import { createToolbarBadge } from './toolbar-badge';
import { createSyncRunner, type SyncRunner } from './sync-runner';
import { createPageRequests, type PageRequests } from './requests';

/**
 * What the background does, behind the listeners it wires: sync (one at a time), keep the
 * badge true to the stored state, tell open pages, keep the poll alarm armed, and answer the
 * pages' requests.
 */
export interface PaperboyService extends SyncRunner, Omit<PollAlarms, 'rearmAtStartup' | 'afterSync'>, PageRequests {
  refreshBadge(): Promise<void>;
  /** onStartup: overdue alarms re-armed, the badge shown. */
  startup(): Promise<void>;
  /**
   * A permission was granted or removed: the badge follows; a grant of host access (the
   * mirror's, asked for on the settings page) syncs at once.
   */
  permissionsChanged(added: { origins?: string[] } | undefined): Promise<void>;
  /** The watchlist or the muted rules changed (here or on another device): marks, badge and open pages follow. */
  watchlistChanged(): Promise<void>;
  /** Arms (or sends, when missed) the daily digest; never throws. */
  scheduleDigest(): Promise<void>;
  /** The digest alarm fired; never throws. */
  sendDigest(): Promise<void>;
}

export interface ServiceDeps extends Omit<SyncDeps, 'onStart'> {
  pollMinutes?: () => Promise<number>;
  retentionDays?: () => Promise<number>;
  /** Resolves once the Language setting is applied, so that the badge tooltip is in the user's language. */
  localeReady?: () => Promise<unknown>;
  badgeMode?: () => Promise<BadgeMode>;
  /** Notifications, the rising threshold, the digest time, the watchlist (lib/alerts/service.ts). */
  alerts?: Omit<AlertDeps, 'db' | 'now'>;
  /** Saved marks follow the user through storage.sync (lib/saved/follow.ts). */
  followSaved?: Pick<SavedSync, 'local' | 'afterBulkWrite'>;
}

/** The background's parts, put together: each part's job is in its own file. */
export function createPaperboyService(deps: ServiceDeps): PaperboyService {
  const now = deps.now ?? Date.now;
  const engine = createSyncEngine({ ...deps, onStart: () => void broadcast({ type: 'syncStarted' }) });
  const alerts = createAlerts({ ...deps.alerts, db: deps.db, now });

  /** The source's origin when it may not be read (a mirror not granted on this device). */
  async function sourceNeedingAccess(): Promise<string | undefined> {
    if (!deps.mayRead) return undefined;
    const source = await deps.source();
    return (await deps.mayRead(source)) ? undefined : new URL(source).origin;
  }

  /** Alerts must never break a sync or a fetch: a failure there is logged and the caller still reports. */
  async function afterStore(since: number, notify: boolean): Promise<void> {
    try {
      await alerts.afterStore(since, { notify });
    } catch (error) {
      console.warn('Paperboy: alerts failed', error);
    }
  }

  /** Retention: days older than the setting go (saved papers stay). */
  async function prune(): Promise<void> {
    const days = (await deps.retentionDays?.()) ?? DEFAULT_RETENTION_DAYS;
    await pruneBefore(await deps.db(), addDays(utcDay(now()), -days));
  }

  const badge = createToolbarBadge({
    db: deps.db,
    now,
    syncState: engine.currentState,
    watchUnseen: alerts.watchUnseen,
    mutedUnseen: alerts.mutedUnseen,
    accessNeeded: sourceNeedingAccess,
    localeReady: deps.localeReady,
    badgeMode: deps.badgeMode,
  });
  const alarms = createPollAlarms({ ...deps, now, sync: (reason) => runner.sync(reason) });
  const runner = createSyncRunner({
    now,
    run: engine.sync,
    afterStore,
    scheduleAfter: alarms.afterSync,
    prune,
    refreshBadge: badge.refresh,
  });
  const requests = createPageRequests({
    ...deps,
    now,
    views: createViewFetcher(deps),
    linked: createLinkedReposFetcher(deps),
    afterStore,
    refreshBadge: badge.refresh,
  });

  return {
    ...requests,
    sync: runner.sync,
    ensurePollAlarm: alarms.ensurePollAlarm,
    poll: alarms.poll,
    retry: alarms.retry,
    rescheduleForSetting: alarms.rescheduleForSetting,
    checkOnline: alarms.checkOnline,
    refreshBadge: badge.refresh,
    async startup() {
      await alarms.rearmAtStartup();
      await badge.refresh();
    },
    async permissionsChanged(added) {
      await badge.refresh();
      if (added?.origins?.length && (await sourceNeedingAccess()) === undefined) await runner.sync('manual');
    },
    async watchlistChanged() {
      await alerts.remarkAll();
      await badge.refresh();
      await broadcast({ type: 'marksChanged' });
    },
    scheduleDigest: () => alerts.scheduleDigest().catch((error: unknown) => console.warn('Paperboy: digest alarm', error)),
    sendDigest: () => alerts.sendDigest().catch((error: unknown) => console.warn('Paperboy: digest failed', error)),
  };
}
