import { createRuleStore } from './rule-store';
import type { WatchRule } from './watchlist';
// The watchlist in storage.sync, one item per rule (`watch:<kind>:<normalised value>` →
// { label, addedAt }), kept as rule-store.ts keeps a list of rules.
import { WATCH_KEY_PREFIX } from '../settings/keys';

/**
 * storage.sync holds 512 items and 100 KB in all, shared with settings, saved papers and the
 * muted rules: the watchlist takes at most this many (each item is well under its 8 KB limit).
 */
export const MAX_WATCH_RULES = 100;

/** The watchlist's list (the options page shows it whole). */
export const watchlistStore = createRuleStore(WATCH_KEY_PREFIX, MAX_WATCH_RULES);

export const rulesFromItems = (items: Record<string, unknown>): WatchRule[] => watchlistStore.fromItems(items);
export const loadWatchRules = watchlistStore.load;
export const addWatchRule = watchlistStore.add;
export const removeWatchRule = watchlistStore.remove;
export const watchRulesChanged = watchlistStore.changed;
