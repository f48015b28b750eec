import { createRuleStore } from './rule-store';
// The muted rules in storage.sync, one item per rule (`mute:<kind>:<normalised value>` →
// { label, addedAt }), like the watchlist's (rule-store.ts), so edits on two devices merge.
import { MUTE_KEY_PREFIX } from '../settings/keys';

/** Fewer than the watchlist's: both share storage.sync's 512 items with settings and saved papers. */
export const MAX_MUTE_RULES = 50;

const muted = createRuleStore(MUTE_KEY_PREFIX, MAX_MUTE_RULES);

export const loadMuteRules = muted.load;
export const addMuteRule = muted.add;
export const removeMuteRule = muted.remove;
export const muteRulesChanged = muted.changed;
