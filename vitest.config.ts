import { defineConfig } from 'vitest/config';

// The browser tests run once per database, like every other database test: on PGlite always, and
// on PostgreSQL too when TEST_DATABASE_URL names a server (src/test/browser.ts reads E2E_DATABASE).
const browserOn = (database: 'pglite' | 'postgresql') => ({
  extends: true as const,
  test: { name: `browser [${database}]`, include: ['src/e2e/**/*.test.ts'], env: { E2E_DATABASE: database } },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more forks than that only thrash PGlite's WASM start-up.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './src/test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'api and units', include: ['src/**/*.test.ts'], exclude: ['src/e2e/**'] } },
      browserOn('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [browserOn('postgresql')] : []),
    ],
  },
});
