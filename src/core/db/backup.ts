/**
 * Logical backup and restore, the same on PGlite and PostgreSQL (and across them: a demo on PGlite
 * can move to PostgreSQL). A backup is gzip'd JSON lines: a header naming the schema migrations,
 * then every row of every table (PostgreSQL's own JSON of the row, so every type round-trips), then
 * every stored file a `file_key` column points to. Rows are read in one repeatable-read snapshot.
 */
import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { FileStorage } from '../files/storage.js';
import type { Db } from './client.js';
import { queryRows as rows } from './json-rows.js';

export const BACKUP_FORMAT = 'khidmat-backup/1';
const PAGE = 1000;

type Line =
  | { format: string; createdAt: string; migrations: string[]; tables: string[] }
  | { table: string; row: Record<string, unknown> }
  | { file: string; data: string }
  | { end: { rows: number; files: number } };

interface Column {
  name: string;
  generated: boolean;
}


const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** The platform's tables, each after the tables its foreign keys point to. */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
  ).map((t) => t.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (ordered.includes(t)) return;
    if (path.includes(t)) throw new Error(`foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    for (const e of edges.filter((x) => x.child === t)) visit(e.parent, [...path, t]);
    ordered.push(t);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

async function columnsOf(db: Db, table: string): Promise<Column[]> {
  return (
    await rows<{ name: string; generated: string }>(
      db,
      sql`select column_name as name, is_generated as generated from information_schema.columns
          where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
    )
  ).map((c) => ({ name: c.name, generated: c.generated === 'ALWAYS' }));
}

async function appliedMigrations(db: Db): Promise<string[]> {
  return (await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`)).map((m) => m.hash);
}

async function write(out: Writable, line: Line): Promise<void> {
  if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
}

/** Writes the whole database and its files to `target` (gzip'd JSON lines). */
export async function backup(db: Db, storage: FileStorage, target: Writable, now = new Date()): Promise<{ rows: number; files: number }> {
  const gzip = zlib.createGzip();
  gzip.pipe(target);
  const done = once(target, 'finish');
  let count = 0;
  const fileKeys = new Set<string>();
  await db.transaction(
    async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      await write(gzip, { format: BACKUP_FORMAT, createdAt: now.toISOString(), migrations: await appliedMigrations(tx), tables });
      for (const table of tables) {
        const keyed = (await columnsOf(tx, table)).some((c) => c.name === 'file_key');
        for (let offset = 0; ; offset += PAGE) {
          // ctid order is stable inside one snapshot, so the pages neither overlap nor skip.
          const page = await rows<{ j: string }>(tx, sql`select row_to_json(t)::text as j from ${ident(table)} t order by ctid limit ${PAGE} offset ${offset}`);
          for (const { j } of page) {
            const row = JSON.parse(j) as Record<string, unknown>;
            if (keyed && typeof row.file_key === 'string') fileKeys.add(row.file_key);
            await write(gzip, { table, row });
          }
          count += page.length;
          if (page.length < PAGE) break;
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  let files = 0;
  for (const key of fileKeys) {
    // A row whose file is already gone (swept, or lost before) is backed up as it is.
    const data = await storage.get(key).catch(() => undefined);
    if (!data) continue;
    await write(gzip, { file: key, data: data.toString('base64') });
    files++;
  }
  await write(gzip, { end: { rows: count, files } });
  gzip.end();
  await done;
  return { rows: count, files };
}

export class RestoreError extends Error {}

/**
 * Loads a backup into a database that has the same migrations and no rows (a new PostgreSQL
 * database or an empty DATA_DIR, opened once so that it is migrated). All rows go in one
 * transaction: a broken or truncated backup leaves the database empty, not half restored.
 */
export async function restore(db: Db, storage: FileStorage, source: Readable): Promise<{ rows: number; files: number }> {
  const lines = readline.createInterface({ input: source.pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as Line);
  if (!header || !('format' in header) || header.format !== BACKUP_FORMAT) throw new RestoreError('not a Khidmat backup (or a newer format)');
  const here = await appliedMigrations(db);
  if (here.join() !== header.migrations.join()) {
    throw new RestoreError(
      `the backup was made at schema migration ${header.migrations.length}, this database is at ${here.length}: restore with the Khidmat version that made the backup, then upgrade`,
    );
  }
  let files = 0;
  let end: { rows: number; files: number } | undefined;
  const restored = await db.transaction(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    for (const table of tables) {
      const [{ n }] = (await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(table)}`)) as [{ n: number }];
      if (Number(n) > 0) throw new RestoreError(`the database is not empty (table ${table} has rows): restore into a new database`);
    }
    let count = 0;
    let batch: { table: string; rows: unknown[] } | undefined;
    const flush = async () => {
      if (!batch?.rows.length) return;
      const cols = (await columnsOf(tx, batch.table)).filter((c) => !c.generated).map((c) => ident(c.name));
      const list = sql.join(cols, sql`, `);
      // OVERRIDING SYSTEM VALUE keeps identity ids; json_populate_recordset casts every value to its column type.
      await tx.execute(
        sql`insert into ${ident(batch.table)} (${list}) overriding system value select ${list} from json_populate_recordset(null::${ident(batch.table)}, ${JSON.stringify(batch.rows)}::json)`,
      );
      count += batch.rows.length;
      batch = undefined;
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = JSON.parse(next.value) as Line;
      if ('table' in line) {
        if (!tables.includes(line.table)) throw new RestoreError(`unknown table ${line.table}`);
        if (batch && batch.table !== line.table) await flush();
        batch ??= { table: line.table, rows: [] };
        batch.rows.push(line.row);
        if (batch.rows.length >= PAGE) await flush();
      } else if ('file' in line) {
        // Files go straight to storage (keys are unique): a failed restore leaves only unreferenced files.
        await storage.put(line.file, Buffer.from(line.data, 'base64'), 'application/octet-stream');
        files++;
      } else if ('end' in line) {
        end = line.end;
      }
    }
    await flush();
    if (!end || end.rows !== count || end.files !== files) throw new RestoreError('the backup is incomplete (truncated file?)');
    await resetSequences(tx, tables);
    return count;
  });
  return { rows: restored, files };
}

/** Identity and serial columns continue after the restored ids, so the next insert does not collide. */
async function resetSequences(db: Db, tables: string[]): Promise<void> {
  for (const table of tables) {
    for (const { name } of await columnsOf(db, table)) {
      const [seq] = await rows<{ s: string | null }>(db, sql`select pg_get_serial_sequence(${`"${table}"`}, ${name}) as s`);
      if (!seq?.s) continue;
      await db.execute(sql`select setval(${seq.s}, coalesce((select max(${ident(name)}) from ${ident(table)}), 0) + 1, false)`);
    }
  }
}

/** Row count and content hash of every table: what a restore must reproduce exactly. */
export async function fingerprint(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  return db.transaction(async (tx) => {
    // Timestamps render in the session's time zone: fix it, so two servers' fingerprints compare.
    await tx.execute(sql`set local timezone = 'UTC'`);
    const result: Record<string, { rows: number; hash: string }> = {};
    for (const table of await tablesInDependencyOrder(tx)) {
      const [r] = await rows<{ n: number; h: string | null }>(
        tx,
        sql`select count(*)::int as n, md5(coalesce(string_agg(j, E'\n' order by j), '')) as h from (select row_to_json(t)::text as j from ${ident(table)} t) x`,
      );
      result[table] = { rows: Number(r!.n), hash: r!.h ?? '' };
    }
    return result;
  });
}
