import { defineConfig } from 'vitest/config';

// The built Firefox add-on in real headless Firefox ESR (puppeteer-core over WebDriver BiDi):
// one file at a time, generous timeouts (Firefox takes a few seconds to start).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.firefox.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
