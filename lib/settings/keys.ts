// Every key Paperboy stores outside IndexedDB, by area, with its default (docs/storage.md says
// what each holds). Plain descriptions: lib/settings/stored-item.ts makes storage items and
// readers of them (stored as WXT's items store them), and the background's modules use the raw keys.
import type { ReaderPrefs } from '../reader/prefs';
import {
  DEFAULT_BADGE_MODE,
  DEFAULT_DIGEST_TIME,
  DEFAULT_LANGUAGE,
  DEFAULT_NOTIFICATIONS,
  DEFAULT_POLL_MINUTES,
  DEFAULT_READER_PREFS,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_RISING_THRESHOLD,
  DEFAULT_CARD_LINKS,
  DEFAULT_SHOW_IMAGES,
  DEFAULT_SOURCE,
  DEFAULT_THEME,
} from './defaults';
import type { OutboundLink } from '../core/urls';

/** A storage item as WXT keys it: `area:name`, and the value it reads as when nothing is stored. */
export interface ItemSpec<T> {
  key: `sync:${string}` | `local:${string}`;
  fallback: T;
  /** Absent: stored bare, without WXT's version record. */
  version?: number;
}

/** A setting: version 1 with no migration, so a page can read it with a reader alone (storedReader). */
export interface SettingSpec<T> extends ItemSpec<T> {
  version: 1;
}

/** An item with versions: migrations[v] turns a version v − 1 value into version v. */
export interface VersionedSpec<T> extends ItemSpec<T> {
  version: number;
  migrations: Record<number, (old: never) => unknown>;
}

// storage.sync (what follows the user): the settings, one item each, written by the options page.

export const SOURCE: SettingSpec<string> = { key: 'sync:source', fallback: DEFAULT_SOURCE, version: 1 };
export const POLL_MINUTES: SettingSpec<number> = { key: 'sync:pollMinutes', fallback: DEFAULT_POLL_MINUTES, version: 1 };
export const RETENTION_DAYS: SettingSpec<number> = { key: 'sync:retentionDays', fallback: DEFAULT_RETENTION_DAYS, version: 1 };
export const LANGUAGE: SettingSpec<typeof DEFAULT_LANGUAGE> = { key: 'sync:language', fallback: DEFAULT_LANGUAGE, version: 1 };
export const THEME: SettingSpec<typeof DEFAULT_THEME> = { key: 'sync:theme', fallback: DEFAULT_THEME, version: 1 };
export const BADGE_MODE: SettingSpec<typeof DEFAULT_BADGE_MODE> = { key: 'sync:badgeMode', fallback: DEFAULT_BADGE_MODE, version: 1 };
export const NOTIFICATIONS: SettingSpec<boolean> = { key: 'sync:notifications', fallback: DEFAULT_NOTIFICATIONS, version: 1 };
export const RISING_THRESHOLD: SettingSpec<number> = { key: 'sync:risingThreshold', fallback: DEFAULT_RISING_THRESHOLD, version: 1 };
export const DIGEST_TIME: SettingSpec<string> = { key: 'sync:digestTime', fallback: DEFAULT_DIGEST_TIME, version: 1 };
/** The side panel's cards (lib/settings/display.ts): whether they load images, and which links they show. */
export const SHOW_IMAGES: SettingSpec<boolean> = { key: 'sync:showImages', fallback: DEFAULT_SHOW_IMAGES, version: 1 };
export const CARD_LINKS: SettingSpec<OutboundLink[]> = { key: 'sync:cardLinks', fallback: DEFAULT_CARD_LINKS, version: 1 };

/** storage.sync: the watchlist, one item per rule, `watch:<kind>:<normalised value>` (lib/alerts/watchlist-store.ts). */
export const WATCH_KEY_PREFIX = 'watch:';

/** storage.sync: the muted rules, one item per rule, `mute:<kind>:<normalised value>` (lib/alerts/mute-store.ts). */
export const MUTE_KEY_PREFIX = 'mute:';

/** storage.sync: the saved ids, in buckets `savedIds0`… (lib/saved/merge.ts). */
export const SAVED_BUCKET_KEY_PREFIX = 'savedIds';

// storage.local (this device only).

/** This device's replica of every saved mark (lib/saved/follow.ts). */
export const SAVED_MARKS: ItemSpec<Record<string, number>> = { key: 'local:savedMarks', fallback: {} };

/** How following saved papers went, for the options page (lib/saved/follow.ts). */
export const SAVED_FOLLOW_STATUS: ItemSpec<{ at: number; localOnly: Record<string, number> }> = {
  key: 'local:savedFollowStatus',
  fallback: { at: 0, localOnly: {} },
};

/** When each paper and reason, or digest day, was notified (lib/alerts/service.ts); absent is an empty ledger. */
export const ALERT_LEDGER_KEY = 'alertLedger';

/** The view, sorts and filters the side panel reopens with; local: how one reads on this machine is its own. */
export const READER_PREFS: VersionedSpec<ReaderPrefs> = {
  key: 'local:readerPrefs',
  fallback: DEFAULT_READER_PREFS,
  version: 2,
  migrations: {
    // v1 had one sort for every view.
    2: (old: Omit<ReaderPrefs, 'trendingSort'>): ReaderPrefs => ({ ...old, trendingSort: 'trending' }),
  },
};

/** storage.session: a sync outcome the database could not take (lib/sync/unstored-state.ts). */
export const UNSAVED_SYNC_STATE_KEY = 'unsavedSyncState';

/** localStorage: the last Language and Theme a page applied, read before the first render (components/shared/appearance.ts). */
export const APPEARANCE_HINT_KEY = 'paperboy.appearance';

type StorageArea = 'sync' | 'local' | 'session' | 'localStorage';

export interface StoredKey {
  area: StorageArea;
  /** The key in its area, or the prefix of a family of keys. */
  name: string;
  prefix?: true;
  /** What a read gives when nothing is stored, for items that have one. */
  fallback?: unknown;
}

/** A storage item's key (`sync:name`, `local:name`) as its area and its name there. */
export function areaAndName(key: `sync:${string}` | `local:${string}`): { area: 'sync' | 'local'; name: string } {
  const colon = key.indexOf(':');
  return { area: key.slice(0, colon) as 'sync' | 'local', name: key.slice(colon + 1) };
}

const itemEntry = ({ key, fallback }: ItemSpec<unknown>): StoredKey => ({ ...areaAndName(key), fallback });

/**
 * Every stored key, for the docs and the tests: each is defined above and nowhere else. A
 * function, so that a page that imports one key does not carry the table (a bundler keeps a
 * top-level call).
 */
export const storedKeys = (): StoredKey[] => [
  ...[SOURCE, POLL_MINUTES, RETENTION_DAYS, LANGUAGE, THEME, BADGE_MODE, NOTIFICATIONS, RISING_THRESHOLD, DIGEST_TIME, SHOW_IMAGES, CARD_LINKS].map(itemEntry),
  { area: 'sync', name: WATCH_KEY_PREFIX, prefix: true },
  { area: 'sync', name: MUTE_KEY_PREFIX, prefix: true },
  { area: 'sync', name: SAVED_BUCKET_KEY_PREFIX, prefix: true },
  itemEntry(SAVED_MARKS),
  itemEntry(SAVED_FOLLOW_STATUS),
  { area: 'local', name: ALERT_LEDGER_KEY },
  itemEntry(READER_PREFS),
  { area: 'session', name: UNSAVED_SYNC_STATE_KEY },
  { area: 'localStorage', name: APPEARANCE_HINT_KEY },
];
