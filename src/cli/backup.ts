/**
 * Writes the whole database and its uploaded files to one file:
 *   npm run backup -- --out khidmat-2026-03-02.backup.gz
 * On PostgreSQL it runs next to the live server (one consistent snapshot). PGlite allows one process
 * at a time: stop the server first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { fileStorage } from '../bootstrap.js';
import { openDatabase } from '../core/db/client.js';
import { backup } from '../core/db/backup.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  process.stderr.write('usage: npm run backup -- --out FILE\n');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
// Written beside the target and renamed at the end: a failed backup never looks like a good one.
const partial = `${values.out}.partial`;
try {
  const counts = await backup(database.db, fileStorage(config), fs.createWriteStream(partial, { mode: 0o600 }));
  fs.renameSync(partial, values.out);
  process.stdout.write(`Backup written to ${values.out}: ${counts.rows} rows, ${counts.files} files (${database.kind}).\n`);
} catch (err) {
  fs.rmSync(partial, { force: true });
  process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
