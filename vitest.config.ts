import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The db tests share one migrated database (emptied before each test) and the e2e test starts
    // servers and a browser: files take turns, which on 2 cores is also the quickest.
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/cards/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/bot/**/*.test.ts'],
          globalSetup: ['test/support/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
