// When to poll. Pure, so that the load simulation can use exactly what installs do.

/** The choices offered: minutes between polls; 0 means "only when I click Refresh". */
export const POLL_CHOICES = [15, 30, 60, 120, 0] as const;
export type PollMinutes = (typeof POLL_CHOICES)[number];

/** ±15 % on every interval, so installs started together drift apart instead of polling in lockstep. */
const JITTER = 0.15;

/** The first poll after start-up: anywhere in the first period (at least a minute away). */
export function firstPollDelayMinutes(period: number, random: () => number): number {
  return 1 + random() * Math.max(0, period - 1);
}

/** The next poll after one has run (or failed): the period, jittered. */
export function nextPollDelayMinutes(period: number, random: () => number): number {
  return Math.max(1, period * (1 - JITTER + 2 * JITTER * random()));
}

export function isPollChoice(value: unknown): value is PollMinutes {
  return (POLL_CHOICES as readonly unknown[]).includes(value);
}
