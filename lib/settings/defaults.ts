// What each setting and stored preference is when nothing is stored, or what is stored breaks
// its rule: every default in this one file. lib/settings/keys.ts pairs each with its key.
import type { LanguageChoice } from '../core/locale';
import type { ThemeChoice } from '../boot/theme';
import { DEFAULT_FILTERS } from '../reader/filters';
import type { ReaderPrefs } from '../reader/prefs';
import { OUTBOUND_LINKS, type OutboundLink } from '../core/urls';

/** Hugging Face itself; a mirror or the tests' fake is chosen on the options page. */
export const DEFAULT_SOURCE = 'https://huggingface.co';
/** Minutes between polls (0 would be "only when I click Refresh"). */
export const DEFAULT_POLL_MINUTES = 30;
/** Listing days kept after a sync; saved papers are always kept. */
export const DEFAULT_RETENTION_DAYS = 90;
/** The browser's language. */
export const DEFAULT_LANGUAGE: LanguageChoice = 'browser';
/** Whatever the system prefers. */
export const DEFAULT_THEME: ThemeChoice = 'system';
/** What the badge counts: papers new since the last look, unread papers of today's list, or nothing. */
export type BadgeMode = 'new' | 'unread' | 'off';
export const BADGE_MODES: readonly BadgeMode[] = ['new', 'unread', 'off'];
/** The badge counts new papers. */
export const DEFAULT_BADGE_MODE: BadgeMode = 'new';
/** Notifications are opt-in: the permission is asked for when they are turned on. */
export const DEFAULT_NOTIFICATIONS = false;
/** Upvotes at which a paper counts as rising. */
export const DEFAULT_RISING_THRESHOLD = 50;
/** No daily digest. */
export const DEFAULT_DIGEST_TIME = '';
/** Cards load their images from Hugging Face. */
export const DEFAULT_SHOW_IMAGES = true;
/** Cards show every outbound link. */
export const DEFAULT_CARD_LINKS: OutboundLink[] = [...OUTBOUND_LINKS];
/** The reader opens on today's papers, by upvotes, trending in HF's order, unfiltered. */
export const DEFAULT_READER_PREFS: ReaderPrefs = { view: 'today', sort: 'upvotes', trendingSort: 'trending', filters: DEFAULT_FILTERS };
