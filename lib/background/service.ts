import { browser } from 'wxt/browser';
import { createAlerts, type AlertDeps } from '../alerts/service';
import { badgeFor, type BadgeMode } from './badge';
import { countPapers, countUnseen, getListingSummaries, latestListedDay } from '../store/reads';
import { markSeen, setRead, setSaved } from '../store/writes';
import type { PaperboyDb } from '../store/schema';
import { broadcast, type ImportOutcome } from '../protocol/messages';
import { firstPollDelayMinutes, isLateAlarm, nextPollDelayMinutes } from '../sync/schedule';
import { addDays, utcDay } from '../core/dates';
import { pruneBefore } from '../store/retention';
import { DEFAULT_POLL_MINUTES, DEFAULT_RETENTION_DAYS } from '../settings/items';
import { EMPTY_SYNC_STATE, type SyncReason } from '../sync/state';
import { createSyncEngine, readSyncState, type SyncDeps, type SyncOutcome } from '../sync/engine';
import { createViewFetcher } from '../sync/view-fetch';
import { applyMarks, importPapers } from '../saved/store';
import { toSeconds } from '../saved/merge';
import type { SavedSync } from '../saved/follow';
import type { ImportParse } from '../transfer/import';

/** A checked export (lib/transfer/import.ts): what an import request carries. */
export type ImportData = Omit<Extract<ImportParse, { ok: true }>, 'ok'>;

export const POLL_ALARM = 'poll';
export const RETRY_ALARM = 'retry';
/** While offline, a local look at navigator.onLine (no request) every half minute. */
export const ONLINE_CHECK_ALARM = 'online-check';
const ONLINE_CHECK_MINUTES = 0.5;

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

/**
 * What the background does, behind the listeners it wires: sync (one at a time), keep the
 * badge true to the stored state, tell open pages, and keep the poll alarm armed.
 */
export function createPaperboyService(deps: ServiceDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const engine = createSyncEngine({ ...deps, onStart: () => void broadcast({ type: 'syncStarted' }) });
  const views = createViewFetcher(deps);
  const alerts = createAlerts({ ...deps.alerts, db: deps.db, now });
  let running: Promise<SyncOutcome> | undefined;
  let queued: Promise<SyncOutcome> | undefined;

  /** The source's origin when it may not be read (a mirror not granted on this device). */
  async function sourceNeedingAccess(): Promise<string | undefined> {
    if (!deps.mayRead) return undefined;
    const source = await deps.source();
    return (await deps.mayRead(source)) ? undefined : new URL(source).origin;
  }

  async function refreshBadge(): Promise<void> {
    await deps.localeReady?.();
    const mode = (await deps.badgeMode?.().catch(() => undefined)) ?? 'new';
    let view;
    try {
      const db: PaperboyDb = await deps.db();
      const [unseen, sync, papers, watchUnseen, unreadToday] = await Promise.all([
        countUnseen(db),
        readSyncState(db),
        countPapers(db),
        mode === 'off' ? 0 : alerts.watchUnseen(db),
        mode === 'unread' ? countUnreadToday(db) : 0,
      ]);
      const accessNeeded = await sourceNeedingAccess();
      view = badgeFor({ unseen, sync: engine.currentState(sync), now: now(), hasPapers: papers > 0, mode, watchUnseen, unreadToday, accessNeeded });
    } catch {
      // The database cannot even be read (disk full, corrupt profile): the badge still says so.
      view = badgeFor({ unseen: 0, sync: engine.currentState(EMPTY_SYNC_STATE), now: now(), hasPapers: false, mode });
    }
    // Chrome MV3 has `action`; Firefox's MV2 build only `browserAction`, with the same calls.
    const toolbar = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await Promise.all([
      toolbar.setBadgeText({ text: view.text }),
      toolbar.setBadgeBackgroundColor({ color: view.color }),
      toolbar.setTitle({ title: view.title }),
    ]);
  }

  const pollPeriod = async () => (await deps.pollMinutes?.()) ?? DEFAULT_POLL_MINUTES;

  /**
   * Arms the next poll if none is armed (first run, or the browser dropped it): a one-shot
   * alarm, re-armed with fresh jitter after every poll. "Manual only" arms nothing.
   */
  async function ensurePollAlarm(): Promise<void> {
    const period = await pollPeriod();
    if (period <= 0) {
      await browser.alarms.clear(POLL_ALARM);
      return;
    }
    if (await browser.alarms.get(POLL_ALARM)) return;
    browser.alarms.create(POLL_ALARM, { delayInMinutes: firstPollDelayMinutes(period, random, now()) });
  }

  /**
   * The browser started (or woke) with alarms overdue: instead of every install polling the
   * moment its browser starts in the morning, the first poll lands anywhere in the first
   * period; a pending retry waits for it. "Manual only" still arms nothing.
   */
  async function armFirstPoll(): Promise<void> {
    await browser.alarms.clear(RETRY_ALARM);
    const period = await pollPeriod();
    if (period <= 0) await browser.alarms.clear(POLL_ALARM);
    else browser.alarms.create(POLL_ALARM, { delayInMinutes: firstPollDelayMinutes(period, random, now()) });
  }

  /** After a poll, successful or not, the next one: as many periods as it sent requests. */
  async function rearmPoll(outcome: SyncOutcome | undefined): Promise<void> {
    const period = await pollPeriod();
    const requests = outcome?.ran && !outcome.state.error ? (outcome.state.last?.requests ?? 1) : 1;
    if (period <= 0) await browser.alarms.clear(POLL_ALARM);
    else browser.alarms.create(POLL_ALARM, { delayInMinutes: nextPollDelayMinutes(period, random, now(), requests) });
  }

  /** After a failure, retry when the backoff or rate limit allows, if that is before the next poll. */
  async function scheduleRetry(outcome: SyncOutcome): Promise<void> {
    const { notBefore, error } = outcome.state;
    // The 'online' event does not always reach a worker: watch for the network locally too.
    if (error?.kind === 'offline') browser.alarms.create(ONLINE_CHECK_ALARM, { periodInMinutes: ONLINE_CHECK_MINUTES });
    else await browser.alarms.clear(ONLINE_CHECK_ALARM);
    if (!error || notBefore === undefined) {
      await browser.alarms.clear(RETRY_ALARM);
      return;
    }
    const poll = await browser.alarms.get(POLL_ALARM);
    if (!poll || notBefore < poll.scheduledTime) browser.alarms.create(RETRY_ALARM, { when: notBefore });
  }

  /** Retention: after a good sync, days older than the setting go (saved papers stay). */
  async function applyRetention(): Promise<void> {
    const days = (await deps.retentionDays?.()) ?? DEFAULT_RETENTION_DAYS;
    await pruneBefore(await deps.db(), addDays(utcDay(now()), -days));
  }

  /** Alerts must never break a sync: a failure there is logged and the sync still reports. */
  async function afterStore(since: number, notify: boolean): Promise<void> {
    try {
      await alerts.afterStore(since, { notify });
    } catch (error) {
      console.warn('Paperboy: alerts failed', error);
    }
  }

  async function syncAndReport(reason: SyncReason): Promise<SyncOutcome> {
    const since = now();
    const outcome = await engine.sync(reason);
    if (outcome.ran) await afterStore(since, true);
    if (outcome.ran) await scheduleRetry(outcome);
    // Retention can wait for the next good sync; failing it must not hide this sync's outcome.
    if (outcome.ran && !outcome.state.error) await applyRetention().catch(() => undefined);
    await refreshBadge();
    await broadcast({ type: 'syncFinished', outcome });
    return outcome;
  }

  function start(reason: SyncReason): Promise<SyncOutcome> {
    running = syncAndReport(reason).finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    refreshBadge,
    ensurePollAlarm,
    /** The poll alarm fired: sync, then arm the next one whatever happened. A late alarm only arms the first poll. */
    async poll(scheduledTime: number = now()): Promise<SyncOutcome | undefined> {
      if (isLateAlarm(scheduledTime, now())) return void (await armFirstPoll());
      let outcome: SyncOutcome | undefined;
      try {
        outcome = await this.sync('alarm');
        return outcome;
      } finally {
        await rearmPoll(outcome);
      }
    },
    /** The retry alarm fired; late (at browser start), it leaves the retry to the first poll. */
    async retry(scheduledTime: number = now()): Promise<SyncOutcome | undefined> {
      if (isLateAlarm(scheduledTime, now())) return void (await armFirstPoll());
      return this.sync('alarm');
    },
    /** onStartup: a poll alarm that came due while the browser was closed is re-armed with jitter. */
    async startup(): Promise<void> {
      const poll = await browser.alarms.get(POLL_ALARM);
      if (!poll || poll.scheduledTime <= now()) await armFirstPoll();
      await refreshBadge();
    },
    /** The interval setting changed: the schedule starts again from it. */
    async rescheduleForSetting(): Promise<void> {
      await browser.alarms.clear(POLL_ALARM);
      await ensurePollAlarm();
    },
    /**
     * Alarm, install, refresh button and settings all land here; concurrent calls share one
     * sync. A new source cannot use a sync already running against the old one: it queues one.
     */
    sync(reason: SyncReason): Promise<SyncOutcome> {
      if (!running) return start(reason);
      if (reason !== 'settings') return running;
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = undefined;
          return running ?? start(reason);
        });
      return queued;
    },
    /**
     * A permission was granted or removed: the badge follows; a grant of host access (the
     * mirror's, asked for on the settings page) syncs at once.
     */
    async permissionsChanged(added: { origins?: string[] } | undefined): Promise<void> {
      await refreshBadge();
      if (added?.origins?.length && (await sourceNeedingAccess()) === undefined) await this.sync('manual');
    },
    /** The network may be back: sync at once if the last failure was being offline. */
    async checkOnline(isOnline: () => boolean = () => globalThis.navigator?.onLine !== false): Promise<void> {
      if (!isOnline()) return;
      await browser.alarms.clear(ONLINE_CHECK_ALARM);
      await this.sync('online');
    },
    async markSeen(ids: string[]): Promise<{ unseen: number }> {
      const db = await deps.db();
      if ((await markSeen(db, ids)) > 0) {
        await refreshBadge();
        await broadcast({ type: 'marksChanged' });
      }
      return { unseen: await countUnseen(db) };
    },
    async markRead(ids: string[], read: boolean): Promise<{ changed: string[] }> {
      const changed = await setRead(await deps.db(), ids, read, now());
      if (changed.length > 0) {
        await refreshBadge(); // reading a new paper also makes it seen
        await broadcast({ type: 'marksChanged' });
      }
      return { changed };
    },
    async setSaved(id: string, saved: boolean): Promise<{ changed: boolean }> {
      const db = await deps.db();
      const write = () => setSaved(db, id, saved, now());
      const changed = deps.followSaved ? await deps.followSaved.local(id, saved, write) : await write();
      if (changed) await broadcast({ type: 'marksChanged' });
      return { changed };
    },
    async fetchView(...args: Parameters<typeof views.fetchView>) {
      const since = now();
      const result = await views.fetchView(...args);
      // The user asked for this view: its papers are marked, not announced.
      if (result.status === 'fetched') await afterStore(since, false);
      return result;
    },
    async searchRemote(...args: Parameters<typeof views.search>) {
      const since = now();
      const result = await views.search(...args);
      if (result.ids.length > 0) await afterStore(since, false);
      return result;
    },
    /** The watchlist changed (here or on another device): marks, badge and open pages follow. */
    async watchlistChanged(): Promise<void> {
      await alerts.remarkAll();
      await refreshBadge();
      await broadcast({ type: 'marksChanged' });
    },
    scheduleDigest: () => alerts.scheduleDigest().catch((error: unknown) => console.warn('Paperboy: digest alarm', error)),
    sendDigest: () => alerts.sendDigest().catch((error: unknown) => console.warn('Paperboy: digest failed', error)),
    /** Merges a JSON export, already checked whole by the page that read it (lib/transfer/import.ts). */
    async importData(parsed: ImportData): Promise<ImportOutcome> {
      const db = await deps.db();
      const write = async () => {
        const { newlySaved = [], ...counts } = await importPapers(db, parsed.papers, now());
        const marks = Object.fromEntries(parsed.savedIds.map((saved) => [saved.id, Math.max(1, toSeconds(saved.savedAt))]));
        const stubs = (await applyMarks(db, marks)).changed;
        return { counts: { ...counts, saved: counts.saved + stubs.length }, savedIds: [...newlySaved, ...stubs] };
      };
      // Saving by import is the user's action now: it is published as a fresh save.
      const { counts } = deps.followSaved ? await deps.followSaved.afterBulkWrite(write) : await write();
      await refreshBadge();
      await broadcast({ type: 'marksChanged' });
      return { ok: true, ...counts };
    },
  };
}

/** Unread papers of today's list: the latest listing day, as the reader's Today view shows it. */
async function countUnreadToday(db: PaperboyDb): Promise<number> {
  const day = await latestListedDay(db);
  if (!day) return 0;
  // The day's ready-made view: one small read, no abstracts.
  const { summaries } = await getListingSummaries(db, `day:${day}`);
  return summaries.filter((paper) => paper.readAt === undefined).length;
}

export type PaperboyService = ReturnType<typeof createPaperboyService>;
