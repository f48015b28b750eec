import { browser } from 'wxt/browser';
import { MAX_RULE_LENGTH, checkRule, type WatchKind, type WatchRule, WATCH_KINDS } from './watchlist';
// The watchlist in storage.sync, one item per rule (`watch:<kind>:<normalised value>` →
// { label, addedAt }): two devices adding or removing different rules at once merge without
// loss, where one list in one item would keep only the last writer's copy.
import { WATCH_KEY_PREFIX } from '../settings/keys';

/**
 * storage.sync holds 512 items and 100 KB in all, shared with settings and saved papers:
 * the watchlist takes at most this many (each item is well under its 8 KB limit).
 */
export const MAX_WATCH_RULES = 100;

interface StoredRule {
  label: string;
  addedAt: number;
}

const watchKey = (kind: WatchKind, value: string) => `${WATCH_KEY_PREFIX}${kind}:${value}`;

/**
 * A normalised value is the label compatibility-folded: a few characters unfold into many
 * (one Arabic ligature into 18), so it may be longer than the label, but not without bound.
 */
const MAX_VALUE_LENGTH = MAX_RULE_LENGTH * 20;

/**
 * The rules in storage items, in the order they were added. Items come from other devices
 * (or versions) too: malformed ones, labels this device would refuse, and rules past
 * MAX_WATCH_RULES (the newest) are ignored, since every rule is matched against every paper.
 */
export function rulesFromItems(items: Record<string, unknown>): WatchRule[] {
  const rules: WatchRule[] = [];
  for (const [key, stored] of Object.entries(items)) {
    if (!key.startsWith(WATCH_KEY_PREFIX)) continue;
    const rest = key.slice(WATCH_KEY_PREFIX.length);
    const colon = rest.indexOf(':');
    const kind = rest.slice(0, colon) as WatchKind;
    const value = rest.slice(colon + 1);
    const item = stored as Partial<StoredRule> | undefined;
    if (colon < 0 || !WATCH_KINDS.includes(kind) || !value || value.length > MAX_VALUE_LENGTH || typeof item?.label !== 'string') continue;
    const label = checkRule(item.label);
    if (!label.ok) continue;
    rules.push({ kind, value, label: label.label, addedAt: Number.isFinite(item.addedAt) ? item.addedAt! : 0 });
  }
  return rules.sort((a, b) => a.addedAt - b.addedAt || a.value.localeCompare(b.value)).slice(0, MAX_WATCH_RULES);
}

export async function loadWatchRules(): Promise<WatchRule[]> {
  return rulesFromItems(await browser.storage.sync.get(null));
}

export type AddRuleResult =
  | { ok: true; rule: WatchRule }
  | { ok: false; reason: 'empty' | 'tooLong' | 'duplicate' | 'full' | 'quota'; detail?: string };

export async function addWatchRule(kind: WatchKind, input: string, now = Date.now()): Promise<AddRuleResult> {
  const checked = checkRule(input);
  if (!checked.ok) return checked;
  const rules = await loadWatchRules();
  if (rules.some((rule) => rule.kind === kind && rule.value === checked.value)) return { ok: false, reason: 'duplicate' };
  if (rules.length >= MAX_WATCH_RULES) return { ok: false, reason: 'full' };
  const rule: WatchRule = { kind, value: checked.value, label: checked.label, addedAt: now };
  try {
    await browser.storage.sync.set({ [watchKey(kind, rule.value)]: { label: rule.label, addedAt: now } satisfies StoredRule });
  } catch (error) {
    // The shared quotas (items, bytes, writes per minute) can still refuse it.
    return { ok: false, reason: 'quota', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, rule };
}

export async function removeWatchRule(rule: Pick<WatchRule, 'kind' | 'value'>): Promise<void> {
  await browser.storage.sync.remove(watchKey(rule.kind, rule.value));
}

/** Calls back with the whole list whenever a rule is added or removed, here or on another device. */
export function watchRulesChanged(listener: (rules: WatchRule[]) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(WATCH_KEY_PREFIX))) void loadWatchRules().then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
