// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { DEFAULT_LOCALE, setLocale } from '@/lib/core/locale';
import { languageSetting, sourceSetting } from '@/lib/settings/items';
import { startFakeHf } from '../../support/fake-hf.mjs';

type Fake = Awaited<ReturnType<typeof startFakeHf>>;
let fake: Fake;

beforeEach(async () => {
  fake = await startFakeHf();
  await sourceSetting.setValue(fake.url);
});
afterEach(async () => {
  await fake.close();
  setLocale(DEFAULT_LOCALE);
});

const title = () => fakeBrowser.action.getTitle({});

describe('the badge tooltip follows the Language setting', () => {
  it('is in Chinese from the first badge when 简体中文 is chosen, and back in English at once', async () => {
    await languageSetting.setValue('zh-CN');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await title()).toMatch(/^Paperboy：Hugging Face 每日论文有 \d+ 篇新论文。显示的论文获取于刚刚（\d\d:\d\d）。$/), {
      timeout: 4000,
    });
    const requests = fake.state.requests.length;

    await languageSetting.setValue('en');
    await vi.waitFor(async () => expect(await title()).toMatch(/^Paperboy: \d+ new papers on Hugging Face Daily Papers\. Papers shown are from just now/));
    expect(fake.state.requests.length).toBe(requests); // rewritten from the store, no new sync
  });
});
