// What a side panel card shows beyond the text (thumbnail, media, submitter), where it leads
// (arXiv HTML, alphaXiv, the view's page on Hugging Face) and copying its citation, in Chromium.
// Images may come only from Hugging Face's hosts: those hosts are routed to the fake's CDN here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { launchExtension } from '../support/browser.mjs';
import { axeViolations, openPage, useSource } from '../support/e2e';
import { mediaPath, startFakeHf } from '../support/fake-hf.mjs';

type Extension = Awaited<ReturnType<typeof launchExtension>>;
type Fake = Awaited<ReturnType<typeof startFakeHf>>;

const CDN = 'https://cdn-uploads.huggingface.co/production/uploads/e2e';
const HF_HOSTS = /^https:\/\/([a-z0-9-]+\.)*huggingface\.co\//;

let extension: Extension;
let fake: Fake;
let panel: Page;
/** The paper with media and a known submitter, and one whose thumbnail is gone from the CDN. */
let rich: string;
let broken: string;
/** Every request the extension's pages made to Hugging Face's hosts. */
const hfRequests: string[] = [];

beforeAll(async () => {
  fake = await startFakeHf();
  const latest = fake.state.latestDay!;
  const ids = fake.state.days[latest]!.map((entry: { paper: { id: string } }) => entry.paper.id);
  [rich, broken] = ids as [string, string];
  fake.state.updatePaper(rich, {
    mediaUrls: [`${CDN}/figure.png`, `${CDN}/demo.mp4`, 'https://tracker.example/pixel.png'],
    submittedBy: { _id: 'u1', name: 'ada-l', fullname: 'Ada Lovelace', avatarUrl: '/avatars/ada.svg', type: 'user' },
    // The most upvoted, so it is the first card.
    upvotes: 9999,
  });
  fake.state.updatePaper(broken, { upvotes: 9998 });
  fake.state.brokenMedia.add(`/${broken}.png`);
  extension = await launchExtension();
  // Hugging Face's CDN, served by the fake: images only, anything else stays off the network.
  await extension.context.route(HF_HOSTS, async (route: Route) => {
    const request = route.request();
    hfRequests.push(request.url());
    if (!['image', 'media'].includes(request.resourceType())) return route.abort();
    await route.fulfill({ response: await route.fetch({ url: mediaPath(fake.url, request.url()) }) });
  });
  await useSource(extension, fake.url);
  panel = await openPage(extension, 'sidepanel.html');
  await panel.locator(`[data-paper-id="${rich}"]`).waitFor();
});
afterAll(async () => {
  await extension?.close();
  await fake?.close();
});

const card = (id: string) => panel.locator(`[data-paper-id="${id}"]`);
const loaded = (image: ReturnType<Page['locator']>) => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0);

describe('a side panel card in Chromium', () => {
  it('shows the thumbnail from Hugging Face’s CDN, lazily, in a box of fixed size', async () => {
    const thumb = card(rich).locator('.paper-thumb img');
    expect(await thumb.getAttribute('loading')).toBe('lazy');
    expect(await thumb.getAttribute('decoding')).toBe('async');
    expect(await thumb.getAttribute('alt')).toBe('');
    await expect.poll(() => loaded(thumb)).toBe(true);
    // The box's size is its own, not the image's (a 1×1 PNG here).
    const box = (await card(rich).locator('.paper-thumb').boundingBox())!;
    expect(Math.round(box.width)).toBe(96);
    expect(box.height).toBeGreaterThan(40);
  });

  it('removes the box of a thumbnail that fails to load', async () => {
    await expect.poll(() => card(broken).locator('.paper-thumb').count()).toBe(0);
    expect(await card(broken).locator(`img[src*="${broken}"]`).count()).toBe(0);
  });

  it('opens the media on demand; videos play only when asked, muted; another host is never loaded', async () => {
    const button = card(rich).getByRole('button', { name: 'Media (2)' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const region = card(rich).getByRole('region', { name: /^Media of/ });
    await expect.poll(() => loaded(region.getByRole('img', { name: 'Image 1 of 2' }))).toBe(true);
    const video = region.locator('video');
    expect(
      await video.evaluate((element: HTMLVideoElement) => ({
        controls: element.controls,
        muted: element.muted,
        preload: element.preload,
        autoplay: element.autoplay,
        paused: element.paused,
      })),
    ).toEqual({
      controls: true,
      muted: true,
      preload: 'none',
      autoplay: false,
      paused: true,
    });
    expect(await panel.locator('img[src*="tracker.example"], video[src*="tracker.example"]').count()).toBe(0);
  });

  it('says who submitted the paper, linked to their page on Hugging Face', async () => {
    const link = card(rich).getByRole('link', { name: 'Ada Lovelace' });
    expect(await link.getAttribute('href')).toBe('https://huggingface.co/ada-l');
    expect(await card(rich).locator('.submitter').textContent()).toBe('Submitted by Ada Lovelace');
  });

  it('watches a submitter: a rule added in the options marks that submitter’s papers, and only theirs', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByLabel('Rule type').first().selectOption({ label: 'Submitter (Hugging Face user)' });
    await options.getByLabel('Keyword, author, organization or submitter').fill('@ada-l');
    await options.getByRole('button', { name: 'Add' }).first().click();
    await options.getByRole('button', { name: 'Remove @ada-l' }).waitFor();
    await options.close();
    const reader = await openPage(extension, 'sidepanel.html');
    const marked = reader.locator(`[data-paper-id="${rich}"] .watch-marker`);
    await expect.poll(async () => ((await marked.count()) > 0 ? marked.innerText() : ''), { timeout: 10_000 }).toMatch(/Watchlist submitter: @ada-l/);
    expect(await reader.locator('.watch-marker').count()).toBe(1);
    await reader.close();
  });

  it('links arXiv HTML and alphaXiv beside arXiv and PDF', async () => {
    const hrefs = await card(rich)
      .locator('.links a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.slice(0, 4)).toEqual([
      `https://arxiv.org/abs/${rich}`,
      `https://arxiv.org/pdf/${rich}`,
      `https://arxiv.org/html/${rich}`,
      `https://www.alphaxiv.org/abs/${rich}`,
    ]);
  });

  it('has no accessibility violations with the media open, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  });

  it('copies a citation from the card’s Copy menu, and the BibTeX of the focused card with c', async () => {
    // What reaches the clipboard, as the page writes it (reading it back needs a permission
    // Playwright cannot grant an extension's origin); the real write still has to succeed.
    await panel.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      const copied: string[] = ((globalThis as unknown as { copied: string[] }).copied = []);
      clipboard.writeText = async (text: string) => {
        await write(text);
        copied.push(text);
      };
    });
    const lastCopied = () => panel.evaluate(() => (globalThis as unknown as { copied: string[] }).copied.at(-1));
    await card(rich).getByRole('button', { name: 'Copy' }).click();
    await card(rich).getByRole('button', { name: 'Markdown link' }).click();
    await expect.poll(() => card(rich).getByRole('status').textContent()).toBe('Copied');
    const title = (await card(rich).getByRole('heading').getByRole('link').textContent())!;
    expect(await lastCopied()).toBe(`[${title.replace(/[\\[\]]/g, '\\$&')}](https://huggingface.co/papers/${rich})`);

    await panel.locator('body').click({ position: { x: 2, y: 2 } });
    await panel.keyboard.press('j');
    await expect.poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.paperId)).toBe(rich);
    await panel.keyboard.press('c');
    await expect.poll(lastCopied).toMatch(new RegExp(`^@misc\\{[a-z0-9]+,\\n[\\s\\S]*eprint = \\{${rich.replace('.', '\\.')}\\}`));
    expect(await card(rich).getByRole('status').textContent()).toBe('Copied');
  });

  it('links the day, week and month views to their page on Hugging Face', async () => {
    const periods = [
      ['Day', 'Day', /^https:\/\/huggingface\.co\/papers\/date\/(\d{4}-\d{2}-\d{2})$/],
      ['Week', 'Week', /^https:\/\/huggingface\.co\/papers\/week\/(\d{4}-W\d{2})$/],
      ['Month', 'Month', /^https:\/\/huggingface\.co\/papers\/month\/(\d{4}-\d{2})$/],
    ] as const;
    for (const [button, picker, pattern] of periods) {
      await panel.getByRole('button', { name: button, exact: true }).click();
      const link = panel.getByRole('link', { name: 'Open this view on Hugging Face' });
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(pattern);
      expect(href.match(pattern)![1]).toBe(await panel.getByLabel(picker, { exact: true }).inputValue());
    }
    await panel.getByRole('button', { name: 'Today' }).click();
    expect(await panel.getByRole('link', { name: 'Open this view on Hugging Face' }).count()).toBe(0);
  });

  it('follows the options: links unticked go, and with Show images off no remote image or video is rendered or fetched', async () => {
    const options = await openPage(extension, 'options.html');
    await options.getByRole('checkbox', { name: 'alphaXiv' }).uncheck();
    await options.getByRole('checkbox', { name: 'Show images' }).uncheck();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    // The open panel follows at once.
    await expect.poll(() => panel.locator('img, video').count()).toBe(0);
    expect(await card(rich).getByRole('link', { name: 'alphaXiv' }).count()).toBe(0);
    expect(await card(rich).getByRole('link', { name: 'arXiv HTML' }).count()).toBe(1);
    // Opened anew: not one request to Hugging Face's hosts, not even before the setting is read.
    hfRequests.length = 0;
    await panel.reload();
    await card(rich).waitFor();
    await card(rich).getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    expect(await panel.locator('img, video').count()).toBe(0);
    expect(
      await card(rich)
        .getByRole('button', { name: /^Media/ })
        .count(),
    ).toBe(0);
    expect(hfRequests).toEqual([]);
  });
});
