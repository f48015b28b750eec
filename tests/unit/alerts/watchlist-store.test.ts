import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_WATCH_RULES, addWatchRule, loadWatchRules, removeWatchRule, rulesFromItems } from '@/lib/alerts/watchlist-store';

describe('the watchlist in storage.sync', () => {
  it('reads one rule per item, in the order added, ignoring other settings and malformed items', () => {
    expect(
      rulesFromItems({
        'watch:author:ada lovelace': { label: 'Ada Lovelace', addedAt: 2 },
        'watch:keyword:llama-3': { label: 'LLaMA-3', addedAt: 1 },
        'watch:keyword:': { label: 'empty', addedAt: 3 },
        'watch:colour:red': { label: 'red', addedAt: 4 },
        'watch:keyword:x': 'not an object',
        source: 'https://huggingface.co',
      }),
    ).toEqual([
      { kind: 'keyword', value: 'llama-3', label: 'LLaMA-3', addedAt: 1 },
      { kind: 'author', value: 'ada lovelace', label: 'Ada Lovelace', addedAt: 2 },
    ]);
  });

  it.each([
    ['a label too long to have been typed here', { 'watch:keyword:long': { label: 'x'.repeat(101), addedAt: 1 } }, []],
    ['a blank label', { 'watch:keyword:blank': { label: ' \n ', addedAt: 1 } }, []],
    ['an unbounded value', { [`watch:keyword:${'y'.repeat(5000)}`]: { label: 'y', addedAt: 1 } }, []],
    [
      'a label with runs of space, tidied as when typed',
      { 'watch:author:ada lovelace': { label: '  Ada \n Lovelace ', addedAt: 1 } },
      [{ kind: 'author', value: 'ada lovelace', label: 'Ada Lovelace', addedAt: 1 }],
    ],
    ['a time that is not a number', { 'watch:keyword:gpt': { label: 'GPT', addedAt: 'soon' } }, [{ kind: 'keyword', value: 'gpt', label: 'GPT', addedAt: 0 }]],
  ])('from another device: ignores or tidies %s', (_name, items, expected) => {
    expect(rulesFromItems(items)).toEqual(expected);
  });

  it('from other devices: keeps only the oldest MAX_WATCH_RULES rules', () => {
    const items = Object.fromEntries(Array.from({ length: MAX_WATCH_RULES + 50 }, (_, i) => [`watch:keyword:k${i}`, { label: `k${i}`, addedAt: i }]));
    const rules = rulesFromItems(items);
    expect(rules).toHaveLength(MAX_WATCH_RULES);
    expect(rules.at(-1)!.label).toBe(`k${MAX_WATCH_RULES - 1}`);
  });

  it('merges edits from two devices without loss: each rule is its own item', async () => {
    // Device A adds a rule; device B's sync brings two of its own and removes one of A's older ones.
    await addWatchRule('keyword', 'diffusion', 1);
    await addWatchRule('keyword', 'agents', 2);
    await fakeBrowser.storage.sync.set({
      'watch:organization:openai': { label: 'OpenAI', addedAt: 3 },
      'watch:author:kaiming he': { label: 'Kaiming He', addedAt: 4 },
    });
    await fakeBrowser.storage.sync.remove('watch:keyword:agents');
    await addWatchRule('keyword', 'LLaMA-3', 5);
    expect((await loadWatchRules()).map((rule) => rule.label)).toEqual(['diffusion', 'OpenAI', 'Kaiming He', 'LLaMA-3']);
    await removeWatchRule({ kind: 'organization', value: 'openai' });
    expect((await loadWatchRules()).map((rule) => rule.label)).toEqual(['diffusion', 'Kaiming He', 'LLaMA-3']);
  });

  it('says why a rule is refused, the quota included', async () => {
    expect(await addWatchRule('keyword', '  ')).toEqual({ ok: false, reason: 'empty' });
    await addWatchRule('author', 'Ada Lovelace');
    expect(await addWatchRule('author', 'ADA LOVELACE')).toEqual({ ok: false, reason: 'duplicate' });
    // The same words as another kind are another rule.
    expect(await addWatchRule('keyword', 'Ada Lovelace')).toMatchObject({ ok: true });
    const set = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    try {
      expect(await addWatchRule('keyword', 'one more')).toEqual({ ok: false, reason: 'quota', detail: 'QUOTA_BYTES quota exceeded' });
    } finally {
      fakeBrowser.storage.sync.set = set;
    }
  });

  it('stops at the cap, leaving sync storage room for settings and saved papers', async () => {
    await fakeBrowser.storage.sync.set(
      Object.fromEntries(Array.from({ length: MAX_WATCH_RULES - 1 }, (_, i) => [`watch:keyword:k${i}`, { label: `k${i}`, addedAt: i }])),
    );
    expect(await addWatchRule('keyword', 'last one')).toMatchObject({ ok: true });
    expect(await addWatchRule('keyword', 'one too many')).toEqual({ ok: false, reason: 'full' });
    expect(await loadWatchRules()).toHaveLength(MAX_WATCH_RULES);
  });
});
