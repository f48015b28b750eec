import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAge, formatDay, formatNumber, formatTime, messagesOf, t, tn, type MessageKey } from '@/lib/i18n';
import { t as backgroundT } from '@/lib/i18n-background';
import { DEFAULT_LOCALE, LANGUAGES, resolveLocale, setLocale, type Language } from '@/lib/locale';
import { backgroundMessages } from '@/lib/locales/background';
import { placeholders } from '@/lib/locales/translator';

const allMessages = {} as Record<Language, Readonly<Record<MessageKey, string>>>;
beforeAll(async () => {
  for (const language of LANGUAGES) allMessages[language] = await messagesOf(language);
});
afterEach(() => setLocale(DEFAULT_LOCALE));

const LOCALES_DIR = resolve(import.meta.dirname, '../../public/_locales');
type MessagesJson = Record<string, { message: string; description?: string }>;
const localesFiles = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((dir) => [dir, JSON.parse(readFileSync(resolve(LOCALES_DIR, dir, 'messages.json'), 'utf8')) as MessagesJson]),
);

describe('catalogues', () => {
  const english = () => allMessages.en;
  const keys = () => Object.keys(allMessages.en).sort();

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key, and no other', (language) => {
    expect(Object.keys(allMessages[language]).sort()).toEqual(keys());
  });

  it.each(LANGUAGES)('%s has no empty string', (language) => {
    const empty = Object.entries(allMessages[language]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s has the same {placeholders} as English in every string', (language) => {
    const differing = keys().filter((key) => placeholders(allMessages[language][key as MessageKey]).join() !== placeholders(english()[key as MessageKey]).join());
    expect(differing).toEqual([]);
  });

  it('keeps plural pairs whole: every x_one has its x_other', () => {
    const orphans = keys().filter((key) => key.endsWith('_one') && !keys().includes(key.replace(/_one$/, '_other')));
    expect(orphans).toEqual([]);
  });

  it('gives the background its own strings only, in every language', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(backgroundMessages[language]).sort()).toEqual(Object.keys(backgroundMessages.en).sort());
      for (const [key, text] of Object.entries(backgroundMessages[language])) expect(allMessages[language][key as MessageKey]).toBe(text);
    }
  });
});

describe('_locales (manifest name and description)', () => {
  it('ships English, the default_locale, and Simplified Chinese', () => {
    expect(Object.keys(localesFiles).sort()).toEqual(['en', 'zh_CN']);
  });

  it.each(Object.keys(localesFiles))('%s has every key of en, none empty, with the same $placeholders$', (dir) => {
    const en = localesFiles.en!;
    const messages = localesFiles[dir]!;
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), key).not.toBe('');
      const names = (text: string) => [...text.matchAll(/\$(\w+)\$/g)].map((match) => match[1]).sort();
      expect(names(message), key).toEqual(names(en[key]!.message));
    }
  });

  it('names the extension as the UI does', () => {
    expect(localesFiles.en!.extName!.message).toBe(allMessages.en.appName);
    expect(localesFiles.zh_CN!.extName!.message).toBe(allMessages['zh-CN'].appName);
  });
});

describe('locale choice', () => {
  it.each([
    ['browser', 'en-US', 'en', 'en-US'],
    ['browser', 'en-GB', 'en', 'en-GB'],
    ['browser', 'zh-CN', 'zh-CN', 'zh-CN'],
    ['browser', 'zh', 'zh-CN', 'zh'],
    ['browser', 'zh-SG', 'zh-CN', 'zh-SG'],
    ['browser', 'zh_CN', 'zh-CN', 'zh-CN'],
    ['browser', 'zh-TW', 'en', 'en'],
    ['browser', 'de-DE', 'en', 'en'],
    ['browser', '', 'en', 'en'],
    ['browser', 'not a tag!', 'en', 'en'],
    ['en', 'zh-CN', 'en', 'en'],
    ['en', 'en-GB', 'en', 'en-GB'],
    ['zh-CN', 'en-US', 'zh-CN', 'zh-CN'],
    ['zh-CN', 'zh-SG', 'zh-CN', 'zh-SG'],
    ['klingon', 'en-AU', 'en', 'en-AU'],
    [undefined, 'zh-CN', 'zh-CN', 'zh-CN'],
  ])('%j with a %j browser speaks %s, dates in %s', (choice, ui, language, tag) => {
    expect(resolveLocale(choice, ui)).toEqual({ language, tag });
  });
});

describe('t, tn and formatting in the chosen locale', () => {
  it('speaks English until a chosen language is loaded', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/i18n');
    const locale = await import('@/lib/locale');
    locale.setLocale(locale.resolveLocale('zh-CN', 'en-US'));
    expect(fresh.t('openSidePanel')).toBe('Open side panel');
    await fresh.loadLanguage('zh-CN');
    expect(fresh.t('openSidePanel')).toBe('打开侧边栏');
  });

  it('translates, fills placeholders, and writes numbers for the locale', () => {
    expect(t('sourceSaved', { source: 'https://hf-mirror.com' })).toBe('Saved — syncing from https://hf-mirror.com');
    expect(t('githubStars', { n: 12345 })).toBe('12,345 stars on GitHub');
    setLocale(resolveLocale('zh-CN', 'en-US'));
    expect(t('openSidePanel')).toBe('打开侧边栏');
    expect(t('githubStars', { n: 12345 })).toBe('GitHub 上有 12,345 个星标');
    expect(backgroundT('badgeNoNew')).toBe('暂无新论文。');
  });

  it.each([
    ['en', 0, '0 upvotes'],
    ['en', 1, '1 upvote'],
    ['en', 2, '2 upvotes'],
    ['en', 1000, '1,000 upvotes'],
    ['zh-CN', 1, '1 个点赞'],
    ['zh-CN', 2, '2 个点赞'],
  ] as const)('counts with the plural rules of %s: %i → %s', (language, n, text) => {
    setLocale(resolveLocale(language, 'en-US'));
    expect(tn('upvotes', n)).toBe(text);
  });

  it('writes days, times, ages and numbers in the chosen locale', () => {
    const time = Date.UTC(2026, 10, 26, 9, 5);
    setLocale(resolveLocale('en', 'en-GB'));
    expect(formatDay('2026-11-20')).toBe('Fri 20 Nov');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setLocale(resolveLocale('zh-CN', 'en-US'));
    expect(formatDay('2026-11-20')).toBe('11月20日周五');
    expect(formatAge(3 * 3_600_000)).toBe('3 小时前');
    expect(formatAge(10_000)).toBe('刚刚');
    expect(formatTime(time)).toBe(new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit' }).format(time));
  });
});
