import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAge, formatDay, formatNumber, formatTime, messagesOf, t, tn } from '@/lib/i18n/ui';
import { t as backgroundT } from '@/lib/i18n/background';
import { t as optionsT } from '@/lib/i18n/options';
import { t as popupT } from '@/lib/i18n/popup';
import { DEFAULT_LOCALE, LANGUAGES, resolveLocale, setLocale, type Language } from '@/lib/core/locale';
import { backgroundMessages } from '@/lib/i18n/locales/background';
import { sharedMessages } from '@/lib/i18n/locales/shared';
import { createTranslator, placeholders } from '@/lib/i18n/locales/translator';

// Every part of the pages' strings (lib/i18n/ui.ts and each page's lib/i18n/<page>.ts), found by name so
// that a part added later is checked too: importing a part registers it with messagesOf().
const partModules = import.meta.glob('../../../lib/i18n/*.ts', { eager: true });

type Messages = Readonly<Record<string, string>>;
/** The pages' catalogue (every part) and the background's, per language. */
const catalogues: Record<'pages' | 'background', Record<Language, Messages>> = { pages: { en: {}, 'zh-CN': {} }, background: backgroundMessages };
beforeAll(async () => {
  for (const language of LANGUAGES) catalogues.pages[language] = await messagesOf(language);
});
afterEach(() => setLocale(DEFAULT_LOCALE));

const LOCALES_DIR = resolve(import.meta.dirname, '../../../public/_locales');
type MessagesJson = Record<string, { message: string; description?: string }>;
const localesFiles = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((dir) => [dir, JSON.parse(readFileSync(resolve(LOCALES_DIR, dir, 'messages.json'), 'utf8')) as MessagesJson]),
);

describe.each(['pages', 'background'] as const)('%s catalogue', (which) => {
  const messages = (language: Language) => catalogues[which][language];
  const keys = () => Object.keys(messages('en')).sort();

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key, and no other', (language) => {
    expect(Object.keys(messages(language)).sort()).toEqual(keys());
  });

  it.each(LANGUAGES)('%s has no empty string', (language) => {
    const empty = Object.entries(messages(language)).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(LANGUAGES)('%s has the same {placeholders} as English in every string', (language) => {
    const differing = keys().filter((key) => placeholders(messages(language)[key]!).join() !== placeholders(messages('en')[key]!).join());
    expect(differing).toEqual([]);
  });

  it('keeps plural pairs whole: every x_one has its x_other', () => {
    const orphans = keys().filter((key) => key.endsWith('_one') && !keys().includes(key.replace(/_one$/, '_other')));
    expect(orphans).toEqual([]);
  });

  it('has the strings shared by the pages and the background, the same in both', () => {
    for (const language of LANGUAGES) expect(messages(language)).toMatchObject(sharedMessages[language]);
  });
});

describe("the pages' parts", () => {
  it('are all checked above: every page part in lib/i18n/ and its translations', () => {
    // The page parts (lib/i18n/ui.ts, popup, panel and its later part, options, the export choices) each export a t(); the test sees them all.
    const parts = Object.entries(partModules).filter(([path]) => !/\/(background|shared|language)\.ts$/.test(path));
    expect(parts.map(([path]) => path.replace(/^.*\//, '')).sort()).toEqual(['export.ts', 'options.ts', 'panel-later.ts', 'panel.ts', 'popup.ts', 'ui.ts']);
  });

  it('share no key: a string belongs to one part', () => {
    const background = Object.keys(backgroundMessages.en).filter((key) => !(key in sharedMessages.en));
    expect(background.filter((key) => key in catalogues.pages.en!)).toEqual([]);
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
    expect(localesFiles.en!.extName!.message).toBe(sharedMessages.en.appName);
    expect(localesFiles.zh_CN!.extName!.message).toBe(sharedMessages['zh-CN'].appName);
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
    const fresh = await import('@/lib/i18n/ui');
    const popup = await import('@/lib/i18n/popup');
    const locale = await import('@/lib/core/locale');
    locale.setLocale(locale.resolveLocale('zh-CN', 'en-US'));
    expect(fresh.t('refresh')).toBe('Refresh');
    expect(popup.t('openSidePanel')).toBe('Open side panel');
    await fresh.loadLanguage('zh-CN');
    expect(fresh.t('refresh')).toBe('刷新');
    expect(popup.t('openSidePanel')).toBe('打开侧边栏');
  });

  it('loads a part imported after its language was loaded', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/i18n/ui');
    const locale = await import('@/lib/core/locale');
    locale.setLocale(locale.resolveLocale('zh-CN', 'en-US'));
    await fresh.loadLanguage('zh-CN');
    const options = await import('@/lib/i18n/options');
    await vi.waitFor(() => expect(options.t('optionsTitle')).toBe('Paperboy 设置'));
  });

  it('loads a part imported while its language is still loading', async () => {
    vi.resetModules();
    const fresh = await import('@/lib/i18n/ui');
    const locale = await import('@/lib/core/locale');
    locale.setLocale(locale.resolveLocale('zh-CN', 'en-US'));
    const loading = fresh.loadLanguage('zh-CN');
    // Registered before that load has answered (a lazily loaded part of a page).
    const part = fresh.addStrings({ lateTitle: 'Late part' }, { 'zh-CN': async () => ({ lateTitle: '后加载的部分' }) });
    await loading;
    await vi.waitFor(() => expect(part.t('lateTitle')).toBe('后加载的部分'));
    expect(fresh.t('refresh')).toBe('刷新');
  });

  it('translates, fills placeholders, and writes numbers for the locale', () => {
    expect(optionsT('sourceSaved', { source: 'https://hf-mirror.com' })).toBe('Saved — syncing from https://hf-mirror.com');
    expect(t('githubStars', { n: 12345 })).toBe('12,345 stars on GitHub');
    setLocale(resolveLocale('zh-CN', 'en-US'));
    expect(popupT('openSidePanel')).toBe('打开侧边栏');
    expect(t('githubStars', { n: 12345 })).toBe('GitHub 上有 12,345 个星标');
    expect(backgroundT('badgeNoNew')).toBe('暂无新论文。');
  });

  it('speaks English for the strings of a part whose translation is not loaded yet, counted ones too', () => {
    const { t: partT, tn: partTn } = createTranslator<'title' | 'papers_one' | 'papers_other'>({
      en: { title: 'Papers', papers_one: '{n} paper', papers_other: '{n} papers' },
      'zh-CN': {} as Record<'title' | 'papers_one' | 'papers_other', string>,
    });
    setLocale(resolveLocale('zh-CN', 'en-US'));
    expect(partT('title')).toBe('Papers');
    expect(partTn('papers', 3)).toBe('3 papers');
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
