// Launches a snapshot of the built extension in headless Chromium, as tests/support/browser.mjs
// does, but from a copy: a `wxt build` run by someone else mid-benchmark cannot swap the files.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, assertBrowserReady, launchExtension as launchTestExtension } from '../tests/support/browser.mjs';

/**
 * Copies the built extension (`source`, .output/chrome-mv3 by default) to `target`, replacing
 * what was there, and adds the bench's own pages under bench/: the baseline, the floor and the
 * lower bounds (bench/bound/), so they can also be opened as pages of an extension (same process
 * model as the popup). The product's
 * files are not touched; the manifest does not mention the added pages.
 */
export function snapshotExtension(target, source = EXTENSION_DIR) {
  assertBrowserReady();
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`No built extension in ${source}`);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  const pages = join(target, 'bench');
  mkdirSync(pages, { recursive: true });
  cpSync(join(import.meta.dirname, 'baseline', 'index.html'), join(pages, 'baseline.html'));
  cpSync(join(import.meta.dirname, 'baseline', 'baseline.js'), join(pages, 'baseline.js'));
  writeFileSync(join(pages, 'floor.html'), FLOOR_HTML);
  cpSync(join(import.meta.dirname, 'bound'), join(pages, 'bound'), { recursive: true });
  return target;
}

/** The floor: one card and no script, opened the same way: what the harness and the machine cost. */
export const FLOOR_HTML = '<!doctype html><html lang="en"><title>floor</title><article><h2>One card</h2><p>No script.</p></article></html>';

/** A fresh browser profile directory; the caller removes it (removeProfile) when done. */
export const newProfile = () => mkdtempSync(join(tmpdir(), 'paperboy-bench-'));
export const removeProfile = (profile) => rmSync(profile, { recursive: true, force: true });

/**
 * The tests' launcher (tests/support/browser.mjs) on a snapshot.
 * @param {string} extensionDir
 * @param {string} [profileDir] a profile to reuse (kept on close); a temporary one (removed on close) when absent
 */
export function launchExtension(extensionDir, profileDir) {
  return launchTestExtension({ extensionDir, profile: profileDir ?? newProfile(), keepProfile: profileDir !== undefined });
}
