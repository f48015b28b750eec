import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppearance, type Appearance } from '@/components/shared/appearance';
import { APPEARANCE_HINT_KEY as APPEARANCE_HINT } from '@/lib/settings/keys';
import { OptionsApp } from '@/components/options/OptionsApp';
import { loadLanguage } from '@/lib/i18n/ui';
import { t } from '@/lib/i18n/options';
import { DEFAULT_LOCALE, currentLocale, setLocale } from '@/lib/core/locale';
import { languageSetting, themeSetting } from '@/lib/settings/items';
import { applyTheme } from '@/lib/boot/theme';
import { fakeSend } from '../../support/fakes';

const root = document.documentElement;
let appearance: Appearance | undefined;

function start(ui = 'en-US') {
  appearance = startAppearance({ title: () => t('optionsTitle'), ui: () => ui });
  return appearance;
}

afterEach(() => {
  cleanup();
  appearance?.stop();
  appearance = undefined;
  setLocale(DEFAULT_LOCALE);
  root.removeAttribute('data-theme');
  localStorage.clear();
});

describe('theme', () => {
  it.each([
    ['dark', 'dark'],
    ['light', 'light'],
    ['system', null],
    ['sepia', null],
    [undefined, null],
  ])('%j sets data-theme to %j', (choice, attribute) => {
    root.setAttribute('data-theme', 'light');
    applyTheme(choice, root);
    expect(root.getAttribute('data-theme')).toBe(attribute);
  });
});

describe('startAppearance', () => {
  it('applies the last choices seen before the settings are read: no flash', async () => {
    await loadLanguage('zh-CN'); // as when its chunk is cached; the settings still say "browser default"
    localStorage.setItem(APPEARANCE_HINT, JSON.stringify({ language: 'zh-CN', theme: 'dark' }));
    const { first, ready } = start();
    expect(root.getAttribute('data-theme')).toBe('dark'); // at once, before any await
    await first;
    expect(root.lang).toBe('zh-CN');
    expect(document.title).toBe('Paperboy 设置');
    await ready;
    expect(root.lang).toBe('en-US');
    expect(root.getAttribute('data-theme')).toBeNull();
  });

  it('then follows the synced settings, and remembers them for the next page', async () => {
    localStorage.setItem(APPEARANCE_HINT, JSON.stringify({ language: 'zh-CN', theme: 'dark' }));
    await languageSetting.setValue('browser');
    await themeSetting.setValue('light');
    await start('en-GB').ready;
    expect(root.getAttribute('data-theme')).toBe('light');
    expect(currentLocale()).toEqual({ language: 'en', tag: 'en-GB' });
    expect(root.lang).toBe('en-GB');
    expect(document.title).toBe('Paperboy settings');
    expect(JSON.parse(localStorage.getItem(APPEARANCE_HINT)!)).toEqual({ language: 'browser', theme: 'light' });
  });

  it('speaks the browser language by default', async () => {
    await start('zh-CN').ready;
    expect(currentLocale().language).toBe('zh-CN');
    expect(root.getAttribute('data-theme')).toBeNull();
  });

  it('survives a broken hint', async () => {
    localStorage.setItem(APPEARANCE_HINT, '{nope');
    await start().ready;
    expect(currentLocale().language).toBe('en');
  });
});

describe('Language and Theme in the options page', () => {
  it('lists the choices, English by default in an English browser', async () => {
    start();
    render(<OptionsApp requestOrigin={async () => true} send={fakeSend({})} />);
    const language = (await screen.findByLabelText('Language')) as HTMLSelectElement;
    await waitFor(() => expect(language.value).toBe('browser'));
    expect([...language.options].map((option) => [option.value, option.text, option.lang])).toEqual([
      ['browser', 'Browser default', ''],
      ['en', 'English', 'en'],
      ['zh-CN', '简体中文', 'zh-CN'],
    ]);
    const theme = screen.getByLabelText('Theme') as HTMLSelectElement;
    await waitFor(() => expect(theme.value).toBe('system'));
    expect([...theme.options].map((option) => option.text)).toEqual(['System', 'Light', 'Dark']);
  });

  it('applies both at once: the page re-renders in Chinese, the theme changes, both are stored', async () => {
    start();
    render(<OptionsApp requestOrigin={async () => true} send={fakeSend({})} />);
    const language = await screen.findByLabelText('Language');
    await waitFor(() => expect((language as HTMLSelectElement).value).toBe('browser'));
    fireEvent.change(language, { target: { value: 'zh-CN' } });
    await screen.findByRole('heading', { name: 'Paperboy 设置' });
    expect(screen.getByLabelText('数据源')).toBeTruthy();
    expect(screen.getByLabelText('检查新论文')).toBeTruthy();
    expect(screen.getByRole('option', { name: '每 15 分钟' })).toBeTruthy();
    expect(root.lang).toBe('zh-CN');
    expect(document.title).toBe('Paperboy 设置');
    expect(await languageSetting.getValue()).toBe('zh-CN');

    fireEvent.change(screen.getByLabelText('主题'), { target: { value: 'dark' } });
    await waitFor(() => expect(root.getAttribute('data-theme')).toBe('dark'));
    expect(await themeSetting.getValue()).toBe('dark');
    expect((screen.getByLabelText('主题') as HTMLSelectElement).value).toBe('dark');
  });
});
