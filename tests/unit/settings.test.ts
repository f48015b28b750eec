import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import {
  BADGE_MODE_RULE,
  DEFAULT_SOURCE,
  DIGEST_TIME_RULE,
  NOTIFICATIONS_RULE,
  POLL_RULE,
  RETENTION_RULE,
  RISING_RULE,
  SOURCE_RULE,
  checkSource,
  permissionPatternFor,
  readChecked,
  sourceSetting,
  type RuledSetting,
} from '@/lib/settings';

describe('checkSource', () => {
  it.each([
    ['https://huggingface.co', 'https://huggingface.co'],
    ['https://hf-mirror.com/', 'https://hf-mirror.com'],
    ['  https://example.org/hf/  ', 'https://example.org/hf'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %j as %j', (input, source) => {
    expect(checkSource(input)).toMatchObject({ ok: true, source });
  });

  it.each([
    'http://huggingface.co',
    'http://192.168.1.2',
    'ftp://huggingface.co',
    'javascript:alert(1)',
    'huggingface.co',
    '',
    'https://user:pass@huggingface.co',
    'https://huggingface.co/?q=1',
    'https://huggingface.co/#x',
  ])('refuses %j', (input) => {
    expect(checkSource(input).ok).toBe(false);
  });
});

describe('permissionPatternFor', () => {
  it.each([
    ['https://huggingface.co', undefined],
    ['https://hf-mirror.com', 'https://hf-mirror.com/*'],
    ['https://example.org/hf', 'https://example.org/*'],
    ['http://127.0.0.1:8787', undefined],
  ])('%s needs %j', (source, pattern) => {
    expect(permissionPatternFor(source)).toBe(pattern);
  });
});

describe('sourceSetting', () => {
  it('falls back to huggingface.co and keeps what is saved', async () => {
    expect(await sourceSetting.getValue()).toBe(DEFAULT_SOURCE);
    await sourceSetting.setValue('https://hf-mirror.com');
    expect(await sourceSetting.getValue()).toBe('https://hf-mirror.com');
  });
});

describe('synced settings, checked where they are read', () => {
  // What another device, another version or a hand edit may have put in storage.sync.
  it.each([
    [SOURCE_RULE, 'source', 'https://hf-mirror.com/', 'https://hf-mirror.com'],
    [SOURCE_RULE, 'source', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    [SOURCE_RULE, 'source', 'http://example.com', undefined], // no TLS
    [SOURCE_RULE, 'source', 'not a url', undefined],
    [SOURCE_RULE, 'source', 42, undefined],
    [POLL_RULE, 'pollMinutes', 60, 60],
    [POLL_RULE, 'pollMinutes', 0, 0], // manual only
    [POLL_RULE, 'pollMinutes', null, 30], // never set: the default, not refused
    [POLL_RULE, 'pollMinutes', 1, undefined],
    [POLL_RULE, 'pollMinutes', '30', undefined],
    [POLL_RULE, 'pollMinutes', -15, undefined],
    [RETENTION_RULE, 'retentionDays', 365, 365],
    [RETENTION_RULE, 'retentionDays', 0, undefined], // would delete every unsaved paper, on every device
    [RETENTION_RULE, 'retentionDays', -1, undefined],
    [RETENTION_RULE, 'retentionDays', 1e9, undefined],
    [BADGE_MODE_RULE, 'badgeMode', 'unread', 'unread'],
    [BADGE_MODE_RULE, 'badgeMode', 'loud', undefined],
    [NOTIFICATIONS_RULE, 'notifications', true, true],
    [NOTIFICATIONS_RULE, 'notifications', 'yes', undefined],
    [RISING_RULE, 'risingThreshold', 0, 0],
    [RISING_RULE, 'risingThreshold', 1, undefined],
    [DIGEST_TIME_RULE, 'digestTime', '', ''],
    [DIGEST_TIME_RULE, 'digestTime', '07:30', '07:30'],
    [DIGEST_TIME_RULE, 'digestTime', '25:00', undefined],
  ] as [RuledSetting<unknown>, string, unknown, unknown][])('%#: %s stored as %j reads as %j (undefined: refused)', async (setting, key, stored, expected) => {
    if (stored !== null) await browser.storage.sync.set({ [key]: stored });
    const checked = await readChecked(setting);
    if (expected === undefined) expect(checked).toEqual({ value: setting.fallback, refused: true, stored });
    else expect(checked).toEqual({ value: expected, refused: false });
  });
});
