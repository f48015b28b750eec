// `npm run demo`: the built extension in Chromium against the project's recorded listing,
// served on 127.0.0.1 (no network needed). With a display it opens a browser to try it;
// headless it writes screenshots of the popup and side panel, light and dark, and the side panel
// in Simplified Chinese, for the README.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchExtension } from '../tests/support/browser.mjs';
import { startFakeHf } from '../tests/support/fake-hf.mjs';

const SCREENSHOTS = resolve(import.meta.dirname, '../docs/screenshots');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const fake = await startFakeHf();
// A few papers on today's listing, so "Today" shows today as a user would see it on a weekday.
fake.state.addPapers(new Date().toISOString().slice(0, 10), 6);
const extension = await launchExtension({ headless });
console.log(`Fake Hugging Face API on ${fake.url}`);

async function setSource() {
  const options = await extension.context.newPage();
  await options.goto(extension.pageUrl('options.html'));
  await options.getByLabel('Source').fill(fake.url);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText(/^Saved — syncing from/).waitFor();
  const worker = extension.worker();
  for (let i = 0; i < 100 && !/^\d+$/.test(await worker.evaluate(() => chrome.action.getBadgeText({}))); i++) {
    await new Promise((done) => setTimeout(done, 100));
  }
  await options.close();
}

async function shoot(page, name, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(100);
  const file = resolve(SCREENSHOTS, `${name}-${scheme}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

await setSource();
if (headless) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(extension.pageUrl('popup.html'));
  await popup.getByRole('article').first().waitFor();
  for (const scheme of ['light', 'dark']) await shoot(popup, 'popup', scheme);

  const panel = await extension.context.newPage();
  await panel.setViewportSize({ width: 420, height: 820 });
  await panel.goto(extension.pageUrl('sidepanel.html'));
  await panel.getByRole('article').first().waitFor();
  for (const scheme of ['light', 'dark']) await shoot(panel, 'sidepanel', scheme);

  // The same side panel in Simplified Chinese, switched from the options page as a user would
  // (the open panel follows at once). Needs a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk).
  await panel.emulateMedia({ colorScheme: 'light' });
  const options = await extension.context.newPage();
  await options.goto(extension.pageUrl('options.html'));
  await options.getByLabel('Language').selectOption('zh-CN');
  await panel.getByRole('button', { name: '今天' }).waitFor();
  await panel.waitForTimeout(100);
  const zh = resolve(SCREENSHOTS, 'sidepanel-zh.png');
  await panel.screenshot({ path: zh });
  console.log(`wrote ${zh}`);

  await extension.close();
  await fake.close();
} else {
  const popup = await extension.context.newPage();
  await popup.goto(extension.pageUrl('popup.html'));
  console.log('Paperboy is running in Chromium against the local source. Close the browser or press Ctrl+C to stop.');
  const stop = async () => {
    await extension.close().catch(() => undefined);
    await fake.close();
    process.exit(0);
  };
  extension.context.on('close', stop);
  process.on('SIGINT', stop);
}
