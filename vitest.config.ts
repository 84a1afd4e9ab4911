import { defineConfig } from 'vitest/config';

// Two projects: fast Node unit tests, and browser tests that drive Debian's chromium through playwright-core
// against a built copy of the lab served on 127.0.0.1 (tests/e2e/globalSetup.ts builds and serves it once).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Two cores: one browser at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
