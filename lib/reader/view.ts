import { addDays, addMonths, addWeeks, isoWeekOf, monthOf } from '../core/dates';
import { dayKey } from '../store/listing-keys';
import type { ListingKey } from '../store/records';

/** What the side panel shows: a period, the trending list, or the saved papers. */
export type ReaderView =
  | { kind: 'today' }
  | { kind: 'trending' }
  | { kind: 'day'; day: string }
  | { kind: 'week'; week: string }
  | { kind: 'month'; month: string }
  | { kind: 'saved' };

/** The kinds of view: the reader's buttons, the view it reopens with, the header's wording. */
export type ViewKind = ReaderView['kind'];

/** A view of one period: a day, an ISO week or a month. */
type PeriodKind = 'day' | 'week' | 'month';

/** The period a view shows: its kind and value (`2026-11-20`, `2026-W48`, `2026-11`). */
export interface Period {
  kind: PeriodKind;
  value: string;
}

/** The period a day, week or month view shows; none for today, trending and saved. */
export function periodOf(view: ReaderView): Period | undefined {
  switch (view.kind) {
    case 'day':
      return { kind: 'day', value: view.day };
    case 'week':
      return { kind: 'week', value: view.week };
    case 'month':
      return { kind: 'month', value: view.month };
    default:
      return undefined;
  }
}

/** The stored listing a view reads (today's is the latest day with papers); none for saved. */
export function listingKeyOf(view: ReaderView, latestDay: string | undefined): ListingKey | undefined {
  if (view.kind === 'today') return latestDay ? dayKey(latestDay) : undefined;
  if (view.kind === 'trending') return 'trending';
  const period = periodOf(view);
  return period ? `${period.kind}:${period.value}` : undefined;
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
