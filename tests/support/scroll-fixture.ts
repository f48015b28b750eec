// Long lists for the scroll tests, relative to the day they run: today's listing of 120 papers
// (60 of them with a word in their title no other paper has, for a search), and a month of 1,500
// (the previous one, always whole) whose first weekday lists 30.
import type { Page as FirefoxPage } from 'puppeteer-core';
import { applyOverrides, makeDay, type HfEntry } from './generate-papers.mjs';

const DAY_MS = 86_400_000;

export const TODAY_COUNT = 120;
export const SEARCH_MATCHES = 60;
export const PAST_DAY_COUNT = 30;
export const MONTH_COUNT = 1_500;
/** In no generated title, abstract, author or keyword. */
export const SEARCH_WORD = 'quokka';

/** A title as a card shows it: whitespace folded. */
export const titleOf = (entry: HfEntry): string => entry.paper.title.replace(/\s+/g, ' ').trim();

const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The weekdays (UTC) of the month before the one `now` falls in. */
function previousMonthWeekdays(now: number): string[] {
  const firstOfThisMonth = Date.parse(`${utcDay(now).slice(0, 7)}-01T00:00:00Z`);
  const month = utcDay(firstOfThisMonth - DAY_MS).slice(0, 7);
  const days: string[] = [];
  for (let time = Date.parse(`${month}-01T00:00:00Z`); utcDay(time).startsWith(month); time += DAY_MS) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(utcDay(time));
  }
  return days;
}

export function scrollFixture(now: number) {
  const today = utcDay(now);
  const todayEntries = makeDay(today, TODAY_COUNT, { seed: 41 });
  // Every other paper, so the matches are spread through the day's order.
  const searchMatches = todayEntries
    .filter((_, index) => index % 2 === 0)
    .slice(0, SEARCH_MATCHES)
    .map((entry) => applyOverrides(entry, { title: `Quokka ${entry.paper.title}` }));

  const [pastDay, ...otherWeekdays] = previousMonthWeekdays(now);
  const days: Record<string, HfEntry[]> = { [today]: todayEntries, [pastDay!]: makeDay(pastDay!, PAST_DAY_COUNT, { seed: 42 }) };
  const rest = MONTH_COUNT - PAST_DAY_COUNT;
  otherWeekdays.forEach((day, index) => {
    // Spread evenly: the first days take one more when it does not divide.
    const count = Math.floor(rest / otherWeekdays.length) + (index < rest % otherWeekdays.length ? 1 : 0);
    days[day] = makeDay(day, count, { seed: 43 });
  });
  const month = pastDay!.slice(0, 7);
  return {
    days,
    today: { day: today, entries: todayEntries },
    pastDay: { day: pastDay!, entries: days[pastDay!]! },
    month: { month, entries: Object.entries(days).flatMap(([day, entries]) => (day.startsWith(month) ? entries : [])) },
    searchWord: SEARCH_WORD,
    searchMatches,
  };
}

/** At most this many wheel steps per list: a month of 1,500 cards is about 500 screens. */
const MAX_WHEEL_STEPS = 1_500;
/** A list that has not grown for this long with the page at its bottom has stopped for good. */
const STALL_MS = 5_000;

export interface ListEnd {
  cards: number;
  steps: number;
  ms: number;
  /** Where it stopped, for a failure's message. */
  last?: ListState;
}

/** Runs in the page: how far the list has come. */
export function measureNow(): ListState {
  const cards = document.querySelectorAll('article');
  const last = cards[cards.length - 1]?.getBoundingClientRect();
  return {
    cards: cards.length,
    height: document.documentElement.scrollHeight,
    atBottom: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1,
    // Cards drawn on the way in (content-visibility) can lengthen the page after it reached its bottom.
    lastInView: !!last && last.height > 0 && last.top >= 0 && last.bottom <= innerHeight + 1,
    sentinel: document.querySelector('.sentinel') !== null,
  };
}

/** Runs in the page, after a frame (so a scroll and the cards it brought are laid out). */
export function measureList(): Promise<ListState> {
  // Self-contained (sent as source text): measureNow's body again, after a frame.
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const cards = document.querySelectorAll('article');
      const last = cards[cards.length - 1]?.getBoundingClientRect();
      resolve({
        cards: cards.length,
        height: document.documentElement.scrollHeight,
        atBottom: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1,
        lastInView: !!last && last.height > 0 && last.top >= 0 && last.bottom <= innerHeight + 1,
        sentinel: document.querySelector('.sentinel') !== null,
      });
    }),
  );
}

export interface ListState {
  cards: number;
  height: number;
  atBottom: boolean;
  lastInView: boolean;
  /** The list's end marker is on the page: more cards can come. */
  sentinel: boolean;
}

/**
 * Turns the mouse wheel (whatever driver `wheel` uses) until the page is at its bottom with
 * `expected` cards and stays there one more step (cards sized on the way in, content-visibility,
 * can still lengthen the page), or the list stops growing at the bottom, or the step cap is hit.
 */
export async function wheelToEnd(measure: () => Promise<ListState>, wheel: () => Promise<void>, expected: number): Promise<ListEnd> {
  const started = Date.now();
  let grownAt = Date.now();
  let last: ListState | undefined;
  for (let steps = 0; steps < MAX_WHEEL_STEPS; steps++) {
    const now = await measure();
    if (now.cards !== last?.cards) grownAt = Date.now();
    const settled = now.atBottom && now.lastInView && last?.atBottom && now.height === last.height;
    last = now;
    if (settled && (now.cards >= expected || Date.now() - grownAt > STALL_MS)) return { cards: now.cards, steps, ms: Date.now() - started, last: now };
    await wheel();
  }
  return { cards: last?.cards ?? 0, steps: MAX_WHEEL_STEPS, ms: Date.now() - started, last };
}

/**
 * Firefox's wheel (WebDriver BiDi actions) over the middle of the page, `delta` pixels a turn.
 * Measured without waiting for a frame: driven over BiDi, a Firefox tab's frames can stall.
 */
export async function wheelFirefox(page: FirefoxPage, expected: number, delta: number): Promise<ListEnd> {
  const { width, height } = page.viewport()!;
  await page.mouse.move(width / 2, height / 2);
  const wheel = async () => {
    await page.mouse.wheel({ deltaY: delta });
    await new Promise((resolve) => setTimeout(resolve, 30));
  };
  return wheelToEnd(() => page.evaluate(measureNow), wheel, expected);
}
