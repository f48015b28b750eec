import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { startFakeHf } from '../support/fake-hf.mjs';
import { openPage, useSource } from '../support/e2e';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

let extension: Extension;
let fake: Fake;
let popup: Page;
let panel: Page;
let options: Page;

const SCREENSHOTS = resolve(import.meta.dirname, '../../.output/e2e');
const LIGHT_BG = 'rgb(247, 245, 240)';
const DARK_BG = 'rgb(21, 23, 28)';

const badgeTitle = () => extension.worker().evaluate(() => chrome.action.getTitle({}));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

beforeAll(async () => {
  fake = await startFakeHf();
  extension = await launchExtension();
  await useSource(extension, fake.url);
  popup = await openPage(extension, 'popup.html');
  panel = await openPage(extension, 'sidepanel.html');
  await popup.getByRole('article').first().waitFor();
  await panel.getByRole('article').first().waitFor();
  options = await openPage(extension, 'options.html');
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

describe('Language and Theme settings in Chromium', () => {
  it('speaks English by default in an English browser, pages and badge alike', async () => {
    await popup.getByRole('button', { name: 'Open side panel' }).waitFor();
    await panel.getByRole('button', { name: 'Today' }).waitFor();
    // The popup has been looked at: nothing new, and how old the papers are.
    expect(await badgeTitle()).toMatch(/^Paperboy: No new papers\. Papers shown are from (just now|\d+ min ago) \(\d\d:\d\d [AP]M\)\.$/);
    const language = options.getByLabel('Language');
    await expect.poll(() => language.inputValue()).toBe('browser');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en-US');
  });

  it('switches the options page, the open popup and side panel, and the badge tooltip to 简体中文 at once', async () => {
    await options.getByLabel('Language').selectOption('zh-CN');
    await options.getByRole('heading', { name: 'Paperboy 设置' }).waitFor();
    await options.getByLabel('数据源').waitFor();

    // Already open, not reloaded: they follow the setting.
    await popup.getByRole('button', { name: '打开侧边栏' }).waitFor();
    await popup.getByRole('tab', { name: '热门' }).waitFor();
    await panel.getByRole('button', { name: '今天' }).waitFor();
    await panel.getByRole('button', { name: '刷新' }).waitFor();
    expect(await panel.getByText(/^\d+ 篇论文$/).count()).toBe(1);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await panel.title()).toBe('Paperboy — 每日论文');
    await expect.poll(badgeTitle).toMatch(/^Paperboy：暂无新论文。显示的论文获取于(刚刚|\d+ 分钟前)（\d\d:\d\d）。$/);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = await panel.screenshot({ path: resolve(SCREENSHOTS, 'sidepanel-zh.png') });
    expect(shot.length).toBeGreaterThan(10_000);
  });

  it('opens new pages in Chinese and keeps the choice across a reload', async () => {
    const another = await openPage(extension, 'popup.html');
    await another.getByRole('button', { name: '打开侧边栏' }).waitFor();
    await another.close();
    await options.reload();
    const language = options.getByLabel('语言');
    await expect.poll(() => language.inputValue()).toBe('zh-CN');
  });

  it('changes the background colour at once with the Theme setting, and keeps it across a reload', async () => {
    const theme = options.getByLabel('主题');
    await expect.poll(() => theme.inputValue()).toBe('system');
    expect(await background(popup)).toBe(LIGHT_BG); // the browser prefers light
    await theme.selectOption('dark');
    await expect.poll(() => background(popup)).toBe(DARK_BG);
    await expect.poll(() => background(panel)).toBe(DARK_BG);
    await expect.poll(() => background(options)).toBe(DARK_BG);

    await options.reload();
    await expect.poll(() => options.getByLabel('主题').inputValue()).toBe('dark');
    expect(await background(options)).toBe(DARK_BG);

    await options.getByLabel('主题').selectOption('light');
    await panel.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(panel)).toBe(LIGHT_BG); // the setting wins over the system
    await options.getByLabel('主题').selectOption('system');
    await expect.poll(() => background(panel)).toBe(DARK_BG); // and "system" follows it
    await panel.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(panel)).toBe(LIGHT_BG);
  });

  it('goes back to English for "browser default"', async () => {
    await options.getByLabel('语言').selectOption('browser');
    await options.getByLabel('Language').waitFor();
    await panel.getByRole('button', { name: 'Today' }).waitFor();
    await expect.poll(badgeTitle).toMatch(/^Paperboy: No new papers\./);
  });
});
