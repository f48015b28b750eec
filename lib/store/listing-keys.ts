// What a listing key says: the key of a day, the last day a listing covers, and which listings'
// views may hold a paper. Pure.
import { daysOfIsoWeek, daysOfMonth, isoWeekOf } from '../core/dates';
import type { ListingKey, PaperSummary } from './records';

export const dayKey = (day: string): ListingKey => `day:${day}`;

/** A listing key read: the only place that takes one apart. */
export type ListingKeyParts =
  | { kind: 'day'; day: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  | { kind: 'trending' | 'search' };

export function partsOf(key: ListingKey): ListingKeyParts {
  if (key.startsWith('day:')) return { kind: 'day', day: key.slice(4) };
  if (key.startsWith('week:')) return { kind: 'week', week: key.slice(5) };
  if (key.startsWith('month:')) return { kind: 'month', month: key.slice(6) };
  return { kind: key as 'trending' | 'search' };
}

/** The day of a day listing's key; none for any other listing. */
export function dayOfKey(key: ListingKey): string | undefined {
  const parts = partsOf(key);
  return parts.kind === 'day' ? parts.day : undefined;
}

/** The last day a listing covers: its day, or a week's Sunday, or a month's last day; none for the rankings. */
export function lastDayOf(key: ListingKey): string | undefined {
  const parts = partsOf(key);
  if (parts.kind === 'day') return parts.day;
  if (parts.kind === 'week') return daysOfIsoWeek(parts.week).at(-1);
  if (parts.kind === 'month') return daysOfMonth(parts.month).at(-1);
  return undefined;
}

/** The listings whose view may hold a paper: its days, their weeks and months, the rankings, and those noted. */
export function viewKeysOf(summary: PaperSummary): ListingKey[] {
  const keys = new Set<ListingKey>(['trending', 'search', ...(summary.alsoIn ?? [])]);
  for (const day of summary.listedDays) {
    keys.add(dayKey(day));
    keys.add(`month:${day.slice(0, 7)}`);
    try {
      keys.add(`week:${isoWeekOf(day)}`);
    } catch {
      // not a day: no week
    }
  }
  return [...keys];
}
