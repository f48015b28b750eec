// Realistic stores for the benchmarks: N papers in the real API's shape and sizes (about 5 KB per
// entry, from tests/support/generate-papers.mjs), 50–120 per listing day, weekends empty, ending
// on the last weekday on or before `today` and going back as far as N needs (20k ≈ a year).
import { makeDay, mulberry32 } from '../tests/support/generate-papers.mjs';

const DAY_MS = 86_400_000;
const MIN_PER_DAY = 50;
const MAX_PER_DAY = 120;
const STORE_SEED = 2026;

/** @param {string} day @param {number} delta */
const addDays = (day, delta) => new Date(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10);
/** @param {string} day */
const isWeekend = (day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * The listing days of a store of `size` papers: day → count, newest first. The oldest day holds
 * what is left over, so the total is exactly `size` (it may hold fewer than 50).
 * @param {number} size @param {string} today YYYY-MM-DD
 * @returns {[day: string, count: number][]}
 */
function planStore(size, today, seed = STORE_SEED) {
  const random = mulberry32(seed);
  /** @type {[string, number][]} */
  const plan = [];
  let left = size;
  for (let day = today; left > 0; day = addDays(day, -1)) {
    if (isWeekend(day)) continue;
    const count = Math.min(left, MIN_PER_DAY + Math.floor(random() * (MAX_PER_DAY - MIN_PER_DAY + 1)));
    plan.push([day, count]);
    left -= count;
  }
  return plan;
}

/**
 * The fake API's days for a store of `size` papers (day → entries), plus what it spans.
 * @param {number} size @param {string} today
 */
export function makeStore(size, today, seed = STORE_SEED) {
  const plan = planStore(size, today, seed);
  /** @type {Record<string, unknown[]>} */
  const days = {};
  for (const [day, count] of plan) days[day] = makeDay(day, count, { seed });
  const months = [...new Set(plan.map(([day]) => day.slice(0, 7)))].sort();
  return { days, months, first: plan.at(-1)?.[0], last: plan[0]?.[0], listingDays: plan.length, papers: size };
}

/**
 * Days of exactly `count` entries each, far before any store, for timing the ingest of one page:
 * never stored before, never fetched by the month loads.
 * @param {number} n @param {number} count
 */
export function makeIngestDays(n, count = 100, seed = STORE_SEED + 1) {
  /** @type {Record<string, unknown[]>} */
  const days = {};
  let day = '2024-03-04';
  for (let i = 0; i < n; i++) {
    while (isWeekend(day)) day = addDays(day, 1);
    days[day] = makeDay(day, count, { seed });
    day = addDays(day, 1);
  }
  return days;
}
