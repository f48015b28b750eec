// What a listing key says: the key of a day, the last day a listing covers, and which listings'
// views may hold a paper. Pure.
import { daysOfIsoWeek, daysOfMonth, isoWeekOf } from '../core/dates';
import type { ListingKey, PaperSummary } from './records';

export const dayKey = (day: string): ListingKey => `day:${day}`;

/** The last day a listing covers: its day, or a week's Sunday, or a month's last day; none for the rankings. */
export function lastDayOf(key: ListingKey): string | undefined {
  if (key.startsWith('day:')) return key.slice(4);
  if (key.startsWith('week:')) return daysOfIsoWeek(key.slice(5)).at(-1);
  if (key.startsWith('month:')) return daysOfMonth(key.slice(6)).at(-1);
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
