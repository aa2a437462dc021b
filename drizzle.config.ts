import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every module's tables (src/<module>/schema.ts, core's under src/core)
// and committed; the server applies them at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/schema.ts',
  out: './drizzle',
});
