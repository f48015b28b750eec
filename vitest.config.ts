import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// WXT's mock of `wxt/browser` imports the `wxt/testing` barrel, which loads esbuild and fails
// under jsdom; point the barrel at the fake browser alone (the same module, so one singleton).
const fakeBrowserModule = fileURLToPath(new URL('./node_modules/wxt/dist/testing/fake-browser.mjs', import.meta.url));

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  resolve: {
    alias: [{ find: /^wxt\/testing$/, replacement: fakeBrowserModule }],
  },
  test: {
    environment: 'jsdom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/tooling/**/*.test.ts'],
    setupFiles: ['tests/support/setup-unit.ts'],
  },
});
