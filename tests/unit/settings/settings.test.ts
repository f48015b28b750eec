import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { RULED_SETTINGS, checkSource, permissionPatternFor, readChecked, sourceSetting, type RuledSetting, type RuledSettingName } from '@/lib/settings/items';
import { DEFAULT_SOURCE } from '@/lib/settings/defaults';

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
    ['source', 'https://hf-mirror.com/', 'https://hf-mirror.com'],
    ['source', 'http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['source', 'http://example.com', undefined], // no TLS
    ['source', 'not a url', undefined],
    ['source', 42, undefined],
    ['pollMinutes', 60, 60],
    ['pollMinutes', 0, 0], // manual only
    ['pollMinutes', null, 30], // never set: the default, not refused
    ['pollMinutes', 1, undefined],
    ['pollMinutes', '30', undefined],
    ['pollMinutes', -15, undefined],
    ['pollMinutes', Number.NaN, 30], // storage keeps JSON: NaN arrives as null, the default
    ['retentionDays', Number.POSITIVE_INFINITY, 90],
    ['retentionDays', 365, 365],
    ['retentionDays', 0, undefined], // would delete every unsaved paper, on every device
    ['retentionDays', -1, undefined],
    ['retentionDays', 1e9, undefined],
    ['badgeMode', 'unread', 'unread'],
    ['badgeMode', 'loud', undefined],
    ['notifications', true, true],
    ['notifications', 'yes', undefined],
    ['risingThreshold', 0, 0],
    ['risingThreshold', 1, undefined],
    ['digestTime', '', ''],
    ['digestTime', '07:30', '07:30'],
    ['digestTime', '25:00', undefined],
  ] as [RuledSettingName, unknown, unknown][])('%s stored as %j reads as %j (undefined: refused)', async (key, stored, expected) => {
    // Each rule's name is its key in storage.sync.
    const setting = RULED_SETTINGS.find((rule) => rule.name === key) as RuledSetting<unknown>;
    if (stored !== null) await browser.storage.sync.set({ [key]: stored });
    const checked = await readChecked(setting);
    if (expected === undefined) expect(checked).toEqual({ value: setting.fallback, refused: true, stored });
    else expect(checked).toEqual({ value: expected, refused: false });
  });
});
