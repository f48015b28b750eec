import { defineConfig } from 'vitest/config';

// Real browsers against the built extension: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A poll waits for what a person waits for (a fetch, a write, a render) on a loaded machine:
    // 1 s, the default, failed a past day's fetch that took 1.3 s in CI. Still a cap.
    expect: { poll: { timeout: 10_000 } },
  },
});
