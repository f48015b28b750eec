import { storage } from 'wxt/utils/storage';
import type { LanguageChoice } from '../core/locale';
import { LANGUAGE, THEME } from '../boot/page-settings';
import type { ThemeChoice } from '../boot/theme';
import { BADGE_MODES, type BadgeMode } from '../background/badge';
import { parseTimeOfDay } from '../alerts/digest';
import { DEFAULT_RISING_THRESHOLD, RISING_CHOICES } from '../alerts/rising';
import { isPollChoice } from '../sync/schedule';

export const DEFAULT_SOURCE = 'https://huggingface.co';
export const DEFAULT_POLL_MINUTES = 30;

// Settings live in storage.sync so they follow the user's browser profile.
export const sourceSetting = storage.defineItem<string>('sync:source', {
  fallback: DEFAULT_SOURCE,
  version: 1,
});

/** Minutes between polls; 0 is "only when I click Refresh". */
export const pollMinutesSetting = storage.defineItem<number>('sync:pollMinutes', {
  fallback: DEFAULT_POLL_MINUTES,
  version: 1,
});

export const RETENTION_CHOICES = [30, 90, 180, 365] as const;
export const DEFAULT_RETENTION_DAYS = 90;

/** Listing days older than this are removed after a sync; saved papers are always kept. */
export const retentionDaysSetting = storage.defineItem<number>('sync:retentionDays', {
  fallback: DEFAULT_RETENTION_DAYS,
  version: 1,
});

/**
 * The UI language: the browser's (default), or one picked. Read through resolveLocale(), which
 * ignores unknown values. Described in lib/boot/page-settings.ts, where pages read it without WXT storage.
 */
export const languageSetting = storage.defineItem<LanguageChoice>(LANGUAGE.key, { fallback: LANGUAGE.fallback, version: LANGUAGE.version });

/** Light or dark pages, or whatever the system prefers (default). Described in lib/page-settings.ts. */
export const themeSetting = storage.defineItem<ThemeChoice>(THEME.key, { fallback: THEME.fallback, version: THEME.version });

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

// Alerts (issue 4). Notifications are opt-in; the permission is asked for when they are turned on.

/** What the toolbar badge counts. */
export const badgeModeSetting = storage.defineItem<BadgeMode>('sync:badgeMode', {
  fallback: 'new',
  version: 1,
});

export const notificationsSetting = storage.defineItem<boolean>('sync:notifications', {
  fallback: false,
  version: 1,
});

/** Upvotes at which a paper counts as rising; 0 turns the rule off. */
export const risingThresholdSetting = storage.defineItem<number>('sync:risingThreshold', {
  fallback: DEFAULT_RISING_THRESHOLD,
  version: 1,
});

/** The daily digest's local time of day, "HH:MM"; empty: no digest. */
export const digestTimeSetting = storage.defineItem<string>('sync:digestTime', {
  fallback: '',
  version: 1,
});

// Every synced setting can be written by another device, another version, or by hand: each has
// one rule, which the options page offers choices by and the background checks where it reads.

export type RuledSettingName = 'source' | 'pollMinutes' | 'retentionDays' | 'badgeMode' | 'notifications' | 'risingThreshold' | 'digestTime';

/** A synced setting and its rule. */
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
/** A retention of 0 or less would remove every unsaved paper and read mark, on every synced device. */
export const RETENTION_RULE: RuledSetting<number> = {
  name: 'retentionDays',
  item: retentionDaysSetting,
  fallback: DEFAULT_RETENTION_DAYS,
  check: oneOf<number>(RETENTION_CHOICES),
};
export const BADGE_MODE_RULE: RuledSetting<BadgeMode> = { name: 'badgeMode', item: badgeModeSetting, fallback: 'new', check: oneOf(BADGE_MODES) };
export const NOTIFICATIONS_RULE: RuledSetting<boolean> = {
  name: 'notifications',
  item: notificationsSetting,
  fallback: false,
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
  fallback: '',
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
