import { PDFArray, PDFDict, type PDFObject, PDFDocument, PDFName, PDFStream, EncryptedPDFError } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { AppError } from '../errors.js';

/**
 * Documents officers attach (an answer to an information request, a catalogue file): PDF, XLSX or
 * CSV. Like photos, the type is decided by content, never by the name or the declared MIME type;
 * a PDF is parsed and written out again (nothing appended after it survives) and refused when it
 * carries scripts, launch actions or embedded files; a workbook is refused when it carries macros
 * or would inflate beyond a sane size (a zip bomb).
 */
export type DocumentMime = 'application/pdf' | 'text/csv' | typeof XLSX;
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCUMENT_EXT: Record<DocumentMime, string> = { 'application/pdf': 'pdf', 'text/csv': 'csv', [XLSX]: 'xlsx' };

export interface ProcessedDocument {
  data: Buffer;
  mime: DocumentMime;
  /** A safe display name, its extension matching the content. */
  name: string;
  bytes: number;
  /** Pages of a PDF; null for other types. */
  pages: number | null;
}

const MiB = 1024 * 1024;
/** A workbook that inflates beyond this is a zip bomb, not a table. */
const MAX_INFLATED = 100 * MiB;

const fail = (status: number, code: string, id: string, en: string) => new AppError(status, code, { id, en }, { field: 'file' });
const unsupported = () => fail(415, 'document_type', 'Jenis berkas tidak didukung. Gunakan PDF, XLSX, atau CSV.', 'Unsupported file type. Use PDF, XLSX or CSV.');
const corrupt = () => fail(422, 'document_corrupt', 'Berkas rusak atau tidak dapat dibaca.', 'The file is damaged or cannot be read.');
const active = () =>
  fail(422, 'document_active_content', 'Berkas memuat skrip, makro, atau lampiran tersembunyi; simpan ulang tanpa itu.', 'The file carries scripts, macros or embedded files; save it again without them.');

function sniff(buf: Buffer): DocumentMime | null {
  if (buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50) return XLSX;
  return isText(buf) ? 'text/csv' : null;
}

/** UTF-8 without NUL bytes: a CSV, not a binary renamed to .csv. */
function isText(buf: Buffer): boolean {
  if (!buf.length || buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Action types a PDF viewer would run rather than show. */
const ACTIVE_ACTIONS = new Set(['/JavaScript', '/Launch', '/ImportData', '/Rendition', '/GoToE']);

async function processPdf(input: Buffer): Promise<{ data: Buffer; pages: number }> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    if (err instanceof EncryptedPDFError) throw fail(422, 'document_encrypted', 'PDF terkunci kata sandi; unggah versi tanpa kunci.', 'The PDF is password-protected; upload an unlocked copy.');
    throw corrupt();
  }
  // Direct objects nest inside indirect ones (an OpenAction inside the catalogue): walk them all.
  const visit = (obj: PDFObject): void => {
    if (obj instanceof PDFArray) return obj.asArray().forEach(visit);
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : null;
    if (!dict) return;
    const type = dict.get(PDFName.of('Type'))?.toString();
    const action = dict.get(PDFName.of('S'))?.toString();
    if (dict.has(PDFName.of('JS')) || type === '/EmbeddedFile' || type === '/Filespec' || (action && ACTIVE_ACTIONS.has(action))) throw active();
    dict.values().forEach(visit);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript')) || names?.has(PDFName.of('EmbeddedFiles'))) throw active();
  if (doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.has(PDFName.of('XFA'))) throw active();
  const pages = doc.getPageCount();
  if (!pages) throw corrupt();
  return { data: Buffer.from(await doc.save({ useObjectStreams: true })), pages };
}

function checkWorkbook(input: Buffer): void {
  let inflated = 0;
  let entries: Record<string, Uint8Array>;
  try {
    // Only the names are needed: the filter decides per entry, so nothing big is ever inflated.
    const seen: string[] = [];
    entries = unzipSync(input, {
      filter: (f) => {
        inflated += f.originalSize;
        if (inflated > MAX_INFLATED) throw fail(413, 'document_too_large', 'Isi berkas terlalu besar setelah dibuka.', 'The file is too large once unpacked.');
        seen.push(f.name);
        return f.name === '[Content_Types].xml';
      },
    });
    if (seen.some((n) => /vbaProject\.bin$/i.test(n) || /^xl\/(embeddings|activeX)\//i.test(n))) throw active();
    if (!seen.includes('xl/workbook.xml')) throw unsupported();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
  const types = new TextDecoder().decode(entries['[Content_Types].xml'] ?? new Uint8Array());
  if (/macroEnabled/i.test(types)) throw active();
}

/** Keeps a name a person recognises, without paths or control characters, ending in the content's type. */
export function safeName(name: string | undefined, mime: DocumentMime): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 100) || 'dokumen';
  return `${stem}.${DOCUMENT_EXT[mime]}`;
}

export async function processDocument(input: Buffer, name: string | undefined, opts: { maxBytes: number }): Promise<ProcessedDocument> {
  if (input.length > opts.maxBytes) {
    const mb = opts.maxBytes / MiB;
    throw fail(413, 'document_too_large', `Berkas terlalu besar (maks. ${mb} MB).`, `File too large (max ${mb} MB).`);
  }
  const mime = sniff(input);
  if (!mime) throw unsupported();
  let data = input;
  let pages: number | null = null;
  if (mime === 'application/pdf') {
    // A broken structure can fail anywhere in pdf-lib, not only while loading.
    ({ data, pages } = await processPdf(input).catch((err: unknown) => {
      throw err instanceof AppError ? err : corrupt();
    }));
  }
  else if (mime === XLSX) checkWorkbook(input);
  return { data, mime, name: safeName(name, mime), bytes: data.length, pages };
}
