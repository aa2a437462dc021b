import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { listenPglite, listenPostgres, type Listen } from './listen.js';
import { dataDirFromTemplate, PGLITE_START_PARAMS } from './pglite-template.js';

/**
 * Both drivers' databases and transactions: services take this and never care which one runs. No
 * schema is bound: each module builds its queries from its own tables (src/<module>/schema.ts).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Messages sent with NOTIFY, as they commit. */
  listen: Listen;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/**
 * PostgreSQL when a URL is given, otherwise embedded PGlite: in `dataDir` on disk (a new one copied
 * from the build's template), or in memory when dataDir is undefined (tests). Migrations run on
 * open, so a fresh folder is a ready database.
 */
export async function openDatabase(opts: { url?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
    // An idle connection the server ends (restart, failover, admin terminate) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
    const db = drizzlePg(pool);
    await migratePg(db, { migrationsFolder });
    const notify = (channel: string, payload: string) => pool.query('select pg_notify($1, $2)', [channel, payload]);
    return { db: db as unknown as Db, kind: 'postgresql', listen: listenPostgres(opts.url, notify), close: () => pool.end() };
  }
  if (opts.dataDir) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    dataDirFromTemplate(opts.dataDir);
  }
  const client = await PGlite.create({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}), startParams: PGLITE_START_PARAMS });
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', listen: listenPglite(client), close: () => client.close() };
}
