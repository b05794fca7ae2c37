import { defineConfig } from 'vitest/config';
import { testWorkers } from './test/support/workers.ts';

export default defineConfig({
  test: {
    // Files run side by side, one per worker; each worker has a database of its own (test/support/workers.ts),
    // which the db, bot and end-to-end tests of that worker share, one file at a time.
    fileParallelism: true,
    maxWorkers: testWorkers(),
    minWorkers: 1,
    // Mocks and spies are undone after every test, so files can share a worker's module graph (isolate: false
    // below): the unit and database files import the same modules, and loading them once per worker instead of
    // once per file took those two projects from 4m18 to 3m36 on two cores.
    restoreMocks: true,
    projects: [
      {
        extends: true,
        // The property and attacker tests of the figures take about 4 s alone: the default 5 s failed them under load.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/cards/**/*.test.ts'],
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/bot/**/*.test.ts'],
          globalSetup: ['test/support/global-database.ts'],
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['test/support/e2e-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
