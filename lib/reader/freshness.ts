// The header of each reader view, in plain words: which listing is shown, how many papers,
// whether the listing can still change, when it was fetched, and what went wrong since.
// Pure: everything comes from the input, so that tests can pin the time zone and locale.

import { daysOfIsoWeek, daysOfMonth, isDay, isIsoWeek, isMonth, isoWeekOf, isWeekend, monthOf, utcDay } from '../core/dates';
import { t, tn, type PanelMessageKey as MessageKey } from '../i18n/panel';
import { dateTimeFormat } from '../core/intl';
import { currentLocale } from '../core/locale';
import type { SyncState } from '../store/records';
import { fetchedSettled, hasSettled } from '../source/settle';
import type { ViewKind } from './view';

export interface FreshnessInput {
  view: ViewKind;
  /** The day (`YYYY-MM-DD`), week (`YYYY-Www`) or month (`YYYY-MM`) asked for. */
  requested?: string;
  /** The listing day actually shown by the today and day views (an earlier day when the asked one is empty). */
  shownDay?: string;
  count: number;
  /** When the shown listing was fetched. */
  fetchedAt?: number;
  sync: SyncState;
  now: number;
  /** Time zone for clock times (tests); the user's own when absent. Listing days are always UTC. */
  timeZone?: string;
  /** Locale for dates and times (tests); the one chosen in the Language setting when absent. */
  locale?: string;
}

export interface Freshness {
  title: string;
  lines: string[];
  warning?: string;
}

interface Formatters {
  /** A listing day without year: "Thu 26 Nov" (en-GB). */
  day(day: string): string;
  /** A listing day with year: "Tue 24 Nov 2026" (en-GB). */
  fullDay(day: string): string;
  /** A clock time, with the date when it is not today in the user's time zone. */
  when(time: number): string;
  /** The user's local calendar day of a time, `YYYY-MM-DD`. */
  localDay(time: number): string;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
const FULL_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const RANGE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

/** The locale dates are written in: the input's (tests), else the one the user chose. */
const localeOf = (input: FreshnessInput): string => input.locale ?? currentLocale().tag;

function formatters(input: FreshnessInput): Formatters {
  const { timeZone, now } = input;
  const locale = localeOf(input);
  // Cached per (locale, options) in lib/core/intl.ts: this runs whenever the reader's view changes.
  const dayFormat = dateTimeFormat(locale, DAY);
  const fullDayFormat = dateTimeFormat(locale, FULL_DAY);
  const clock = dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const dateClock = dateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  const isoDay = dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  const localDay = (time: number): string => isoDay.format(time);
  const today = localDay(now);
  return {
    day: (day) => dayFormat.format(Date.parse(`${day}T00:00:00Z`)),
    fullDay: (day) => fullDayFormat.format(Date.parse(`${day}T00:00:00Z`)),
    when: (time) => (localDay(time) === today ? clock.format(time) : dateClock.format(time)),
    localDay,
  };
}

function countLine(count: number): string {
  return count > 0 ? tn('freshnessPapers', count) : t('freshnessNoPapers');
}

/**
 * Whether a listing ending on `lastDay` can still change, and how fresh our copy is:
 * still filling (it holds today), may still grow (not settled yet: lib/source/settle.ts), or settled.
 */
function settlementLine(
  lastDay: string,
  today: string,
  fetchedAt: number | undefined,
  f: Formatters,
  growingKey: 'freshnessDayMayGrow' | 'freshnessMayGrow',
  shownDay: string,
): string {
  if (fetchedAt === undefined) return t('freshnessNotFetched');
  const time = f.when(fetchedAt);
  if (lastDay >= today) return t('freshnessStillFilling', { time });
  if (!hasSettled(lastDay, today)) return t(growingKey, { day: f.day(shownDay), time });
  return fetchedSettled(lastDay, fetchedAt) ? t('freshnessSettled') : t('freshnessEarlyCopy', { time });
}

/** When the user's calendar day differs from the UTC listing day, says so. */
function utcNote(today: string, f: Formatters, now: number): string | undefined {
  const local = f.localDay(now);
  if (local === today) return undefined;
  return t(local < today ? 'freshnessUtcAhead' : 'freshnessUtcBehind', { day: f.day(today) });
}

function lastSyncedLine(sync: SyncState, f: Formatters): string {
  return sync.lastSuccessAt === undefined ? t('freshnessNeverSynced') : t('freshnessLastSynced', { time: f.when(sync.lastSuccessAt) });
}

function warningFor(input: FreshnessInput, f: Formatters): string | undefined {
  const { sync, fetchedAt, count, now } = input;
  const error = sync.error;
  if (!error) return undefined;
  // Data fetched after the failure (another listing failed in the same run) is not stale.
  if (fetchedAt !== undefined && error.at < fetchedAt) return undefined;
  const since = sync.failingSince ?? error.at;
  let problem: string;
  if (error.kind === 'offline') {
    problem = t('freshnessOfflineSince', { time: f.when(since) });
  } else if (error.kind === 'rate-limited') {
    const retryAt = error.retryAt ?? sync.notBefore;
    problem =
      retryAt !== undefined && retryAt > now
        ? t('freshnessRateLimitedUntil', { time: f.when(retryAt) })
        : t('freshnessRateLimitedAt', { time: f.when(error.at) });
  } else if (error.kind === 'storage') {
    // The source answered; the browser could not store it: say so, and why (full disk, quota).
    problem = t('freshnessStorageFailingSince', { time: f.when(since), reason: error.message });
  } else if (fetchedAt === undefined || since >= fetchedAt) {
    problem = t('freshnessFailingSince', { time: f.when(since) });
  } else {
    problem = t('freshnessFailedAt', { time: f.when(error.at) });
  }
  const dataAt = fetchedAt ?? (count > 0 ? sync.lastSuccessAt : undefined);
  const consequence = dataAt === undefined ? t('freshnessNothingStored') : t('freshnessShowingDataFrom', { time: f.when(dataAt) });
  return t('freshnessWarning', { problem, consequence });
}

function todayView(input: FreshnessInput, f: Formatters, today: string): Freshness {
  const shown = input.shownDay !== undefined && isDay(input.shownDay) ? input.shownDay : today;
  const lines: string[] = [];
  const weekend = isWeekend(today);
  if (shown < today) {
    lines.push(t(weekend ? 'freshnessWeekendShowing' : 'freshnessNothingYetShowing', { day: f.day(shown) }));
    lines.push(countLine(input.count));
    lines.push(settlementLine(shown, today, input.fetchedAt, f, 'freshnessDayMayGrow', shown));
  } else if (input.count === 0) {
    lines.push(t(weekend ? 'freshnessWeekendEmpty' : 'freshnessNothingYet'));
  } else {
    lines.push(countLine(input.count));
    lines.push(settlementLine(shown, today, input.fetchedAt, f, 'freshnessDayMayGrow', shown));
  }
  const note = utcNote(today, f, input.now);
  if (note) lines.push(note);
  return { title: t('freshnessTodayTitle', { day: f.day(today) }), lines };
}

function dayView(input: FreshnessInput, f: Formatters, today: string): Freshness {
  const requested = input.requested !== undefined && isDay(input.requested) ? input.requested : (input.shownDay ?? today);
  const shown = input.shownDay !== undefined && isDay(input.shownDay) ? input.shownDay : requested;
  const lines: string[] = [];
  if (requested > today) {
    lines.push(t('freshnessFutureDay'));
  } else if (shown !== requested) {
    lines.push(t('freshnessDayFallback', { requested: f.day(requested), day: f.day(shown) }));
    lines.push(countLine(input.count));
    lines.push(settlementLine(shown, today, input.fetchedAt, f, 'freshnessDayMayGrow', shown));
  } else if (input.count === 0 && isWeekend(requested)) {
    lines.push(t('freshnessWeekendEmpty'));
  } else {
    lines.push(countLine(input.count));
    lines.push(settlementLine(requested, today, input.fetchedAt, f, 'freshnessDayMayGrow', requested));
  }
  return { title: f.fullDay(requested), lines };
}

function rangeView(input: FreshnessInput, f: Formatters, today: string, title: string, days: string[]): Freshness {
  const first = days[0] ?? today;
  const last = days[days.length - 1] ?? today;
  const lines: string[] = [];
  if (first > today) {
    lines.push(t('freshnessFutureRange'));
  } else {
    lines.push(countLine(input.count));
    lines.push(settlementLine(last, today, input.fetchedAt, f, 'freshnessMayGrow', last));
  }
  return { title, lines };
}

function weekView(input: FreshnessInput, f: Formatters, today: string): Freshness {
  const week = input.requested !== undefined && isIsoWeek(input.requested) ? input.requested : isoWeekOf(today);
  const days = daysOfIsoWeek(week);
  const range = dateTimeFormat(localeOf(input), RANGE).formatRange(Date.parse(`${days[0]}T00:00:00Z`), Date.parse(`${days[6]}T00:00:00Z`));
  const title = t('freshnessWeekTitle', { week: Number(week.slice(6)), year: week.slice(0, 4), range });
  return rangeView(input, f, today, title, days);
}

function monthView(input: FreshnessInput, f: Formatters, today: string): Freshness {
  const month = input.requested !== undefined && isMonth(input.requested) ? input.requested : monthOf(today);
  const title = dateTimeFormat(localeOf(input), MONTH).format(Date.parse(`${month}-01T00:00:00Z`));
  return rangeView(input, f, today, title, daysOfMonth(month));
}

function simpleView(input: FreshnessInput, f: Formatters, titleKey: MessageKey): Freshness {
  const lines = [countLine(input.count)];
  if (input.view === 'trending') {
    lines.push(input.fetchedAt === undefined ? t('freshnessNotFetched') : t('freshnessRankingUpdated', { time: f.when(input.fetchedAt) }));
  }
  return { title: t(titleKey), lines };
}

/** The header of a reader view: a title, plain facts one per line, and a warning when the shown data may be stale. */
export function describeFreshness(input: FreshnessInput): Freshness {
  const f = formatters(input);
  const today = utcDay(input.now);
  let view: Freshness;
  switch (input.view) {
    case 'today':
      view = todayView(input, f, today);
      break;
    case 'day':
      view = dayView(input, f, today);
      break;
    case 'week':
      view = weekView(input, f, today);
      break;
    case 'month':
      view = monthView(input, f, today);
      break;
    case 'trending':
      view = simpleView(input, f, 'freshnessTrendingTitle');
      break;
    case 'saved':
      view = simpleView(input, f, 'freshnessSavedTitle');
      break;
  }
  view.lines.push(lastSyncedLine(input.sync, f));
  const warning = warningFor(input, f);
  return warning === undefined ? view : { ...view, warning };
}
