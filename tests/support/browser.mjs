// Launches the built extension in real (headless) Chromium with playwright-core, for the
// end-to-end tests and the demo. Only a persistent context loads extensions.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Fails loudly rather than skipping: a missing browser must never look like a pass. */
export function assertBrowserReady(extensionDir = EXTENSION_DIR) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package (.ci/run does).`);
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
}

/**
 * Chromium's flags for loading the built extension on this closed network: without the
 * background-networking flags it floods the network with connection attempts.
 * @param {string} extensionDir
 * @param {{ headless?: boolean }} [options]
 */
export function chromiumArgs(extensionDir, { headless = true } = {}) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/**
 * @param {{ headless?: boolean, colorScheme?: 'light' | 'dark', profileParent?: string, profile?: string, keepProfile?: boolean, extensionDir?: string }} [options]
 *   profileParent: where the profile folder is made (a small filesystem, to fill the disk).
 *   profile: an existing profile directory to use instead, e.g. one with permissions granted.
 *   keepProfile: leave the profile on close (the bench reuses one); otherwise it is removed.
 *   extensionDir: another build to load (the bench's snapshot).
 */
export async function launchExtension({
  headless = true,
  colorScheme = 'light',
  profileParent = tmpdir(),
  profile = undefined,
  keepProfile = false,
  extensionDir = EXTENSION_DIR,
} = {}) {
  assertBrowserReady(extensionDir);
  profile ??= mkdtempSync(join(profileParent, 'paperboy-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    colorScheme,
    viewport: { width: 420, height: 640 },
    args: chromiumArgs(extensionDir, { headless }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    /** The extension's service worker as it is now (it may have been restarted). */
    worker: () => context.serviceWorkers().find((sw) => sw.url().includes(extensionId)) ?? worker,
    pageUrl: (/** @type {string} */ page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
