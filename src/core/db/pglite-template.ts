import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * The embedded database's settings. PGlite's defaults reserve 128 MB of shared buffers, and its
 * WebAssembly memory touches all of them at start. 24 MB: ~110 MB less RSS; reads past the buffers
 * come from the OS's file cache. At 16 MB the demo dashboard's summaries looked slower (bench/README.md).
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=24MB'];

/**
 * An empty PGlite data directory made at `npm run build` (`src/cli/pglite-template.ts`). PGlite's
 * own initdb of a new directory runs a second Postgres and peaks at ~850 MB RSS; copying this one
 * costs nothing. Same place from src/ and from dist/, as the migrations folder.
 */
export const PGLITE_TEMPLATE_DIR = fileURLToPath(new URL('../../../dist/pglite-template', import.meta.url));

/** Makes the template: PGlite's initdb into a fresh directory, closed cleanly, then put in place whole. */
export async function makePgliteTemplate(dir = PGLITE_TEMPLATE_DIR): Promise<void> {
  const staging = `${dir}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create({ dataDir: staging, startParams: PGLITE_START_PARAMS });
  await client.close();
  // initdb leaves everything private to the builder; a server run as another user (an image built
  // as root) must still read it. It holds no data, and each copy is made private again.
  for (const entry of ['', ...fs.readdirSync(staging, { recursive: true, encoding: 'utf8' })]) {
    const file = path.join(staging, entry);
    fs.chmodSync(file, fs.statSync(file).isDirectory() ? 0o755 : 0o644);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
}

/**
 * A new data directory starts as a copy of the template, when there is one (no build: PGlite's
 * initdb, as before). Copied beside the target and renamed, so a start cut short leaves either no
 * directory or a whole one. An existing directory with anything in it is left to PGlite.
 */
export function dataDirFromTemplate(dataDir: string, template = PGLITE_TEMPLATE_DIR): boolean {
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) return false;
  if (fs.existsSync(dataDir)) {
    if (fs.readdirSync(dataDir).length) return false;
    fs.rmdirSync(dataDir);
  }
  const staging = `${dataDir}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.cpSync(template, staging, { recursive: true });
  // Postgres wants its data directory private to its owner; it will hold personal data.
  fs.chmodSync(staging, 0o700);
  fs.renameSync(staging, dataDir);
  return true;
}
