import { storage } from 'wxt/utils/storage';
import type { LanguageChoice } from './locale';
import { LANGUAGE, THEME } from './page-settings';
import type { ThemeChoice } from './theme';
import type { BadgeMode } from './badge';
import { DEFAULT_RISING_THRESHOLD } from './rising';

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
 * ignores unknown values. Described in lib/page-settings.ts, where pages read it without WXT storage.
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
