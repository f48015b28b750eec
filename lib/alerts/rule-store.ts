import { browser } from 'wxt/browser';
import { MAX_RULE_LENGTH, checkRule, type WatchKind, type WatchRule, WATCH_KINDS } from './watchlist';

/**
 * A list of rules in storage.sync, one item per rule (`<prefix><kind>:<normalised value>` →
 * { label, addedAt }): two devices adding or removing different rules at once merge without
 * loss, where one list in one item would keep only the last writer's copy. The watchlist
 * (watchlist-store.ts) and the muted rules (mute-store.ts) are two such lists.
 */
export interface RuleStore {
  readonly prefix: string;
  /** The most rules kept; past it the newest are ignored, since every rule is matched against every paper. */
  readonly max: number;
  keyOf(kind: WatchKind, value: string): string;
  /** The rules in storage items, in the order they were added (see createRuleStore). */
  fromItems(items: Record<string, unknown>): WatchRule[];
  load(): Promise<WatchRule[]>;
  add(kind: WatchKind, input: string, now?: number): Promise<AddRuleResult>;
  remove(rule: Pick<WatchRule, 'kind' | 'value'>): Promise<void>;
  /** Calls back with the whole list whenever a rule is added or removed, here or on another device. */
  changed(listener: (rules: WatchRule[]) => void): () => void;
}

type AddRuleResult = { ok: true; rule: WatchRule } | { ok: false; reason: 'empty' | 'tooLong' | 'duplicate' | 'full' | 'quota'; detail?: string };

interface StoredRule {
  label: string;
  addedAt: number;
}

/**
 * A normalised value is the label compatibility-folded: a few characters unfold into many
 * (one Arabic ligature into 18), so it may be longer than the label, but not without bound.
 */
const MAX_VALUE_LENGTH = MAX_RULE_LENGTH * 20;

export function createRuleStore(prefix: string, max: number): RuleStore {
  const keyOf = (kind: WatchKind, value: string) => `${prefix}${kind}:${value}`;

  /**
   * Items come from other devices (or versions) too: malformed ones, labels this device would
   * refuse, and rules past `max` (the newest) are ignored.
   */
  function fromItems(items: Record<string, unknown>): WatchRule[] {
    const rules: WatchRule[] = [];
    for (const [key, stored] of Object.entries(items)) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const colon = rest.indexOf(':');
      const kind = rest.slice(0, colon) as WatchKind;
      const value = rest.slice(colon + 1);
      const item = stored as Partial<StoredRule> | undefined;
      if (colon < 0 || !WATCH_KINDS.includes(kind) || !value || value.length > MAX_VALUE_LENGTH || typeof item?.label !== 'string') continue;
      const label = checkRule(item.label);
      if (!label.ok) continue;
      rules.push({ kind, value, label: label.label, addedAt: Number.isFinite(item.addedAt) ? item.addedAt! : 0 });
    }
    return rules.sort((a, b) => a.addedAt - b.addedAt || a.value.localeCompare(b.value)).slice(0, max);
  }

  const load = async () => fromItems(await browser.storage.sync.get(null));

  return {
    prefix,
    max,
    keyOf,
    fromItems,
    load,
    async add(kind, input, now = Date.now()) {
      const checked = checkRule(input);
      if (!checked.ok) return checked;
      const rules = await load();
      if (rules.some((rule) => rule.kind === kind && rule.value === checked.value)) return { ok: false, reason: 'duplicate' };
      if (rules.length >= max) return { ok: false, reason: 'full' };
      const rule: WatchRule = { kind, value: checked.value, label: checked.label, addedAt: now };
      try {
        await browser.storage.sync.set({ [keyOf(kind, rule.value)]: { label: rule.label, addedAt: now } satisfies StoredRule });
      } catch (error) {
        // The shared quotas (items, bytes, writes per minute) can still refuse it.
        return { ok: false, reason: 'quota', detail: error instanceof Error ? error.message : String(error) };
      }
      return { ok: true, rule };
    },
    async remove(rule) {
      await browser.storage.sync.remove(keyOf(rule.kind, rule.value));
    },
    changed(listener) {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(prefix))) void load().then(listener);
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
