import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, followLanguage } from '@/lib/i18n/language';
import { DEFAULT_LOCALE, currentLocale, setLocale, type Language } from '@/lib/core/locale';
import { languageSetting } from '@/lib/settings/items';

afterEach(() => setLocale(DEFAULT_LOCALE));

const ui = () => 'en-GB';

describe('applyLanguage', () => {
  it('switches only once the language is prepared, and the last choice wins', async () => {
    let finishChinese!: () => void;
    const prepare = vi.fn((language: Language) => (language === 'zh-CN' ? new Promise<void>((done) => (finishChinese = done)) : Promise.resolve()));
    const chinese = applyLanguage('zh-CN', { ui, prepare });
    await Promise.resolve();
    expect(currentLocale().language).toBe('en'); // its strings are still loading
    await applyLanguage('en', { ui, prepare });
    finishChinese();
    await chinese;
    expect(currentLocale()).toEqual({ language: 'en', tag: 'en-GB' });
  });
});

describe('followLanguage', () => {
  it('applies the stored choice, then each change, telling the caller after a change', async () => {
    await languageSetting.setValue('zh-CN');
    const onChange = vi.fn();
    const follower = followLanguage(onChange, { ui });
    expect(await follower.ready).toBe('zh-CN');
    expect(currentLocale()).toEqual({ language: 'zh-CN', tag: 'zh-CN' });
    expect(onChange).not.toHaveBeenCalled();

    await languageSetting.setValue('browser');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith('browser'));
    expect(currentLocale()).toEqual({ language: 'en', tag: 'en-GB' });
    follower.stop();
    await languageSetting.setValue('zh-CN');
    await new Promise((done) => setTimeout(done, 20));
    expect(currentLocale().language).toBe('en');
  });
});
