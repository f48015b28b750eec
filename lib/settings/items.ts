import { BADGE_MODES, type BadgeMode } from './defaults';
import { parseTimeOfDay } from '../alerts/digest';
import { RISING_CHOICES } from '../alerts/rising';
import { isPollChoice } from '../sync/schedule';
import {
  DEFAULT_BADGE_MODE,
  DEFAULT_DIGEST_TIME,
  DEFAULT_NOTIFICATIONS,
  DEFAULT_POLL_MINUTES,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_RISING_THRESHOLD,
  DEFAULT_SOURCE,
} from './defaults';
import { BADGE_MODE, DIGEST_TIME, LANGUAGE, NOTIFICATIONS, POLL_MINUTES, RETENTION_DAYS, RISING_THRESHOLD, SOURCE, THEME } from './keys';
import { storedItem } from './stored-item';

// Settings live in synced storage (storage.sync) so they follow the user's browser profile.
export const sourceSetting = storedItem(SOURCE);

/** Minutes between polls; 0 is "only when I click Refresh". */
export const pollMinutesSetting = storedItem(POLL_MINUTES);

/**
 * The UI language: the browser's (default), or one picked. Read through resolveLocale(), which
 * ignores unknown values. Pages read it, and the theme, through readers (lib/settings/appearance-readers.ts).
 */
export const languageSetting = storedItem(LANGUAGE);

/** Light or dark pages, or whatever the system prefers (default). */
export const themeSetting = storedItem(THEME);

export const RETENTION_CHOICES = [30, 90, 180, 365] as const;

/** Listing days older than this are removed after a sync; saved papers are always kept. */
export const retentionDaysSetting = storedItem(RETENTION_DAYS);

export type SourceCheck = { ok: true; source: string; origin: string } | { ok: false };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A source is an API base URL: `https:` anywhere, `http:` only on this machine (a local
 * mirror or the tests' fake). No credentials, query or fragment; no trailing slash.
 */
export function checkSource(input: string): SourceCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false };
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if ((!secure && !local) || url.username || url.password || url.search || url.hash) return { ok: false };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, source: `${url.origin}${path}`, origin: url.origin };
}

/** Host permission pattern for a source; local http sources need none (they answer with CORS). */
export function permissionPatternFor(source: string): string | undefined {
  const url = new URL(source);
  if (url.protocol !== 'https:' || url.hostname === 'huggingface.co') return undefined;
  return `${url.origin}/*`;
}

// Alerts. Notifications are opt-in; the permission is asked for when they are turned on.

/** What the toolbar badge counts. */
export const badgeModeSetting = storedItem(BADGE_MODE);

export const notificationsSetting = storedItem(NOTIFICATIONS);

/** Upvotes at which a paper counts as rising; 0 turns the rule off. */
export const risingThresholdSetting = storedItem(RISING_THRESHOLD);

/** The daily digest's local time of day, "HH:MM"; empty: no digest. */
export const digestTimeSetting = storedItem(DIGEST_TIME);

// Every setting in synced storage can be written by another device, another version, or by hand: each has
// one rule, which the options page offers choices by and the background checks where it reads.

export type RuledSettingName = 'source' | 'pollMinutes' | 'retentionDays' | 'badgeMode' | 'notifications' | 'risingThreshold' | 'digestTime';

/** A setting in synced storage, and its rule. */
export interface RuledSetting<T> {
  name: RuledSettingName;
  item: { getValue(): Promise<T>; setValue(value: T): Promise<void> };
  fallback: T;
  /** The value to use (normalised), or undefined when the stored one breaks the rule. */
  check(value: unknown): T | undefined;
}

const oneOf =
  <T>(choices: readonly T[]) =>
  (value: unknown): T | undefined =>
    choices.includes(value as T) ? (value as T) : undefined;

export const SOURCE_RULE: RuledSetting<string> = {
  name: 'source',
  item: sourceSetting,
  fallback: DEFAULT_SOURCE,
  check: (value) => {
    const checked = typeof value === 'string' ? checkSource(value) : undefined;
    return checked?.ok ? checked.source : undefined;
  },
};
export const POLL_RULE: RuledSetting<number> = {
  name: 'pollMinutes',
  item: pollMinutesSetting,
  fallback: DEFAULT_POLL_MINUTES,
  check: (value) => (isPollChoice(value) ? value : undefined),
};
/** A retention of 0 or less would remove every unsaved paper and read mark, on every device the settings follow. */
export const RETENTION_RULE: RuledSetting<number> = {
  name: 'retentionDays',
  item: retentionDaysSetting,
  fallback: DEFAULT_RETENTION_DAYS,
  check: oneOf<number>(RETENTION_CHOICES),
};
export const BADGE_MODE_RULE: RuledSetting<BadgeMode> = { name: 'badgeMode', item: badgeModeSetting, fallback: DEFAULT_BADGE_MODE, check: oneOf(BADGE_MODES) };
export const NOTIFICATIONS_RULE: RuledSetting<boolean> = {
  name: 'notifications',
  item: notificationsSetting,
  fallback: DEFAULT_NOTIFICATIONS,
  check: (value) => (typeof value === 'boolean' ? value : undefined),
};
export const RISING_RULE: RuledSetting<number> = {
  name: 'risingThreshold',
  item: risingThresholdSetting,
  fallback: DEFAULT_RISING_THRESHOLD,
  check: oneOf<number>(RISING_CHOICES),
};
export const DIGEST_TIME_RULE: RuledSetting<string> = {
  name: 'digestTime',
  item: digestTimeSetting,
  fallback: DEFAULT_DIGEST_TIME,
  check: (value) => (value === '' || (typeof value === 'string' && parseTimeOfDay(value) !== undefined) ? value : undefined),
};

export const RULED_SETTINGS = [SOURCE_RULE, POLL_RULE, RETENTION_RULE, BADGE_MODE_RULE, NOTIFICATIONS_RULE, RISING_RULE, DIGEST_TIME_RULE] as const;

/** A setting as stored, checked: the value to use, and what was stored when the rule refused it. */
export type CheckedValue<T> = { value: T; refused: false } | { value: T; refused: true; stored: unknown };

export async function readChecked<T>(setting: RuledSetting<T>): Promise<CheckedValue<T>> {
  const stored: unknown = await setting.item.getValue();
  const value = setting.check(stored);
  return value === undefined ? { value: setting.fallback, refused: true, stored } : { value, refused: false };
}

/** The value to use: the stored one if its rule accepts it, the default otherwise. */
export async function readSetting<T>(setting: RuledSetting<T>): Promise<T> {
  return (await readChecked(setting)).value;
}
