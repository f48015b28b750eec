import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = (target: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../.output/${target}/manifest.json`), 'utf8'));
const ICONS = { '16': 'icons/16.png', '32': 'icons/32.png', '48': 'icons/48.png' };

describe('built manifests', () => {
  it('Chrome MV3: side panel, least privilege, icons everywhere', () => {
    const chrome = manifest('chrome-mv3');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome.permissions.sort()).toEqual(['alarms', 'sidePanel', 'storage']);
    expect(chrome.host_permissions).toEqual(['https://huggingface.co/*']);
    expect(chrome.optional_host_permissions).toEqual(['https://*/*']);
    // Notifications are opt-in: asked for from the options page, never at install.
    expect(chrome.optional_permissions).toEqual(['notifications']);
    expect(chrome.action.default_icon).toEqual(ICONS);
    expect(Object.keys(chrome.icons)).toEqual(['16', '32', '48', '96', '128']);
    expect(chrome.content_security_policy).toBeUndefined();
    // No web page or other extension can message the background.
    expect(chrome.externally_connectable).toBeUndefined();
    expect(chrome.content_scripts).toBeUndefined();
  });

  it('Firefox: sidebar, a gecko id, the same permissions', () => {
    const firefox = manifest('firefox-mv2');
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', default_icon: ICONS });
    expect(firefox.browser_specific_settings.gecko.id).toBe('paperboy@paperboy.dev');
    expect(firefox.permissions.sort()).toEqual(['alarms', 'https://huggingface.co/*', 'storage']);
    expect(firefox.optional_permissions).toEqual(['https://*/*', 'notifications']);
    expect(firefox.browser_action.default_icon).toEqual(ICONS);
    // What reaches the source besides public listings: search words, and saved ids fetched by id.
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['searchTerms', 'websiteActivity'] });
  });
});
