import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { AppContext } from './core/context.js';
import { createCalendar } from './core/calendar/calendar.js';
import { createFieldCipher, generateMasterKey, parseMasterKey } from './core/crypto/secrets.js';
import { openDatabase, type Database } from './core/db/client.js';
import { createLocalStorage } from './core/files/storage.js';
import { seedReferenceData } from './core/reference/seed.js';
import { seedCategories } from './aduan/category-seed.js';

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

/** Opens (and migrates) the database, loads reference data and assembles the services' context. */
export async function createContext(
  config: Config,
  opts: { database?: Database; clock?: () => Date } = {},
): Promise<{ ctx: AppContext; database: Database }> {
  const cipher = createFieldCipher(masterKey(config));
  const database =
    opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') }));
  await seedReferenceData(database.db);
  await seedCategories(database.db);
  const ctx: AppContext = {
    config,
    db: database.db,
    dbKind: database.kind,
    cipher,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    calendar: createCalendar(),
    clock: opts.clock ?? (() => new Date()),
  };
  return { ctx, database };
}
