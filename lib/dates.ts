// Listing days are UTC calendar days (HF lists papers at midnight UTC), written `YYYY-MM-DD`.

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The listing day an ISO timestamp falls on, or undefined when it is not a date. */
export function dayOfIso(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : utcDay(time);
}

export function addDays(day: string, delta: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS);
}
