import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One source, two browsers: WXT writes `side_panel` for Chrome and
// `sidebar_action` for Firefox from entrypoints/sidepanel.
export default defineConfig({
  // webextension-polyfill behind `wxt/browser`: Chrome's runtime.onMessage then takes a listener
  // that returns a promise of its answer, as Firefox's does (lib/protocol/messages.ts). Firefox
  // gets its own `browser` back from the polyfill.
  modules: ['@wxt-dev/auto-icons', '@wxt-dev/webextension-polyfill'],
  autoIcons: {
    baseIconPath: 'assets/icon.svg',
    developmentIndicator: false,
    sizes: [128, 96, 48, 32, 16],
  },
  hooks: {
    // Each page built on its own, not the three in one build: a build shares code between pages
    // in chunks, and a shared chunk holds every export any of them uses (the settings page's
    // settings, the side panel's search), so the popup loaded code it never runs, in three files.
    // Alone, each page is one file of exactly its code (chunks loaded on demand aside).
    'entrypoints:grouped': (_wxt, groups) => {
      const alone = groups.flatMap((group): (typeof groups)[number][] => (Array.isArray(group) ? group.map((page) => [page]) : [group]));
      groups.splice(0, groups.length, ...alone);
    },
    // The toolbar button uses the generated icons too (auto-icons only fills `icons`).
    'build:manifestGenerated': (_wxt, manifest) => {
      const icons = { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' };
      for (const toolbar of [manifest.action, manifest.browser_action]) if (toolbar) toolbar.default_icon = icons;
      if (manifest.sidebar_action) manifest.sidebar_action.default_icon = icons;
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: {
      // esbuild's minifier, not terser: terser took 6 % off every bundle's gzip (1.3 KB off the
      // background, still far over its target either way), but search keystrokes ran about 30 %
      // slower in an A/B run of the benchmark (BENCHMARKS.md), and each build took 7 s longer.
      // Both browsers preload modules natively; Vite's polyfill would watch every DOM change of
      // each page (a MutationObserver on the whole document) for nothing.
      modulePreload: { polyfill: false },
    },
  }),
  manifest: ({ browser }) => ({
    // Name and description from public/_locales (the browser's language); the UI's own strings
    // are in lib/i18n/ui.ts, because chrome.i18n cannot switch language at run time.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the poll schedule. storage: settings. sidePanel is added by WXT for Chrome.
    permissions: ['alarms', 'storage'],
    // The default source. Mirrors are asked for at run time (optional), and a local
    // http://127.0.0.1 source works through CORS without any permission.
    host_permissions: ['https://huggingface.co/*'],
    // notifications: alerts are opt-in, so the permission is asked for when they are turned on.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'notifications'] }
      : { optional_host_permissions: ['https://*/*'], optional_permissions: ['notifications'] }),
    action: { default_title: '__MSG_extName__' },
    // The reader from the keyboard (listed on the browser's shortcuts page, where users can
    // rebind it). Alt+Shift+D ("daily"): Chromium refuses Alt+Shift+P and Alt+Shift+R as
    // suggested keys (taken; tried), and neither browser uses this one. Firefox toggles its
    // sidebar itself; Chrome has no such reserved command, so the background opens the panel
    // (lib/background/commands.ts).
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandToggleSidebar__' } }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandOpenPanel__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paperboy@paperboy.dev',
              // data_collection_permissions needs Firefox 140 (the current ESR). What leaves the
              // browser besides the public listings, in AMO's categories: the words typed into
              // 'Search Hugging Face' (searchTerms), and the ids of papers saved on another
              // device, fetched one by one in the background (websiteActivity: what the user saves).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['searchTerms', 'websiteActivity'] },
            },
          },
        }
      : {}),
  }),
});
