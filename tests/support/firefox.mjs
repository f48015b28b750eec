// Launches the built Firefox add-on (.output/firefox-mv2) in real headless Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox). The add-on gets a
// fixed internal UUID, so its pages are at moz-extension://<EXTENSION_UUID>/… from the start.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { TimeoutError } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Any fixed UUID will do; Firefox would otherwise pick a random one per profile. */
export const EXTENSION_UUID = '6c0d3f2e-5b1a-4d7e-9c8f-0a1b2c3d4e5f';

/** Fails loudly rather than skipping: a missing browser must never look like a pass. */
export function assertFirefoxReady() {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox ESR not found at ${FIREFOX_PATH}: install Debian's "firefox-esr" package (apt-get install firefox-esr; .ci/run does).`);
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox add-on in ${FIREFOX_EXTENSION_DIR}: run "wxt build -b firefox" first.`);
  }
}

/** The add-on id from the built manifest (wxt.config.ts sets browser_specific_settings.gecko.id). */
export function geckoId() {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${FIREFOX_EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Preferences for a quiet, local-only profile. Everything Firefox itself would fetch goes to a
 * proxy at 127.0.0.1:9 (the discard port: nothing listens, so it fails at once and never leaves
 * the machine); loopback is never proxied, so the tests' fake source on 127.0.0.1 is reached.
 * @param {string} id the add-on's gecko id
 */
function preferences(id) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
    // All traffic through a dead local proxy…
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.socks': '127.0.0.1',
    'network.proxy.socks_port': 9,
    'network.proxy.socks_remote_dns': true,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.failover_direct': false,
    // …except loopback, which goes direct.
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    // Fewer background requests in the first place.
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.connectivity-service.enabled': false,
    'network.captive-portal-service.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.blocklist.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'app.shield.optoutstudies.enabled': false,
    'browser.discovery.enabled': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.aboutwelcome.enabled': false,
    'privacy.resistFingerprinting': false,
    // The add-on's own pages are opened as tabs: no prompts in the way.
    'extensions.webextensions.restrictedDomains': '',
  };
}

/** Downloads go straight to `dir`, without asking, as a user who set a download folder has them. */
function downloadPreferences(dir) {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

/**
 * Starts Firefox ESR headless with the add-on installed (temporarily, as about:debugging does).
 * @param {{ headless?: boolean, downloadDir?: string }} [options]
 */
export async function launchFirefoxExtension({ headless = true, downloadDir = undefined } = {}) {
  assertFirefoxReady();
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless,
    // WebDriver BiDi's webExtension.install needs system access in Firefox ≥ 138.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...preferences(id), ...(downloadDir ? downloadPreferences(downloadDir) : {}) },
    defaultViewport: { width: 420, height: 640 },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== id) throw new Error(`installed add-on id ${installed}, expected ${id}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    extensionId: id,
    uuid: EXTENSION_UUID,
    pageUrl: (/** @type {string} */ page) => `moz-extension://${EXTENSION_UUID}/${page}`,
    /**
     * Opens one of the add-on's pages in a new tab and waits until its app has rendered.
     * @param {string} path @param {{ width: number, height: number }} [viewport]
     */
    async openPage(path, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      // Over BiDi, navigating to a moz-extension: URL never reports completion: start it, then
      // wait for the page itself.
      await page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 1_000 }).catch((error) => {
        if (!(error instanceof TimeoutError)) throw error;
      });
      await page.waitForSelector('#app > *', { timeout: 15_000 });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
