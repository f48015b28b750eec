import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '@/lib/core/dates';
import { describeFreshness } from '@/lib/reader/freshness';
import { dateTimeFormat, formatDate, numberFormat, pluralRules } from '@/lib/core/intl';
import { formatDay } from '@/lib/i18n/ui';
import { DEFAULT_LOCALE, resolveLocale, setLocale } from '@/lib/core/locale';

const OriginalDateTimeFormat = Intl.DateTimeFormat;
let built = 0;

/** Counts every DateTimeFormat built from here on. */
function countBuilds() {
  built = 0;
  Intl.DateTimeFormat = class extends OriginalDateTimeFormat {
    constructor(...args: ConstructorParameters<typeof OriginalDateTimeFormat>) {
      super(...args);
      built += 1;
    }
  } as typeof Intl.DateTimeFormat;
}

afterEach(() => {
  Intl.DateTimeFormat = OriginalDateTimeFormat;
  setLocale(DEFAULT_LOCALE);
});

describe('Intl formatters, cached per (locale, options)', () => {
  it.each([
    ['dateTimeFormat', dateTimeFormat, { month: 'short' }, { month: 'long' }],
    ['numberFormat', numberFormat, { maximumFractionDigits: 1 }, { maximumFractionDigits: 2 }],
    ['pluralRules', pluralRules, { type: 'ordinal' }, { type: 'cardinal' }],
  ] as const)('%s gives back the same object for the same locale and options', (_name, make, options, other) => {
    const get = make as (locale: string | undefined, options?: object) => object;
    const first = get('en-GB', options);
    expect(get('en-GB', options)).toBe(first);
    expect(get('en-GB', { ...options })).toBe(first); // equal options, another object
    expect(get('zh-CN', options)).not.toBe(first);
    expect(get('en-GB', other)).not.toBe(first);
    expect(get('en-GB')).toBe(get('en-GB', {}));
  });

  it('builds one DateTimeFormat for a thousand card dates', () => {
    countBuilds();
    const dates = Array.from({ length: 1000 }, (_, index) =>
      localDate(new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString(), 'en-IE', 'Asia/Kolkata'),
    );
    expect(new Set(dates).size).toBeGreaterThan(40);
    expect(built).toBe(1);
  });

  it('builds nothing new when the freshness header is described again', () => {
    const input = {
      view: 'week',
      requested: '2026-W48',
      count: 3,
      sync: { failures: 0 },
      now: Date.UTC(2026, 10, 26, 12),
      timeZone: 'Pacific/Auckland',
      locale: 'en-NZ',
    } as const;
    describeFreshness({ ...input });
    countBuilds();
    for (let i = 0; i < 50; i += 1) describeFreshness({ ...input, count: i });
    expect(built).toBe(0);
  });

  it('follows the chosen locale, one formatter per locale', () => {
    countBuilds();
    const iso = '2026-11-20T12:00:00Z';
    setLocale(resolveLocale('zh-CN', 'en-US'));
    expect(localDate(iso, undefined, 'Europe/Oslo')).toBe('2026年11月20日');
    expect(localDate(iso, undefined, 'Europe/Oslo')).toBe('2026年11月20日');
    setLocale(resolveLocale('en', 'en-GB'));
    expect(localDate(iso, undefined, 'Europe/Oslo')).toBe('20 Nov 2026');
    expect(built).toBe(2);
  });
});

describe('formatDate never throws', () => {
  const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };
  it.each([
    [Date.UTC(2026, 10, 26), '11/26/2026'],
    [8.64e15, '09/13/275760'], // the last time a Date can hold
    [8.64e15 + 1, '—'],
    [-8.64e15 - 1, '—'],
    [Date.now() + 9_999_999_999_999_000, '—'], // a 13-digit rate-limit wait in seconds
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d → %j', (time, expected) => {
    expect(formatDate('en-US', DAY, time)).toBe(expected);
  });

  it('nor does a listing day that is not one', () => {
    expect(formatDay('not-a-day')).toBe('—');
  });
});
