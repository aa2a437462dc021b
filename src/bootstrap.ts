import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.js';
import type { AppContext } from './core/context.js';
import { createCalendar } from './core/calendar/calendar.js';
import { createFieldCipher, generateMasterKey, parseMasterKey } from './core/crypto/secrets.js';
import { openDatabase, type Database } from './core/db/client.js';
import { createLocalStorage, type FileStorage } from './core/files/storage.js';
import { createS3Storage } from './core/files/storage-s3.js';
import { seedReferenceData } from './core/reference/seed.js';
import { MODULES } from './modules.js';

/**
 * The master key encrypts NIKs. On PostgreSQL it must come from configuration (a lost or changed key
 * makes every stored NIK unreadable); the embedded demo keeps a generated one beside its database.
 */
function masterKey(config: Config): Buffer {
  if (config.secretKey) return parseMasterKey(config.secretKey);
  if (config.databaseUrl) {
    throw new Error('KHIDMAT_SECRET_KEY is required with DATABASE_URL (32 bytes, base64 or hex; e.g. `openssl rand -base64 32`).');
  }
  const file = path.join(config.dataDir, 'secret.key');
  if (fs.existsSync(file)) return parseMasterKey(fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = generateMasterKey();
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** Any fixed number: the advisory lock that serialises start-ups of instances starting together. */
const MIGRATION_LOCK = 0x6b68_6d74;

/**
 * Scale-out: several instances may start at once against one PostgreSQL; one at a time migrates
 * and seeds reference data (the others then find nothing to do).
 */
async function startupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Where uploaded files live: an S3-compatible bucket when configured, otherwise under DATA_DIR. */
export function fileStorage(config: Config): FileStorage {
  return config.s3 ? createS3Storage(config.s3) : createLocalStorage(path.join(config.dataDir, 'files'));
}

/** Opens (and migrates) the database, loads reference data and assembles the services' context. */
export async function createContext(
  config: Config,
  opts: { database?: Database; clock?: () => Date } = {},
): Promise<{ ctx: AppContext; database: Database }> {
  const cipher = createFieldCipher(masterKey(config));
  const prepare = async (): Promise<Database> => {
    const database = opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') }));
    await seedReferenceData(database.db);
    for (const m of MODULES) await m.seed?.(database.db);
    return database;
  };
  const database = config.databaseUrl ? await startupLock(config.databaseUrl, prepare) : await prepare();
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    listen: database.listen,
    cipher,
    storage: fileStorage(config),
    calendar: createCalendar(),
    clock: opts.clock ?? (() => new Date()),
  };
  return { ctx, database };
}
