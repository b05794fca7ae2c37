import { defineConfig } from 'vitest/config';
import { testWorkers } from './test/support/workers.ts';

export default defineConfig({
  test: {
    // Files run side by side, one per worker; each worker has a database of its own (test/support/workers.ts),
    // which the db, bot and end-to-end tests of that worker share, one file at a time.
    fileParallelism: true,
    maxWorkers: testWorkers(),
    minWorkers: 1,
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
