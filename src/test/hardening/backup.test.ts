/**
 * Backup and restore round trips: a lived-in database (accounts, reports with photos, dispositions,
 * notifications, audit log) is backed up, restored into a new empty database, and every table must
 * come back with the same rows (count and content hash) and every photo with the same bytes.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { backup, fingerprint, restore, RestoreError } from '../../core/db/backup.js';
import { openDatabase, type Database, type DatabaseKind } from '../../core/db/client.js';
import { createLocalStorage, type FileStorage } from '../../core/files/storage.js';
import { outbox } from '../../core/notifications/schema.js';
import { deliverDue } from '../../core/notifications/delivery.js';
import { step } from '../fixtures.js';
import { DATABASE_KINDS, describeEachDatabase, freshPostgres, type Harness } from '../harness.js';
import { castOf } from './principals.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-backup-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A new, migrated, empty database of the given kind. */
async function emptyDatabase(kind: DatabaseKind): Promise<Database & { url?: string }> {
  if (kind === 'pglite') {
    const db = await openDatabase({});
    cleanups.push(() => db.close());
    return db;
  }
  const pg = await freshPostgres();
  const db = await openDatabase({ url: pg.url });
  cleanups.push(async () => {
    await db.close();
    await pg.drop();
  });
  return { ...db, url: pg.url };
}

async function backupToBuffer(h: Harness): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await backup(h.ctx.db, h.ctx.storage, sink);
  return Buffer.concat(chunks);
}

/** Every file key in the database, with its bytes. */
async function filesOf(h: Harness): Promise<Map<string, Buffer>> {
  const res = (await h.ctx.db.execute(
    sql`select file_key from uploads`,
  )) as unknown as { rows: { file_key: string }[] };
  const out = new Map<string, Buffer>();
  for (const { file_key } of res.rows) out.set(file_key, await h.ctx.storage.get(file_key));
  return out;
}

async function sameFiles(expected: Map<string, Buffer>, storage: FileStorage): Promise<void> {
  expect(expected.size).toBeGreaterThan(0);
  for (const [key, data] of expected) expect((await storage.get(key)).equals(data), key).toBe(true);
}

describeEachDatabase('backup and restore', (h) => {
  let source: Buffer;

  it('round-trips every table and every photo into a new database', async () => {
    const cast = await castOf(h());
    const { trackingNumber } = await cast.newReport(true);
    await step(h(), cast.token.opd_officer, trackingNumber, 'accept', { message: 'Diterima <b>tim</b> 🙂' });
    await step(h(), cast.token.triage_admin, trackingNumber, 'comments', { note: 'catatan internal' });
    await deliverDue(h().ctx, undefined);
    const before = await fingerprint(h().ctx.db);
    expect(before.reports!.rows).toBeGreaterThan(0);
    expect(before.notifications!.rows).toBeGreaterThan(0);
    expect(before.audit_log!.rows).toBeGreaterThan(0);

    source = await backupToBuffer(h());
    const target = await emptyDatabase(h().kind);
    const storage = createLocalStorage(tempDir());
    const counts = await restore(target.db, storage, Readable.from(source));
    expect(counts.rows).toBe(Object.values(before).reduce((n, t) => n + t.rows, 0));

    expect(await fingerprint(target.db)).toEqual(before);
    await sameFiles(await filesOf(h()), storage);
    // Identity columns go on after the restored ids: a new row does not collide with an old one.
    const [user] = await target.db.execute(sql`select user_id from outbox limit 1`).then((r) => (r as unknown as { rows: { user_id: string }[] }).rows);
    await target.db.insert(outbox).values({ userId: user!.user_id, channel: 'in_app', title: { id: 'a', en: 'a' }, body: { id: 'b', en: 'b' } });
  });

  it('refuses a database that already has rows, and leaves an empty one empty when the backup is cut short', async () => {
    await expect(restore(h().ctx.db, h().ctx.storage, Readable.from(source))).rejects.toThrow(RestoreError);

    const target = await emptyDatabase(h().kind);
    const lines = zlib.gunzipSync(source).toString().split('\n');
    const truncated = zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
    await expect(restore(target.db, createLocalStorage(tempDir()), Readable.from(truncated))).rejects.toThrow(/incomplete/);
    expect(Object.values(await fingerprint(target.db)).every((t) => t.rows === 0)).toBe(true);

    await expect(restore(target.db, createLocalStorage(tempDir()), Readable.from(zlib.gzipSync('{"hello":1}\n')))).rejects.toThrow(/not a Khidmat backup/);
  });

  it.runIf(DATABASE_KINDS.includes('postgresql'))('moves a PGlite backup to PostgreSQL and back', async () => {
    const other: DatabaseKind = h().kind === 'pglite' ? 'postgresql' : 'pglite';
    const target = await emptyDatabase(other);
    await restore(target.db, createLocalStorage(tempDir()), Readable.from(source));
    expect(await fingerprint(target.db)).toEqual(await fingerprint(h().ctx.db));
  });
});

it('backs up and restores through the npm commands (PGlite data directories)', async () => {
  const from = tempDir();
  const to = tempDir();
  const db = await openDatabase({ dataDir: path.join(from, 'pglite') });
  await db.db.execute(sql`insert into holidays (date, kind, name) values ('2026-12-25', 'libur_nasional', 'Hari Natal')`);
  const expected = await fingerprint(db.db);
  await db.close();
  const file = path.join(tempDir(), 'khidmat.backup.gz');
  const tsx = path.resolve('node_modules/.bin/tsx');
  const backupOut = await run(tsx, ['src/cli/backup.ts', '--out', file], { env: { ...process.env, DATA_DIR: from, DATABASE_URL: '' } });
  expect(backupOut.stdout).toMatch(/Backup written to .*: 1 rows, 0 files \(pglite\)/);
  const restoreOut = await run(tsx, ['src/cli/restore.ts', '--in', file], { env: { ...process.env, DATA_DIR: to, DATABASE_URL: '' } });
  expect(restoreOut.stdout).toContain('Restored 1 rows and 0 files into pglite');
  const restored = await openDatabase({ dataDir: path.join(to, 'pglite') });
  cleanups.push(() => restored.close());
  expect(await fingerprint(restored.db)).toEqual(expected);
}, 120_000);
