// When to poll. Pure, so that the load simulation (bench/load) uses exactly what installs do.

/** The choices offered: minutes between polls; 0 means "only when I click Refresh". */
export const POLL_CHOICES = [15, 30, 60, 120, 0] as const;
export type PollMinutes = (typeof POLL_CHOICES)[number];

/** ±15 % on every interval, so installs started together drift apart instead of polling in lockstep. */
const JITTER = 0.15;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/**
 * Night UTC (a new listing day has just begun, little is added): how much slower than the
 * period to poll, by UTC hour. Slowing down is a drop in load and can be sudden; speeding up
 * is ramped over four hours so that the source's load never jumps by more than a third at once.
 */
const NIGHT_PACE: readonly number[] = [3, 3, 3, 2.5, 2, 1.5, 1.25, ...Array<number>(15).fill(1), 2, 3];
/** HF lists nothing on Saturdays and Sundays (UTC). */
const WEEKEND_SLOWDOWN = 4;
/**
 * The most periods one sync's requests push the next poll out: a morning's first sync (today and
 * a stale list, two pages each) costs four; a source that makes a sync page on and on must not
 * silence the schedule for days.
 */
const MAX_BUDGET_PERIODS = 4;
/** An alarm this late did not fire on time: the browser was closed or the computer asleep. */
const LATE_ALARM_MS = 2 * MINUTE_MS;

/**
 * How many times longer than the chosen period the schedule waits at `time`: the source
 * changes little at night UTC and lists nothing at weekends (UTC), so polling then is slower.
 */
export function quietFactor(time: number): number {
  // 1 January 1970 was a Thursday; arithmetic rather than a Date, as the simulation calls this millions of times.
  const day = Math.floor(time / DAY_MS);
  const weekday = (day + 4) % 7;
  if (weekday === 0 || weekday === 6) return WEEKEND_SLOWDOWN;
  return NIGHT_PACE[Math.floor((time - day * DAY_MS) / HOUR_MS)]!;
}

/**
 * Minutes from `now` until `periods` full periods have passed, each period stretched by the
 * quiet factor of the time it runs through, so a wait that crosses into the night or the
 * weekend slows down gradually instead of every install changing pace at once.
 */
export function stretchedMinutes(now: number, periods: number, period: number): number {
  let left = periods * period * MINUTE_MS; // in unstretched milliseconds
  let time = now;
  // Hour by hour (the factor changes only on the hour); a week bounds the walk.
  for (let step = 0; step < 24 * 7 * WEEKEND_SLOWDOWN && left > 0; step += 1) {
    const factor = quietFactor(time);
    const hourEnd = Math.floor(time / HOUR_MS) * HOUR_MS + HOUR_MS;
    const span = hourEnd - time;
    if (left * factor <= span) return (time + left * factor - now) / MINUTE_MS;
    left -= span / factor;
    time = hourEnd;
  }
  return (time - now) / MINUTE_MS;
}

/** The first poll after start-up: anywhere in the first (stretched) period, at least a minute away. */
export function firstPollDelayMinutes(period: number, random: () => number, now: number): number {
  return Math.max(1, stretchedMinutes(now, random(), period));
}

/**
 * The next poll after one has run (or failed): the stretched period, jittered. The period is
 * a request budget: a sync that sent n requests (follow-ups, a second page) waits n periods,
 * so an install costs the source about one request per period whatever the sync fetched (up
 * to four periods).
 */
export function nextPollDelayMinutes(period: number, random: () => number, now: number, requests = 1): number {
  const periods = Math.min(MAX_BUDGET_PERIODS, Math.max(1, requests) || 1);
  return Math.max(1, stretchedMinutes(now, periods * (1 - JITTER + 2 * JITTER * random()), period));
}

/**
 * An alarm that fires well after its time fired at browser start or wake-up (Chrome fires
 * alarms that came due while it was closed). Every install starting in the morning would
 * then poll at once: such an alarm only arms the first poll, jittered like at start-up.
 */
export function isLateAlarm(scheduledTime: number, now: number): boolean {
  return now - scheduledTime > LATE_ALARM_MS;
}

export function isPollChoice(value: unknown): value is PollMinutes {
  return (POLL_CHOICES as readonly unknown[]).includes(value);
}
