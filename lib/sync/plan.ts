import { addDays, lastWeekdayOnOrBefore } from '../core/dates';
import { fetchedSettled, hasSettled } from '../source/settle';
import type { ListingKey } from '../store/records';
import { dayKey, dayOfKey, lastDayOf } from '../store/listing-keys';
import { stretchedMinutes } from './schedule';

/** Lists that keep changing but not by the minute: a view the user opens refreshes them this often. */
const SLOW_REFRESH_MS = 3 * 60 * 60_000;
/**
 * The scheduled sync refreshes the previous listing day and trending this often (by day on
 * weekdays; stretched at night UTC and on weekends like the poll), so that a sync usually
 * costs one request and an install about one per half hour of uptime (BENCHMARKS.md).
 */
export const FOLLOW_UP_REFRESH_MS = 6 * 60 * 60_000;

/** Whether a list fetched at `fetchedAt` is due again by the scheduled sync's cadence. */
export function isFollowUpDue(fetchedAt: number, now: number): boolean {
  return now - fetchedAt >= stretchedMinutes(fetchedAt, 1, FOLLOW_UP_REFRESH_MS / 60_000) * 60_000;
}

export interface StoredListing {
  fetchedAt: number;
  size: number;
}

export type FollowUp = { kind: 'latest' } | { kind: 'day'; day: string } | { kind: 'trending' };

export interface PlanInput {
  today: string;
  todayHasPapers: boolean;
  listings: ReadonlyMap<ListingKey, StoredListing>;
  now: number;
  /** A sync the user asked for refreshes the slow lists too. */
  force: boolean;
}

/** The latest stored day with papers before `day`. */
function latestDayBefore(listings: ReadonlyMap<ListingKey, StoredListing>, day: string): string | undefined {
  let latest: string | undefined;
  for (const [key, listing] of listings) {
    const listed = dayOfKey(key);
    if (listed === undefined || listing.size === 0) continue;
    if (listed < day && (!latest || listed > latest)) latest = listed;
  }
  return latest;
}

/** The weekday before `day`: HF lists nothing on weekends. */
export function previousWeekday(day: string): string {
  return lastWeekdayOnOrBefore(addDays(day, -1));
}

/**
 * What a sync fetches after today's listing. Usually nothing: the previous listing day
 * and the trending list are refreshed on a slower cadence, so a sync costs one request.
 * A scheduled sync takes at most one of them; one the user asked for takes all.
 * (A trending list older than SLOW_REFRESH_MS is still refreshed when the user opens it.)
 */
export function planFollowUps(input: PlanInput): FollowUp[] {
  const { listings, now, force } = input;
  const due = (key: ListingKey) => {
    const stored = listings.get(key);
    return force || !stored || isFollowUpDue(stored.fetchedAt, now);
  };
  const steps: FollowUp[] = [];
  const earlier = latestDayBefore(listings, input.today);
  if (!input.todayHasPapers) {
    // Weekends and early UTC: show the latest day that has papers (the API's answer without `date`).
    if (!earlier || due(dayKey(earlier))) steps.push({ kind: 'latest' });
  } else {
    const previous = earlier ?? previousWeekday(input.today);
    // A settled day is not refreshed: it will not change any more.
    if (!hasSettled(previous, input.today) && due(dayKey(previous))) steps.push({ kind: 'day', day: previous });
  }
  if (due('trending')) steps.push({ kind: 'trending' });
  // A scheduled sync takes one follow-up at a time: after a night both are due, and the
  // morning's first sync (every install within its first period) would cost three requests.
  return force ? steps : steps.slice(0, 1);
}

/** Today's list changes by the minute; the schedule keeps it fresh at its own pace. */
const TODAY_FRESH_MS = 15 * 60_000;

/**
 * Whether a stored listing can be shown without asking the source again (a view the user
 * opens). Settled periods never change; recent ones are refreshed on the slow cadence.
 */
export function isListingFresh(key: ListingKey, fetchedAt: number | undefined, now: number, today: string): boolean {
  if (fetchedAt === undefined) return false;
  const age = now - fetchedAt;
  const lastDay = lastDayOf(key);
  if (!lastDay) return age < SLOW_REFRESH_MS;
  if (lastDay >= today) return age < TODAY_FRESH_MS;
  // Fetched once the period had settled: it will not change any more.
  if (fetchedSettled(lastDay, fetchedAt)) return true;
  return age < SLOW_REFRESH_MS;
}

/**
 * Requests one listing costs: pages of `pageSize` until a short one (so a full last page costs
 * an empty one more), at most `maxPages`. The same rule as `fetchListing`; the load simulation counts with it.
 */
export function listingRequests(size: number, pageSize: number, maxPages = Number.POSITIVE_INFINITY): number {
  return Math.min(maxPages, Math.floor(size / pageSize) + 1);
}
