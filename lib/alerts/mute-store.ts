import { createRuleStore } from './rule-store';
// The muted rules in storage.sync, one item per rule (`mute:<kind>:<normalised value>` →
// { label, addedAt }), like the watchlist's (rule-store.ts), so edits on two devices merge.
import { MUTE_KEY_PREFIX } from '../settings/keys';

/** Fewer than the watchlist's: both share storage.sync's 512 items with settings and saved papers. */
export const MAX_MUTE_RULES = 50;

/** The muted rules' list (the options page shows it whole). */
export const muteStore = createRuleStore(MUTE_KEY_PREFIX, MAX_MUTE_RULES);

export const loadMuteRules = muteStore.load;
export const addMuteRule = muteStore.add;
export const removeMuteRule = muteStore.remove;
export const muteRulesChanged = muteStore.changed;
