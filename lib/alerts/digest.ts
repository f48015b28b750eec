// The daily digest: when it fires next, and what it says. Pure: time zones through Intl.
import { stripBidiControls } from './notify';
import { byTieBreak } from '../store/order';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** "HH:MM" (24 h) → minutes after midnight, or undefined when it is not a time of day. */
export function parseTimeOfDay(value: string): number | undefined {
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

function wallClock(instant: number, timeZone: string): WallClock & { seconds: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, minutes: parts.hour! * 60 + parts.minute!, seconds: parts.second! };
}

/** The zone's offset from UTC at an instant, in ms (whole seconds; sub-second parts dropped). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minutes, wall.seconds);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone, decided like Temporal's "compatible":
 * a time skipped by a spring-forward gap happens that much later (02:30 → 03:30), and a
 * time that happens twice when clocks fall back is taken the first time.
 */
export function instantOf(wall: WallClock, timeZone: string): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minutes);
  // The offsets in force a day either side: a zone changes its offset at most once in between.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const valid = [local - before, local - after].filter((instant) => offsetAt(instant, timeZone) === local - instant);
  if (valid.length > 0) return Math.min(...valid);
  return local - before; // In the gap: read with the offset before it, which lands after it.
}

/**
 * When the digest next fires: the first instant after `now` at which the clock in
 * `timeZone` shows `time` ("HH:MM"). Undefined when `time` is not a time of day.
 */
export function nextDigestTime(now: number, time: string, timeZone: string): number | undefined {
  const minutes = parseTimeOfDay(time);
  if (minutes === undefined) return undefined;
  const today = wallClock(now, timeZone);
  // Today, else tomorrow; a third day only matters if a zone skipped a whole day (Samoa, 2011).
  for (let add = 0; add < 3; add++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const at = instantOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), minutes }, timeZone);
    if (at > now) return at;
  }
  return undefined;
}

/** The calendar day in a zone, `YYYY-MM-DD`: the digest's "once a day" is the user's day. */
export function localDayIn(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

export interface DigestPaper {
  id: string;
  title: string;
  upvotes: number;
}

export interface Digest {
  /** The listing day summarised. */
  day: string;
  total: number;
  top: DigestPaper[];
}

/**
 * The day's top papers by upvotes (ties: the newer arXiv id, as in every list), their titles as a
 * notification may show them; undefined for an empty day.
 */
export function buildDigest(day: string, papers: readonly DigestPaper[], count = 3): Digest | undefined {
  if (papers.length === 0) return undefined;
  const top = [...papers].sort(byTieBreak).slice(0, count);
  return { day, total: papers.length, top: top.map(({ id, title, upvotes }) => ({ id, title: stripBidiControls(title), upvotes })) };
}
