/**
 * A dataset's versions: a producer submits a table, which is checked cell by cell while it streams
 * in (table.ts) and stored whole in the file storage; nothing is recorded unless every cell passes.
 * The steward then accepts (published, immutable, audited) or returns it with reasons, through the
 * lifecycle table. A correction is simply the next version, with its note.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { AppError, forbidden, invalid, notFound } from '../core/errors.js';
import { processDocument, XLSX } from '../core/files/document.js';
import { MAX_UPLOAD_BYTES } from '../core/files/limits.js';
import { newFileKey } from '../core/files/storage.js';
import { actorsFor, inScope } from './access.js';
import { DATASET, lockedForProducer } from './datasets.js';
import { lifecycle, TRANSITIONS, type Actor, type ResourceFormat, type VersionAction } from './lifecycle.js';
import type { StepInput } from './api-schemas.js';
import type { TableSummary, Variable, VersionDiff } from './schema.js';
import { csvRows, readTable, xlsxRows } from './table.js';
import * as q from './queries.js';

export const VERSION = { id: 'Versi data', en: 'Dataset version' };
/**
 * A CSV streams through the checks, so it may be far larger than the 10 MB of an attached document
 * (a million rows of a kelurahan-level table is ~40 MB); a workbook is read through exceljs and held
 * to the document limits (10 MB, checked for macros and zip bombs like any document).
 */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;

const tooLarge = (max: number) =>
  new AppError(413, 'upload_too_large', { id: `Berkas terlalu besar (maks. ${max / 1024 / 1024} MB).`, en: `File too large (max ${max / 1024 / 1024} MB).` }, { field: 'file' });
const notATable = () =>
  new AppError(415, 'table_type', { id: 'Unggah tabel CSV (UTF-8) atau XLSX.', en: 'Upload a CSV (UTF-8) or XLSX table.' }, { field: 'file' });

export interface Upload {
  stream: Readable;
  filename: string | undefined;
}

interface Stored {
  summary: TableSummary;
  format: ResourceFormat;
  mime: string;
  data: Buffer;
  sha256: string;
}

/** The first chunk, put back: its bytes decide the format (a zip is a workbook, anything else must read as a CSV). */
const peek = (stream: Readable): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const done = (chunk: Buffer | null) => {
      stream.off('error', reject);
      if (chunk) stream.unshift(chunk);
      resolve(chunk);
    };
    stream.once('error', reject);
    stream.once('readable', () => done((stream.read() as Buffer | null) ?? null));
  });

/** Reads and checks the upload as it comes, keeping its bytes for the storage (a million-row CSV ~40 MB). */
async function checkUpload(upload: Upload, variables: readonly Variable[], regions: ReadonlySet<string>): Promise<Stored> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let bytes = 0;
  let zip: boolean | null = null;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      zip ??= chunk.length >= 4 && chunk.readUInt32LE(0) === 0x04034b50;
      const max = zip ? MAX_UPLOAD_BYTES : MAX_CSV_BYTES;
      bytes += chunk.length;
      if (bytes > max) return done(tooLarge(max));
      if (!zip && chunk.includes(0)) return done(notATable());
      chunks.push(chunk);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  upload.stream.on('error', (err) => meter.destroy(mapUploadError(err) as Error));
  upload.stream.pipe(meter);
  try {
    if (!(await peek(meter))) throw notATable();
    if (zip) {
      // The whole workbook first: its zip directory is at the end, and the document checks read it whole.
      for await (const _ of meter) void _;
      const data = Buffer.concat(chunks);
      await processDocument(data, upload.filename, { maxBytes: MAX_UPLOAD_BYTES });
      const summary = await readTable(xlsxRows(Readable.from([data])), variables, regions);
      return { summary, format: 'XLSX', mime: XLSX, data, sha256: hash.digest('hex') };
    }
    const summary = await readTable(csvRows(meter), variables, regions);
    return { summary, format: 'CSV', mime: 'text/csv', data: Buffer.concat(chunks), sha256: hash.digest('hex') };
  } catch (err) {
    // Refused mid-file: let the rest of the request body drain so the answer reaches the client.
    upload.stream.unpipe(meter);
    upload.stream.resume();
    throw err;
  }
}

/** @fastify/multipart stops a file at the limit with its own error; say it in our words. */
export function mapUploadError(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(MAX_CSV_BYTES);
  return err;
}

const difference = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => !b.includes(x));

/** What changed since the last published version: what the steward compares before accepting. */
export function diffOf(prev: q.VersionRow, summary: TableSummary, variables: readonly Variable[]): VersionDiff {
  const names = variables.map((v) => v.name);
  const before = prev.variables.map((v) => v.name);
  const measured = [...new Set([...Object.keys(prev.summary.totals), ...Object.keys(summary.totals)])];
  return {
    previousNumber: prev.number,
    rows: { before: prev.summary.rowCount, after: summary.rowCount },
    totals: measured.map((variable) => ({ variable, before: prev.summary.totals[variable] ?? null, after: summary.totals[variable] ?? null })),
    yearsAdded: difference(summary.years, prev.summary.years),
    yearsRemoved: difference(prev.summary.years, summary.years),
    regionsAdded: difference(summary.regionCodes, prev.summary.regionCodes),
    regionsRemoved: difference(prev.summary.regionCodes, summary.regionCodes),
    variablesAdded: difference(names, before),
    variablesRemoved: difference(before, names),
  };
}

export interface NewVersion {
  summary: TableSummary;
  variables: Variable[];
  note: string;
  files: { name: string; format: ResourceFormat; mime: string; data: Buffer; sha256: string; generated: boolean }[];
}

/** Stores the files, then records the version and its resources; the files go again if the record fails. */
export async function recordVersion(
  ctx: AppContext,
  db: Db,
  ds: q.DatasetRow,
  p: Principal | null,
  v: NewVersion,
  status: 'submitted' | 'published',
  at: Date,
  /** Decided under the dataset's lock: true when another runner already recorded the same (nothing is written). */
  skipIf?: (prev: q.VersionRow | undefined, resources: q.ResourceRow[]) => boolean,
): Promise<q.VersionRow | null> {
  const keys = v.files.map((f) => newFileKey('satudata', f.format.toLowerCase()));
  await Promise.all(v.files.map((f, i) => ctx.storage.put(keys[i]!, f.data, f.mime)));
  let recorded: q.VersionRow | null;
  try {
    recorded = await db.transaction(async (tx) => {
      const locked = (await q.datasetByName(tx, ds.name, true))!;
      const prev = await q.lastPublished(tx, locked.id);
      if (skipIf?.(prev, prev ? await q.resourcesOf(tx, [prev.id]) : [])) return null;
      const version = await q.insertVersion(tx, {
        datasetId: locked.id,
        number: await q.nextVersionNumber(tx, locked.id),
        status,
        note: v.note,
        variables: v.variables,
        summary: v.summary,
        diff: prev ? diffOf(prev, v.summary, v.variables) : null,
        submittedById: p?.userId ?? null,
        submittedAt: at,
        ...(status === 'published' ? { decidedAt: at, publishedAt: at } : {}),
      });
      await q.insertResources(
        tx,
        v.files.map((f, i) => ({ versionId: version.id, name: f.name, format: f.format, mime: f.mime, fileKey: keys[i]!, bytes: f.data.length, sha256: f.sha256, generated: f.generated, position: i, createdAt: at })),
      );
      await q.insertEvent(tx, { datasetId: locked.id, versionId: version.id, at, actorId: p?.userId ?? null, actorRole: p?.role ?? 'system', action: 'submit', toStatus: status, internalNote: v.note });
      await audit(tx, p, { action: `satudata.version.${status === 'published' ? 'publish' : 'submit'}`, entity: 'satudata_dataset', entityId: locked.id, detail: { version: version.number, rows: v.summary.rowCount } }, at);
      if (status === 'published') await showPublished(tx, locked.id, version, v.files.map((f) => f.format), at);
      return version;
    });
  } catch (err) {
    await Promise.all(keys.map((k) => ctx.storage.delete(k)));
    throw err;
  }
  if (!recorded) await Promise.all(keys.map((k) => ctx.storage.delete(k)));
  return recorded;
}

/** The dataset now shows this version: its years and formats feed the search's facets. */
async function showPublished(tx: Db, datasetId: number, version: q.VersionRow, formats: string[], at: Date) {
  await q.updateDataset(tx, datasetId, { publishedVersionId: version.id, modifiedAt: at, years: version.summary.years, formats: [...new Set(formats)] });
  await q.markFirstPublication(tx, datasetId, at);
}

const NOTE_MAX = 4000;

/** A producer submits a new version of its dataset; 422 naming row and column when a cell is wrong. */
export async function submitVersion(ctx: AppContext, p: Principal, name: string, note: string | undefined, upload: Upload, at = ctx.clock()): Promise<number> {
  const ds = await ctx.db.transaction((tx) => lockedForProducer(tx, p, name));
  const text = note?.trim() ?? '';
  if (!text) throw invalid('note_required', 'Tuliskan catatan versi ini (apa yang baru atau dikoreksi).', 'Describe this version (what is new or corrected).', 'note');
  if (text.length > NOTE_MAX) throw invalid('note_too_long', 'Catatan terlalu panjang (maks. 4000 karakter).', 'The note is too long (max 4000 characters).', 'note');
  const stored = await checkUpload(upload, ds.variables, await q.regionCodeSet(ctx.db));
  const ext = stored.format.toLowerCase();
  const base = (upload.filename ?? '').split(/[\\/]/).pop()!.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^\w .-]/g, '').trim().slice(0, 80) || ds.name;
  const version = await recordVersion(
    ctx,
    ctx.db,
    ds,
    p,
    { summary: stored.summary, variables: ds.variables, note: text, files: [{ name: `${base}.${ext}`, format: stored.format, mime: stored.mime, data: stored.data, sha256: stored.sha256, generated: false }] },
    'submitted',
    at,
  );
  return version!.number;
}

/** The part to play for `action`: one the table allows now, else one that may take it at all (the table answers 409), else any (403). */
const actorFor = (actors: readonly Actor[], action: VersionAction, from: q.VersionRow['status']): Actor =>
  actors.find((a) => lifecycle.can(action, from, a)) ?? actors.find((a) => (TRANSITIONS[action].by as readonly Actor[]).includes(a)) ?? actors[0]!;

/** The steward accepts or returns a version, or its producer withdraws it. */
export async function stepVersion(ctx: AppContext, tx: Db, p: Principal, name: string, number: number, action: VersionAction, input: StepInput, at = ctx.clock()): Promise<void> {
  const ds = await q.datasetByName(tx, name, true);
  if (!ds || !inScope(p, ds.opdId)) throw notFound(VERSION);
  const version = await q.findVersion(tx, ds.id, number, true);
  if (!version) throw notFound(VERSION);
  const actors = actorsFor(p, ds.opdId);
  if (!actors.length) throw forbidden();
  const to = lifecycle.next(action, version.status, actorFor(actors, action, version.status));
  const note = input.note?.trim() || null;
  if (action === 'return' && !note) throw invalid('reasons_required', 'Tuliskan alasan pengembalian agar produsen data dapat memperbaikinya.', 'Give the reasons for returning it, so the producer can correct it.', 'note');
  const decided = await q.decideVersion(tx, version.id, {
    status: to,
    decidedById: p.userId,
    decidedAt: at,
    ...(action === 'return' ? { returnReasons: note } : {}),
    ...(to === 'published' ? { publishedAt: at } : {}),
  });
  if (!decided) throw notFound(VERSION);
  await q.insertEvent(tx, { datasetId: ds.id, versionId: version.id, at, actorId: p.userId, actorRole: p.role, action, fromStatus: version.status, toStatus: to, internalNote: note });
  await audit(tx, p, { action: `satudata.version.${action}`, entity: 'satudata_dataset', entityId: ds.id, detail: { version: number } }, at);
  if (to === 'published') {
    const formats = (await q.resourcesOf(tx, [version.id])).map((r) => r.format);
    await showPublished(tx, ds.id, version, formats, at);
  }
}
