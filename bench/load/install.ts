// One install's week, event by event, through the project's own scheduling rules: the poll and
// retry alarms as lib/background/poll-alarms.ts arms them, the sync gate, backoff and rate-limit rules of
// lib/sync/state.ts, and what lib/sync/plan.ts says a sync fetches. Only the browser (alarms,
// sessions) and the source (listing sizes, an outage) are modelled here.

import { PAGE_SIZE } from '../../lib/source/client';
import { utcDay } from '../../lib/core/dates';
import type { ListingKey, SyncState, SyncSummary } from '../../lib/store/records';
import { firstPollDelayMinutes, isLateAlarm, nextPollDelayMinutes } from '../../lib/sync/schedule';
import { listingRequests, planFollowUps, type StoredListing } from '../../lib/sync/plan';
import { EMPTY_SYNC_STATE, isHeldBack, withFailure, withSuccess, type SyncReason } from '../../lib/sync/state';
import { MINUTE, latestListedDay, sizeAt, type Session } from './world';

export interface Source {
  /** The source answers 5xx at this time. */
  failing(time: number): boolean;
  /** Papers listed on `day` as of `time`. */
  size(day: string, time: number): number;
  /** The latest listing day with papers at `time` (the answer without `date`). */
  latestDay(time: number): string;
}

/** What the simulation's world lists (bench/load/world.ts). */
export const worldListings = { size: sizeAt, latestDay: latestListedDay };

export type RequestKind = 'today' | 'previous day' | 'latest day' | 'trending' | 'failed';

export interface Tally {
  /** Adds `count` requests of a kind at `time`. */
  request(time: number, count: number, kind: RequestKind): void;
}

/** Chrome starts the worker and fires overdue alarms a moment after the browser starts. */
const STARTUP_LAG_MS = 3_000;

interface Alarm {
  name: 'poll' | 'retry';
  scheduledTime: number;
}

export class Install {
  private state: SyncState = EMPTY_SYNC_STATE;
  private readonly listings = new Map<ListingKey, StoredListing>();
  private poll: Alarm | undefined;
  private retry: Alarm | undefined;

  constructor(
    private readonly random: () => number,
    private readonly source: Source,
    private readonly tally: Tally,
    private readonly period = 30,
  ) {}

  /** Runs the browser through its sessions; alarms due while it is closed fire at the next start. */
  live(sessions: readonly Session[]): void {
    for (const session of sessions) {
      const startedAt = session.start + STARTUP_LAG_MS;
      // onStartup → service.startup(): an overdue or missing poll alarm arms the first poll
      // (which clears a pending retry). Then Chrome fires what else came due while it was
      // closed: a late retry only arms the first poll (service.retry); one just due runs below.
      if (!this.poll || this.poll.scheduledTime <= startedAt) this.armFirstPoll(startedAt);
      if (this.retry && this.retry.scheduledTime <= startedAt && isLateAlarm(this.retry.scheduledTime, startedAt)) this.armFirstPoll(startedAt);
      for (;;) {
        const next = this.nextAlarm();
        if (!next) break;
        const firesAt = Math.max(next.scheduledTime, startedAt);
        if (firesAt >= session.end) break;
        this.fire(next, firesAt);
      }
    }
  }

  /** service.armFirstPoll. */
  private armFirstPoll(now: number): void {
    this.retry = undefined;
    this.poll = { name: 'poll', scheduledTime: now + firstPollDelayMinutes(this.period, this.random, now) * MINUTE };
  }

  private nextAlarm(): Alarm | undefined {
    if (this.poll && this.retry) return this.retry.scheduledTime < this.poll.scheduledTime ? this.retry : this.poll;
    return this.poll ?? this.retry;
  }

  /** background.ts onAlarm → service.poll() or service.retry(), on time while the browser runs. */
  private fire(alarm: Alarm, now: number): void {
    if (alarm.name === 'poll') {
      this.poll = undefined; // a one-shot alarm is gone once it fired
      const ran = this.syncAndReport('alarm', now);
      // rearmPoll: as many periods as the sync sent requests.
      const requests = ran && !this.state.error ? (this.state.last?.requests ?? 1) : 1;
      this.poll = { name: 'poll', scheduledTime: now + nextPollDelayMinutes(this.period, this.random, now, requests) * MINUTE };
    } else {
      this.retry = undefined;
      this.syncAndReport('alarm', now);
    }
  }

  /** service.syncAndReport: sync, then scheduleRetry when it ran. */
  private syncAndReport(reason: SyncReason, now: number): boolean {
    const ran = this.sync(reason, now);
    if (!ran) return false;
    const { notBefore, error } = this.state;
    if (!error || notBefore === undefined) this.retry = undefined;
    else if (!this.poll || notBefore < this.poll.scheduledTime) this.retry = { name: 'retry', scheduledTime: notBefore };
    return true;
  }

  /** The sync engine's run(): the gate, today's listing, the planned follow-ups. Returns whether it ran. */
  private sync(reason: SyncReason, now: number): boolean {
    const previous = this.state;
    if (isHeldBack(previous, reason, now)) return false;
    const summary: SyncSummary = { at: now, newPapers: 0, fetched: 0, skipped: 0, requests: 0, problems: [] };
    if (this.source.failing(now)) {
      // Today's listing is the first request; its 5xx ends the sync.
      this.tally.request(now, 1, 'failed');
      this.state = withFailure(previous, { kind: 'http', message: 'HTTP 503', at: now, status: 503 }, summary, this.random);
      return true;
    }
    const today = utcDay(now);
    const todaySize = this.source.size(today, now);
    let requests = listingRequests(todaySize, PAGE_SIZE);
    this.tally.request(now, requests, 'today');
    this.store(`day:${today}`, now, todaySize);
    const steps = planFollowUps({ today, todayHasPapers: todaySize > 0, listings: this.listings, now, force: reason !== 'alarm' && reason !== 'startup' });
    for (const step of steps) {
      if (step.kind === 'trending') {
        const count = listingRequests(50, 50, 1);
        this.tally.request(now, count, 'trending');
        requests += count;
        this.store('trending', now, 50);
      } else {
        const day = step.kind === 'day' ? step.day : this.source.latestDay(now);
        const size = this.source.size(day, now);
        const count = listingRequests(size, PAGE_SIZE);
        this.tally.request(now, count, step.kind === 'day' ? 'previous day' : 'latest day');
        requests += count;
        this.store(`day:${day}`, now, size);
      }
    }
    this.state = withSuccess({ ...summary, requests });
    return true;
  }

  /** Keeps the few recent days the plan looks at (the real store keeps months; older days never matter to it). */
  private store(key: ListingKey, fetchedAt: number, size: number): void {
    this.listings.set(key, { fetchedAt, size });
    if (this.listings.size > 6) {
      const days = [...this.listings.keys()].filter((k) => k.startsWith('day:')).sort();
      for (const old of days.slice(0, days.length - 4)) this.listings.delete(old);
    }
  }
}
