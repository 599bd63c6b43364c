import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Creating and migrating a MariaDB database per test file can take tens of seconds on a busy machine.
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'server and web', include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'] } },
      // Browser tests drive a real Chromium on a 2-core CI machine that runs every other test file beside
      // them: in CI a failed browser test runs once more (the report marks it "retry x1"), as Playwright's
      // own runner does; a test that fails twice fails the run.
      { extends: true, test: { name: 'browser', include: ['e2e/**/*.test.ts'], retry: process.env.CI ? 1 : 0 } },
    ],
  },
});
