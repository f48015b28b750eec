// Long lists for the scroll tests, relative to the day they run: today's listing of 120 papers
// (60 of them with a word in their title no other paper has, for a search), and a month of 1,500
// (the previous one, always whole) whose first weekday lists 30.
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
