/**
 * Loads a backup into a new, empty database (PostgreSQL: a new database in DATABASE_URL; PGlite: an
 * empty DATA_DIR) and puts its files back into storage:
 *   npm run restore -- --in khidmat-2026-03-02.backup.gz
 * The database is migrated first and must then be at the backup's migration; the whole restore is
 * one transaction. Keep KHIDMAT_SECRET_KEY (or DATA_DIR/secret.key) with the backup: without the key
 * that encrypted them, the restored NIKs cannot be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { fileStorage } from '../bootstrap.js';
import { openDatabase } from '../core/db/client.js';
import { restore } from '../core/db/backup.js';

const { values } = parseArgs({ options: { in: { type: 'string' } } });
if (!values.in || !fs.existsSync(values.in)) {
  process.stderr.write('usage: npm run restore -- --in FILE (an existing backup file)\n');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
try {
  const counts = await restore(database.db, fileStorage(config), fs.createReadStream(values.in));
  process.stdout.write(`Restored ${counts.rows} rows and ${counts.files} files into ${database.kind}.\n`);
} catch (err) {
  process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
