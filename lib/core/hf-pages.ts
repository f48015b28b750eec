// Hugging Face's own page of a listing (a day's, week's or month's Daily Papers), which the side
// panel's first screen links to: apart from hf-urls.ts (images, users' pages), which only the
// cards' parts loaded after it use.
import { isDay, isIsoWeek, isMonth } from './dates';

const HF = 'https://huggingface.co';

export type HfPeriod = { kind: 'day'; day: string } | { kind: 'week'; week: string } | { kind: 'month'; month: string };

/**
 * Hugging Face's own page of a day's, week's or month's Daily Papers, always on huggingface.co
 * (a mirror need not serve the site's pages); undefined for a period that is not one.
 */
export function hfPeriodUrl(period: HfPeriod): string | undefined {
  if (period.kind === 'day') return isDay(period.day) ? `${HF}/papers/date/${period.day}` : undefined;
  if (period.kind === 'week') return isIsoWeek(period.week) ? `${HF}/papers/week/${period.week}` : undefined;
  return isMonth(period.month) ? `${HF}/papers/month/${period.month}` : undefined;
}
