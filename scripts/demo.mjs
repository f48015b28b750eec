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
const today = new Date().toISOString().slice(0, 10);
fake.state.addPapers(today, 6);
// Today's most upvoted paper carries what HF adds over arXiv: a figure, its submitter, and the
// models, datasets and Spaces that cite it.
const featured = fake.state.days[today][0].paper.id;
fake.state.updatePaper(featured, {
  upvotes: 4321,
  submittedBy: { _id: 'demo', name: 'ada-l', fullname: 'Ada Lovelace', avatarUrl: '/avatars/ada.svg', type: 'user' },
});
fake.state.setLinkedRepos(featured, {
  models: [
    { id: 'quokka-lab/planner-7b', likes: 312, downloads: 48210, pipeline_tag: 'text-generation' },
    { id: 'quokka-lab/planner-1b', likes: 97, downloads: 12044, pipeline_tag: 'text-generation' },
    { id: 'community/planner-7b-gguf', likes: 41, downloads: 9120 },
    { id: 'community/planner-awq', likes: 8 },
  ],
  datasets: [{ id: 'quokka-lab/plans-100k', likes: 56, downloads: 3100 }],
  spaces: [{ id: 'quokka-lab/planner-demo', likes: 88 }],
});
const extension = await launchExtension({ headless });
console.log(`Fake Hugging Face API on ${fake.url}`);

// Offline, Hugging Face's image hosts are answered here with one drawn figure: what a card's
// thumbnail looks like, without a network.
const figure = await drawFigure();
await extension.context.route(/^https:\/\/([a-z0-9-]+\.)*huggingface\.co\//, (route) =>
  ['image', 'media'].includes(route.request().resourceType()) ? route.fulfill({ body: figure, contentType: 'image/png' }) : route.abort(),
);

/** A paper's figure, drawn on a canvas: a title band and a bar chart. */
async function drawFigure() {
  const page = await extension.context.newPage();
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 320;
    const context = canvas.getContext('2d');
    context.fillStyle = '#f8fafc';
    context.fillRect(0, 0, 640, 320);
    context.fillStyle = '#1e293b';
    context.font = 'bold 26px sans-serif';
    context.fillText('Planning with small agents', 32, 52);
    const bars = [0.42, 0.55, 0.61, 0.78, 0.9];
    const colours = ['#94a3b8', '#94a3b8', '#94a3b8', '#60a5fa', '#f59e0b'];
    bars.forEach((height, index) => {
      context.fillStyle = colours[index];
      context.fillRect(60 + index * 110, 290 - height * 200, 70, height * 200);
    });
    context.fillStyle = '#334155';
    context.fillRect(40, 290, 560, 2);
    return canvas.toDataURL('image/png');
  });
  await page.close();
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

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

  // One card with its figure and the models, datasets and Spaces that cite it, opened as a user does.
  await panel.emulateMedia({ colorScheme: 'light' });
  const card = panel.locator(`[data-paper-id="${featured}"]`);
  await card.getByRole('button', { name: 'Models · Datasets · Spaces' }).click();
  await card.getByRole('heading', { name: /^Models/ }).waitFor();
  await card
    .locator('img')
    .first()
    .evaluate((image) => image.decode());
  await panel.waitForTimeout(100);
  const cardFile = resolve(SCREENSHOTS, 'card-light.png');
  await card.screenshot({ path: cardFile });
  console.log(`wrote ${cardFile}`);

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
