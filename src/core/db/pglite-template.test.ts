/**
 * The build's PGlite template: a new data directory is copied from it whole (no initdb in the
 * server), a directory with anything in it is left alone, and the copy is a working database on
 * its first start and on the next one. PGlite only: PostgreSQL has no data directory of ours.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { queryRows } from './json-rows.js';
import { dataDirFromTemplate, makePgliteTemplate } from './pglite-template.js';

let root: string;
let template: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-template-'));
  template = path.join(root, 'dist', 'pglite-template');
  await makePgliteTemplate(template);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('makes the template whole, in place of an older one', async () => {
  expect(fs.existsSync(path.join(template, 'PG_VERSION'))).toBe(true);
  // Readable by a server run as another user than the build's.
  expect(fs.statSync(path.join(template, 'global', 'pg_control')).mode & 0o004).toBe(0o004);
  await makePgliteTemplate(template);
  expect(fs.readdirSync(path.dirname(template))).toEqual(['pglite-template']);
});

it('copies the template into a new data directory, private to its owner, and the copy is a database that migrates, keeps what it is given and opens again', async () => {
  const dataDir = path.join(root, 'data', 'pglite');
  fs.mkdirSync(path.dirname(dataDir));
  expect(dataDirFromTemplate(dataDir, template)).toBe(true);
  expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  expect(fs.readdirSync(path.dirname(dataDir))).toEqual(['pglite']);

  const first = await openDatabase({ dataDir });
  await first.db.execute(sql`insert into cities (code, name, lat, lng) values ('99.99', 'Kota Uji', 1.66, 101.44)`);
  await first.close();
  const again = await openDatabase({ dataDir });
  const rows = await queryRows<{ name: string }>(again.db, sql`select name from cities where code = '99.99'`);
  await again.close();
  expect(rows).toEqual([{ name: 'Kota Uji' }]);
});

it('copies into an empty directory, leaves one with anything in it to PGlite, and does nothing without a template', () => {
  const empty = fs.mkdtempSync(path.join(root, 'empty-'));
  expect(dataDirFromTemplate(empty, template)).toBe(true);
  expect(fs.existsSync(path.join(empty, 'PG_VERSION'))).toBe(true);

  const used = fs.mkdtempSync(path.join(root, 'used-'));
  fs.writeFileSync(path.join(used, 'something'), '');
  expect(dataDirFromTemplate(used, template)).toBe(false);
  expect(fs.readdirSync(used)).toEqual(['something']);

  expect(dataDirFromTemplate(path.join(root, 'none'), path.join(root, 'no-template'))).toBe(false);
  expect(fs.existsSync(path.join(root, 'none'))).toBe(false);
});
