import { describe, expect, it } from 'vitest';
import { countMuted, createMuteMatcher } from '@/lib/alerts/mute';
import { isMuted, withoutMuted } from '@/lib/store/records';
import { checkRule, type WatchKind, type WatchRule } from '@/lib/alerts/watchlist';

const rule = (kind: WatchKind, label: string, addedAt = 1): WatchRule => {
  const checked = checkRule(label);
  if (!checked.ok) throw new Error(label);
  return { kind, label: checked.label, value: checked.value, addedAt };
};
const paper = { title: 'Diffusion for crypto trading', abstract: 'We trade.', authors: ['Ada Lovelace'], organization: 'Big Lab AI' };

describe('the mute matcher: the watchlist matcher, whose hits hide a paper', () => {
  it.each([
    ['a keyword in the title', rule('keyword', 'Crypto'), true],
    ['not part of a word', rule('keyword', 'crypt'), false],
    ['an author by whole name', rule('author', 'ada lovelace'), true],
    ['not a part of a name', rule('author', 'Ada'), false],
    ['a word of the organisation', rule('organization', 'big lab'), true],
    ['another organisation', rule('organization', 'small lab'), false],
  ])('%s → muted %s', (_name, muting, muted) => {
    expect(createMuteMatcher([muting])(paper).length > 0).toBe(muted);
  });

  it('mutes nothing without rules', () => {
    expect(createMuteMatcher([])(paper)).toEqual([]);
  });
});

describe('muted lists', () => {
  const hit = { kind: 'keyword', label: 'crypto' } as const;
  it.each([
    ['no mark', {}, false],
    ['an empty mark', { muted: [] }, false],
    ['a hit', { muted: [hit] }, true],
  ])('%s → %s', (_name, marks, muted) => {
    expect(isMuted(marks)).toBe(muted);
  });

  it('leaves muted papers out in order, and counts them', () => {
    const list: { id: string; muted?: (typeof hit)[] }[] = [{ id: 'a' }, { id: 'b', muted: [hit] }, { id: 'c' }];
    expect(withoutMuted(list).map((one) => one.id)).toEqual(['a', 'c']);
    expect(countMuted(list)).toBe(1);
    const none: { id: string; muted?: (typeof hit)[] }[] = [{ id: 'a' }];
    expect(withoutMuted(none)).toBe(none);
  });
});
