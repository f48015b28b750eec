import { browser } from 'wxt/browser';
import { firstPollDelayMinutes, isLateAlarm, nextPollDelayMinutes } from '../sync/schedule';
import { DEFAULT_POLL_MINUTES } from '../settings/defaults';
import type { SyncReason } from '../sync/state';
import type { SyncOutcome } from '../sync/engine';

export const POLL_ALARM = 'poll';
export const RETRY_ALARM = 'retry';
/** While offline, a local look at navigator.onLine (no request) every half minute. */
export const ONLINE_CHECK_ALARM = 'online-check';
const ONLINE_CHECK_MINUTES = 0.5;

/**
 * When the background syncs on its own: the poll alarm (one-shot, re-armed with jitter after
 * every poll), the retry alarm after a failure, and the online check while offline.
 */
export interface PollAlarms {
  /** Arms the next poll if none is armed (first run, or the browser dropped it). */
  ensurePollAlarm(): Promise<void>;
  /** The poll alarm fired: sync, then arm the next one whatever happened. A late alarm only arms the first poll. */
  poll(scheduledTime?: number): Promise<SyncOutcome | undefined>;
  /** The retry alarm fired; late (at browser start), it leaves the retry to the first poll. */
  retry(scheduledTime?: number): Promise<SyncOutcome | undefined>;
  /** The browser started: a poll alarm that came due while it was closed is re-armed with jitter. */
  rearmAtStartup(): Promise<void>;
  /** The interval setting changed: the schedule starts again from it. */
  rescheduleForSetting(): Promise<void>;
  /** The network may be back: sync at once if the last failure was being offline. */
  checkOnline(isOnline?: () => boolean): Promise<void>;
  /** A sync ran: after a failure, the retry and online-check alarms it calls for; after a success, none. */
  afterSync(outcome: SyncOutcome): Promise<void>;
}

export interface PollAlarmDeps {
  /** Runs a sync, or joins the one running. */
  sync: (reason: SyncReason) => Promise<SyncOutcome>;
  pollMinutes?: () => Promise<number>;
  now?: () => number;
  random?: () => number;
}

export function createPollAlarms(deps: PollAlarmDeps): PollAlarms {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const pollPeriod = async () => (await deps.pollMinutes?.()) ?? DEFAULT_POLL_MINUTES;

  /** "Manual only" arms nothing. */
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

  return {
    ensurePollAlarm,
    async poll(scheduledTime = now()) {
      if (isLateAlarm(scheduledTime, now())) return void (await armFirstPoll());
      let outcome: SyncOutcome | undefined;
      try {
        outcome = await deps.sync('alarm');
        return outcome;
      } finally {
        await rearmPoll(outcome);
      }
    },
    async retry(scheduledTime = now()) {
      if (isLateAlarm(scheduledTime, now())) return void (await armFirstPoll());
      return deps.sync('alarm');
    },
    async rearmAtStartup() {
      const poll = await browser.alarms.get(POLL_ALARM);
      if (!poll || poll.scheduledTime <= now()) await armFirstPoll();
    },
    async rescheduleForSetting() {
      await browser.alarms.clear(POLL_ALARM);
      await ensurePollAlarm();
    },
    async checkOnline(isOnline = () => globalThis.navigator?.onLine !== false) {
      if (!isOnline()) return;
      await browser.alarms.clear(ONLINE_CHECK_ALARM);
      await deps.sync('online');
    },
    /** Retry when the backoff or rate limit allows, if that is before the next poll. */
    async afterSync(outcome) {
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
    },
  };
}
