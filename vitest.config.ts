import { defineConfig } from 'vitest/config';

// Two projects: fast tests (rules, domain, integration against a real database) and browser journeys.
// Both run under `npm test`; `npm run check` runs only the first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['rules/**/*.test.ts', 'src/**/*.test.ts', 'test/integration/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Database-bound tests wait on I/O: two workers on two cores keep both busy.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
