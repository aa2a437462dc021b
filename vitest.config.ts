import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more forks than that only thrash PGlite's WASM start-up.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './src/test/summary-reporter.ts'],
  },
});
