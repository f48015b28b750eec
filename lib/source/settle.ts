// How long the source's listings keep changing: a listing day's list grows, and its upvote and
// comment counts move, for about two weeks; after that a copy fetched then is final. The sync
// stops refreshing settled days, and the reader says whether what it shows can still change.
import { addDays } from '../core/dates';

/** Days after a listing's last day during which it may still change. */
export const SETTLE_DAYS = 14;

/** The first UTC day (`YYYY-MM-DD`) on which a listing ending on `lastDay` no longer changes. */
export function settledOn(lastDay: string): string {
  return addDays(lastDay, SETTLE_DAYS);
}

/** Whether a listing ending on `lastDay` had settled before `today` began (both UTC days). */
export function hasSettled(lastDay: string, today: string): boolean {
  return settledOn(lastDay) < today;
}

/** Whether a copy fetched at `fetchedAt` was fetched once the listing ending on `lastDay` had settled. */
export function fetchedSettled(lastDay: string, fetchedAt: number): boolean {
  return fetchedAt >= Date.parse(`${settledOn(lastDay)}T00:00:00Z`);
}
