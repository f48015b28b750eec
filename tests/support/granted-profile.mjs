// A Chromium profile in which the built extension already holds some optional permissions.
// An optional permission is granted through a browser prompt that nobody can answer in
// headless Chromium (permissions.request then never settles), so the tests grant it the way
// the browser records a grant: in the profile's Preferences, after a first run installed the
// extension there. The extension's own request then resolves at once, as for a user who granted
// it before. (Chromium on Linux does not enforce the preference MACs that would reset this.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR, assertBrowserReady, chromiumArgs } from './browser.mjs';

/**
 * @param {string[]} permissions API permissions to grant, e.g. ['notifications']
 * @returns {Promise<string>} the profile directory
 */
export async function profileWithPermissions(permissions) {
  assertBrowserReady();
  const profile = mkdtempSync(join(tmpdir(), 'paperboy-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs(EXTENSION_DIR) });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await context.close();
  const path = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(path, 'utf8'));
  const settings = preferences.extensions?.settings?.[extensionId];
  if (!settings?.granted_permissions || !settings?.active_permissions) throw new Error(`No permission record for ${extensionId} in ${path}`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key].api = [...new Set([...(settings[key].api ?? []), ...permissions])];
  }
  writeFileSync(path, JSON.stringify(preferences));
  return profile;
}
