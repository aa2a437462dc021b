/**
 * Importing the welfare register (DTKS/DTSEN) from Dinas Sosial's CSV. The upload is written to
 * disk and queued; `processQueuedImports` (a background job) streams the file through csv-parse
 * into a staging table in batches, so a million rows never sit in memory. Every rejected row is
 * recorded with its line and reason, and the import applies whole or not at all: only a file with
 * no rejected row is swapped in, replacing the earlier period in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { AppError, conflict, forbidden, invalid, notFound, type Message } from '../core/errors.js';
import { maskNik, parseNik } from '../core/nik/nik.js';
import { PROGRAMMES } from './lifecycle.js';
import { act } from './actions.js';
import * as q from './queries.js';

export const REGISTER_COLUMNS = ['nik', 'kk', 'nama', 'alamat', 'kelurahan', 'desil', 'program', 'periode'] as const;
/** A city's register of a million people is about 130 MB of CSV. */
export const MAX_REGISTER_BYTES = 1024 * 1024 * 1024;
const BATCH = 5000;
const REJECT_BATCH = 1000;
const STALE_MS = 10 * 60_000;

const IMPORT = { id: 'Impor DTSEN', en: 'Register import' };
const importDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'register-imports');

/** Reasons a row is refused, as codes stored with the line; the UI words them. */
export const REJECT_REASONS: Record<string, Message> = {
  column_count: { id: 'Jumlah kolom tidak sesuai', en: 'Wrong number of columns' },
  nik_format: { id: 'NIK bukan 16 digit', en: 'NIK is not 16 digits' },
  nik_region: { id: 'Kode wilayah NIK tidak valid', en: 'Invalid region code in the NIK' },
  nik_birth_date: { id: 'Tanggal lahir pada NIK tidak valid', en: 'Invalid birth date in the NIK' },
  nik_serial: { id: 'Nomor urut NIK tidak valid', en: 'Invalid NIK serial' },
  kk_format: { id: 'Nomor KK bukan 16 digit', en: 'KK number is not 16 digits' },
  name_required: { id: 'Nama kosong', en: 'Name missing' },
  unknown_kelurahan: { id: 'Kelurahan tidak dikenal', en: 'Unknown kelurahan' },
  decile_range: { id: 'Desil harus 1–10', en: 'Decile must be 1–10' },
  unknown_programme: { id: 'Program tidak dikenal', en: 'Unknown programme' },
  period_mismatch: { id: 'Periode berbeda dengan periode impor', en: 'Period differs from the import period' },
  duplicate_nik: { id: 'NIK sudah ada di baris sebelumnya', en: 'NIK repeats an earlier row' },
};

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Writes the uploaded CSV to disk and queues it; the file may be far larger than memory. */
export async function queueImport(ctx: AppContext, p: Principal, period: string, fileName: string, file: Readable & { truncated?: boolean }) {
  if (p.role !== 'dinsos_desk') throw forbidden();
  if (!PERIOD.test(period)) throw invalid('period_format', 'Periode harus YYYY-MM.', 'The period must be YYYY-MM.', 'period');
  const latest = await q.latestApplied(ctx.db);
  if (latest && latest.period > period) throw olderPeriod(latest.period);
  fs.mkdirSync(importDir(ctx), { recursive: true });
  const fileKey = `${randomUUID()}.csv`;
  const target = path.join(importDir(ctx), fileKey);
  await pipeline(file, fs.createWriteStream(target, { flags: 'wx' }));
  if (file.truncated) {
    fs.rmSync(target, { force: true });
    throw new AppError(413, 'upload_too_large', { id: 'Berkas terlalu besar.', en: 'File too large.' }, { field: 'file' });
  }
  const bytesTotal = fs.statSync(target).size;
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertImport(tx, { period, fileName: fileName.slice(0, 200), fileKey, bytesTotal, uploadedById: p.userId, createdAt: now });
    await audit(tx, p, { action: 'kemiskinan.register_upload', entity: 'kemiskinan_register_import', entityId: row.id, detail: { period, bytes: bytesTotal } }, now);
    return row;
  });
}

const olderPeriod = (current: string) =>
  conflict('older_period', `Periode ini lebih lama dari DTSEN yang berlaku (${current}).`, `This period is older than the register in force (${current}).`, 'period');

export async function importStatus(ctx: AppContext, p: Principal, id: number) {
  if (p.role !== 'dinsos_desk' && p.role !== 'dinsos_section') throw forbidden();
  const row = await q.importById(ctx.db, id);
  if (!row) throw notFound(IMPORT);
  return importView(row);
}

export function importView(r: q.ImportRow) {
  return {
    id: r.id,
    period: r.period,
    fileName: r.fileName,
    status: r.status,
    bytesTotal: r.bytesTotal,
    bytesRead: r.bytesRead,
    progress: r.bytesTotal ? Math.min(1, r.bytesRead / r.bytesTotal) : 1,
    rowsRead: r.rowsRead,
    rowsAccepted: r.rowsAccepted,
    rowsRejected: r.rowsRejected,
    rematched: r.rematched,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function importRejects(ctx: AppContext, p: Principal, id: number, limit: number, offset: number) {
  if (p.role !== 'dinsos_desk' && p.role !== 'dinsos_section') throw forbidden();
  if (!(await q.importById(ctx.db, id))) throw notFound(IMPORT);
  const rows = await q.rejectsOf(ctx.db, id, limit + 1, offset);
  return {
    items: rows.slice(0, limit).map((r) => ({ line: r.line, code: r.code, field: r.field, reason: REJECT_REASONS[r.code] ?? { id: r.code, en: r.code } })),
    hasMore: rows.length > limit,
  };
}

/** Runs every queued import, one at a time per runner; safe to call from several instances. */
export async function processQueuedImports(ctx: AppContext): Promise<number> {
  let done = 0;
  for (;;) {
    const now = ctx.clock();
    const claimed = await q.claimImport(ctx.db, now, new Date(now.getTime() - STALE_MS));
    if (!claimed) return done;
    await runImport(ctx, claimed);
    done++;
  }
}

interface Failure {
  code: string;
  message: Message;
  line?: number;
}

class ImportFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message.en);
  }
}

async function runImport(ctx: AppContext, imp: q.ImportRow): Promise<void> {
  let swapped = false;
  try {
    await q.dropStaging(ctx.db, imp.id);
    await q.createStaging(ctx.db, imp.id);
    const counts = await load(ctx, imp);
    if (counts.rejected > 0) {
      throw new ImportFailed({
        code: 'rows_rejected',
        message: {
          id: `${counts.rejected} baris ditolak; tidak ada data yang diterapkan. Perbaiki baris tersebut lalu unggah ulang.`,
          en: `${counts.rejected} rows were rejected; nothing was applied. Fix those rows and upload again.`,
        },
      });
    }
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock();
      await q.lockRegister(tx);
      const latest = await q.latestApplied(tx);
      if (latest && latest.period > imp.period) throw new ImportFailed({ code: 'older_period', message: olderPeriod(latest.period).messages });
      await q.swapInStaging(tx, imp.id);
      if (latest) await q.updateImport(tx, latest.id, { status: 'replaced' });
      // Households waiting in the musyawarah route that the new register lists go to the desk.
      const waiting = await q.waitingNowRegistered(tx);
      for (const tn of waiting) await act(ctx, tx, null, tn, 'register_match', {}, now);
      await q.updateImport(tx, imp.id, { status: 'applied', finishedAt: now, rematched: waiting.length, heartbeatAt: now });
      await audit(tx, null, { action: 'kemiskinan.register_applied', entity: 'kemiskinan_register_import', entityId: imp.id, detail: { period: imp.period, persons: counts.accepted, rematched: waiting.length } }, now);
    });
    swapped = true;
  } catch (err) {
    // A parser message may quote a field: never let a NIK or KK number through into the record.
    const reason = (err as Error).message.replace(/\d{16}/g, maskNik);
    const failure: Failure =
      err instanceof ImportFailed
        ? err.failure
        : {
            code: 'unreadable_file',
            message: { id: `Berkas CSV tidak dapat dibaca: ${reason}`, en: `The CSV file cannot be read: ${reason}` },
            ...(typeof (err as { lines?: unknown }).lines === 'number' ? { line: (err as { lines: number }).lines } : {}),
          };
    await q.updateImport(ctx.db, imp.id, { status: 'failed', error: failure, finishedAt: ctx.clock() });
    await audit(ctx.db, null, { action: 'kemiskinan.register_failed', entity: 'kemiskinan_register_import', entityId: imp.id, detail: { code: failure.code } });
  } finally {
    if (!swapped) await q.dropStaging(ctx.db, imp.id);
    // The upload holds plain NIKs: it is kept only until the import has finished, either way.
    fs.rmSync(path.join(importDir(ctx), imp.fileKey), { force: true });
  }
}

interface Reject {
  line: number;
  code: string;
  field: string | null;
}

async function kelurahanLookup(ctx: AppContext): Promise<Map<string, string>> {
  const names = await q.kelurahanNames(ctx.db);
  const map = new Map<string, string>();
  for (const [code, name] of names) {
    map.set(code, code);
    map.set(name.toLowerCase(), code);
  }
  return map;
}

/** Streams the file into the staging table; returns the counts (rejects are stored as they come). */
async function load(ctx: AppContext, imp: q.ImportRow) {
  const kelurahan = await kelurahanLookup(ctx);
  const programmes = new Set<string>(PROGRAMMES);
  const today = ctx.clock();
  const counts = { read: 0, accepted: 0, rejected: 0 };
  let batch: q.StagedRow[] = [];
  let rejects: Reject[] = [];
  let bytes = 0;

  const flushRejects = async () => {
    await q.insertRejects(ctx.db, imp.id, rejects);
    rejects = [];
  };
  const flush = async () => {
    if (batch.length) {
      const inserted = await q.insertStaged(ctx.db, imp.id, imp.period, batch);
      counts.accepted += inserted.size;
      for (const r of batch) if (!inserted.has(r.line)) reject(r.line, 'duplicate_nik', 'nik');
      batch = [];
    }
    await flushRejects();
    await q.updateImport(ctx.db, imp.id, { bytesRead: bytes, rowsRead: counts.read, rowsAccepted: counts.accepted, rowsRejected: counts.rejected, heartbeatAt: ctx.clock() });
  };
  const reject = (line: number, code: string, field: string | null) => {
    counts.rejected++;
    rejects.push({ line, code, field });
  };

  const parser = fs
    .createReadStream(path.join(importDir(ctx), imp.fileKey))
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }));
  type Columns = Record<(typeof REGISTER_COLUMNS)[number], number>;
  let col: Columns | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
    bytes = info.bytes;
    if (!col) {
      const header = record.map((h) => h.toLowerCase());
      const missing = REGISTER_COLUMNS.filter((c) => !header.includes(c));
      if (missing.length) {
        throw new ImportFailed({ code: 'missing_columns', line: info.lines, message: { id: `Kolom wajib tidak ada: ${missing.join(', ')}.`, en: `Required columns missing: ${missing.join(', ')}.` } });
      }
      col = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, header.indexOf(c)])) as Columns;
      continue;
    }
    counts.read++;
    const line = info.lines;
    const row = checkRow(record, col, line, { kelurahan, programmes, period: imp.period, today, width: Object.keys(col).length });
    if ('code' in row) reject(line, row.code, row.field);
    else batch.push({ ...row, nikHash: ctx.cipher.keyedHash(row.nikHash), kkHash: ctx.cipher.keyedHash(row.kkHash) });
    if (batch.length >= BATCH || rejects.length >= REJECT_BATCH) await flush();
  }
  if (!col) throw new ImportFailed({ code: 'empty_file', message: { id: 'Berkas kosong.', en: 'The file is empty.' } });
  await flush();
  return counts;
}

interface RowContext {
  kelurahan: Map<string, string>;
  programmes: Set<string>;
  period: string;
  today: Date;
  width: number;
}

/** One row's checks; on success nikHash/kkHash still hold the plain numbers (hashed by the caller). */
function checkRow(r: string[], col: Record<(typeof REGISTER_COLUMNS)[number], number>, line: number, x: RowContext): q.StagedRow | Reject {
  const bad = (code: string, field: string | null): Reject => ({ line, code, field });
  if (r.length < x.width) return bad('column_count', null);
  const nik = r[col.nik]!;
  try {
    parseNik(nik, { today: x.today });
  } catch (err) {
    return bad(err instanceof AppError && err.code in REJECT_REASONS ? err.code : 'nik_format', 'nik');
  }
  const kk = r[col.kk]!;
  if (!/^\d{16}$/.test(kk)) return bad('kk_format', 'kk');
  if (!r[col.nama]) return bad('name_required', 'nama');
  const kel = x.kelurahan.get(r[col.kelurahan]!) ?? x.kelurahan.get(r[col.kelurahan]!.toLowerCase());
  if (!kel) return bad('unknown_kelurahan', 'kelurahan');
  const decile = Number(r[col.desil]);
  if (!Number.isInteger(decile) || decile < 1 || decile > 10) return bad('decile_range', 'desil');
  const progs = r[col.program]!.split(/[;|]/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  if (progs.some((p) => !x.programmes.has(p))) return bad('unknown_programme', 'program');
  if (r[col.periode] !== x.period) return bad('period_mismatch', 'periode');
  return { line, nikHash: nik, kkHash: kk, kelurahanCode: kel, decile, programmes: progs.join(',') };
}

export async function registerOverview(ctx: AppContext, p: Principal) {
  if (p.role !== 'dinsos_desk' && p.role !== 'dinsos_section') throw forbidden();
  return { ...(await q.registerSummary(ctx.db)), imports: (await q.listImports(ctx.db, 20)).map(importView) };
}
