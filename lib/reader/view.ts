import { addDays, addMonths, addWeeks, isoWeekOf, monthOf } from '../core/dates';
import { dayKey } from '../store/listing-keys';
import type { ListingKey } from '../store/records';
import type { ViewKind } from './prefs';

/** What the side panel shows: a period, the trending list, or the saved papers. */
export type ReaderView =
  | { kind: 'today' }
  | { kind: 'trending' }
  | { kind: 'day'; day: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  | { kind: 'saved' };

/** The stored listing a view reads (today's is the latest day with papers); none for saved. */
export function listingKeyOf(view: ReaderView, latestDay: string | undefined): ListingKey | undefined {
  switch (view.kind) {
    case 'today':
      return latestDay ? dayKey(latestDay) : undefined;
    case 'trending':
      return 'trending';
    case 'day':
      return dayKey(view.day);
    case 'week':
      return `week:${view.week}`;
    case 'month':
      return `month:${view.month}`;
    case 'saved':
      return undefined;
  }
}

/** The view of a kind for the current period (today's week, this month...). */
export function defaultView(kind: ViewKind, today: string): ReaderView {
  if (kind === 'day') return { kind, day: today };
  if (kind === 'week') return { kind, week: isoWeekOf(today) };
  if (kind === 'month') return { kind, month: monthOf(today) };
  return { kind } as ReaderView;
}

/** Moves a day, week or month view by one step; others do not move. */
export function stepView(view: ReaderView, delta: number): ReaderView {
  if (view.kind === 'day') return { kind: 'day', day: addDays(view.day, delta) };
  if (view.kind === 'week') return { kind: 'week', week: addWeeks(view.week, delta) };
  if (view.kind === 'month') return { kind: 'month', month: addMonths(view.month, delta) };
  return view;
}
