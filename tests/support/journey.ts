// What the user journeys share: their listings and the moves a reader makes.
// The listings of a user journey at real volume, laid out relative to today so the journey holds
// on any date: the latest listing day has a busy weekday's 120 papers, the rest of its ISO week 30
// a day, and the previous month 1,500 spread over its weekdays.
import { addMonths, daysOfIsoWeek, daysOfMonth, isoWeekOf, isWeekend, lastWeekdayOnOrBefore, monthOf, utcDay } from '../../lib/core/dates';
import type { Locator, Page } from 'playwright-core';
import { makeDay } from './generate-papers.mjs';
import { measureList, wheelToEnd as turnToEnd } from './scroll-fixture';

export const BUSY_DAY = 120;
export const MONTH_PAPERS = 1_500;
const WEEK_DAY = 30;

export interface JourneyDays {
  /** The listing day Today shows. */
  latest: string;
  week: string;
  /** The month before today's, with about 1,500 papers. */
  pastMonth: string;
  days: Record<string, unknown[]>;
  /** How many papers a list of these days holds (each paper is listed once). */
  count(days: Iterable<string>): number;
}

export function journeyDays(now = Date.now(), seed = 7): JourneyDays {
  const today = utcDay(now);
  const latest = lastWeekdayOnOrBefore(today);
  const week = isoWeekOf(latest);
  const pastMonth = addMonths(monthOf(today), -1);
  const days: Record<string, unknown[]> = {};

  // The month first, so the busy day and its week replace whatever of it they overlap.
  const monthDays = daysOfMonth(pastMonth).filter((day) => !isWeekend(day));
  monthDays.forEach((day, index) => {
    const share = Math.floor(MONTH_PAPERS / monthDays.length) + (index < MONTH_PAPERS % monthDays.length ? 1 : 0);
    days[day] = makeDay(day, share, { seed });
  });
  for (const day of daysOfIsoWeek(week)) {
    if (day < latest && !isWeekend(day) && !(day in days)) days[day] = makeDay(day, WEEK_DAY, { seed });
  }
  days[latest] = makeDay(latest, BUSY_DAY, { seed });
  // Nothing after the latest listing day (a weekend's today has none).
  for (const day of Object.keys(days)) if (day > latest) delete days[day];

  return {
    latest,
    week,
    pastMonth,
    days,
    count: (wanted) => [...new Set(wanted)].reduce((sum, day) => sum + (days[day]?.length ?? 0), 0),
  };
}

export const cardsOf = (page: Page) => page.getByRole('article');
export const titleOf = (card: Locator) => card.getByRole('heading').getByRole('link');

/** The mouse wheel over the middle of the page, two screens a turn, to the list's end: the cards then shown. */
export async function wheelToEnd(page: Page, expected: number): Promise<number> {
  const { width, height } = page.viewportSize()!;
  await page.mouse.move(width / 2, height / 2);
  return (
    await turnToEnd(
      () => page.evaluate(measureList),
      () => page.mouse.wheel(0, 2 * height),
      expected,
    )
  ).cards;
}

/** The list bar ("1,284 unread · 1,284 of 1,500 shown"), which counts the whole list. */
export const listBar = (page: Page) => page.locator('.list-bar').innerText();
/** A count as the pages write it, with the thousands separated ("1,500"). */
export const counted = (n: number) => n.toLocaleString('en-US');
/** The numbers of "N of M shown" in the list bar, or undefined when the whole list is shown. */
export async function shownOf(page: Page): Promise<number | undefined> {
  const match = / ([\d,]+) of [\d,]+ shown/.exec(await listBar(page));
  return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

/** A word of the month's titles that a few dozen of its papers have: a search a reader makes. */
export function searchWord(entries: unknown[]): string {
  const texts = (entries as { paper: { title: string; summary: string } }[]).map((entry) => `${entry.paper.title} ${entry.paper.summary}`.toLowerCase());
  const words = new Set(texts.flatMap((text) => text.match(/\b[a-z]{7,}\b/g) ?? []));
  for (const word of [...words].sort()) {
    const hits = texts.filter((text) => text.includes(word)).length;
    if (hits >= 40 && hits <= 90) return word;
  }
  throw new Error('no word with 40–90 matches in the month');
}

/**
 * Presses Tab (Shift+Tab with `backwards`: the way to what stands above or, wrapping, after a
 * long list) at most 80 times until `target` has the focus, as a keyboard user moves.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  for (let press = 0; press < 80; press++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The End key, pressed until the list's end: the cards then shown. */
export async function endToEnd(page: Page, expected: number): Promise<number> {
  return (
    await turnToEnd(
      () => page.evaluate(measureList),
      () => page.keyboard.press('End'),
      expected,
    )
  ).cards;
}
