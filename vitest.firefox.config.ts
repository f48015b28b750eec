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
    // A poll waits for what a person waits for (a fetch, a write, a render) on a loaded machine:
    // 1 s, the default, failed a past day's fetch that took 1.3 s in CI. Still a cap.
    expect: { poll: { timeout: 10_000 } },
  },
});
