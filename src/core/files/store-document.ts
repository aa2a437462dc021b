/**
 * Documents taken in: checked by content (document.ts), stored, and recorded as their owner's
 * unattached upload. A signed letter often arrives as a phone photo: a scan may be a photo, which
 * goes through the photo pipeline (re-encoded, metadata gone) and is kept as a one-page PDF, so a
 * case's papers are all documents of one kind.
 */
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { DOCUMENT_EXT, processDocument, safeName, type ProcessedDocument } from './document.js';
import { processImage } from './image.js';
import { newFileKey } from './storage.js';
import { documents } from './schema.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import { AppError } from '../errors.js';

export type StoredDocument = typeof documents.$inferSelect;

async function save(ctx: AppContext, db: Db, ownerId: string | null, doc: ProcessedDocument, at: Date): Promise<StoredDocument> {
  const fileKey = newFileKey('documents', DOCUMENT_EXT[doc.mime]);
  await ctx.storage.put(fileKey, doc.data, doc.mime);
  const [row] = await db.insert(documents).values({ ownerId, fileKey, mime: doc.mime, name: doc.name, bytes: doc.bytes, pages: doc.pages, createdAt: at }).returning();
  return row!;
}

/** Used by the upload endpoint and by demo data made through the same pipeline (`db`: the caller's transaction, if any). */
export async function storeDocument(ctx: AppContext, db: Db, ownerId: string | null, raw: Buffer, filename: string | undefined, at = ctx.clock()): Promise<StoredDocument> {
  return save(ctx, db, ownerId, await processDocument(raw, filename, { maxBytes: MAX_UPLOAD_BYTES }), at);
}

export const isPhoto = (raw: Buffer) => (raw[0] === 0xff && raw[1] === 0xd8) || raw.toString('latin1', 1, 4) === 'PNG' || raw.toString('latin1', 8, 12) === 'WEBP';

const notAPaper = () =>
  new AppError(415, 'paper_type', { id: 'Gunakan PDF atau foto (JPEG, PNG, WebP).', en: 'Use a PDF or a photo (JPEG, PNG, WebP).' }, { field: 'file' });

/**
 * A document, or a photo (JPEG, PNG, WebP) of a paper made into a one-page PDF. `papersOnly`: a
 * signed letter (a power of attorney) — a PDF or a photo, never a table.
 */
export async function storeScan(ctx: AppContext, db: Db, ownerId: string | null, raw: Buffer, filename: string | undefined, opts: { at?: Date; papersOnly?: boolean } = {}): Promise<StoredDocument> {
  const at = opts.at ?? ctx.clock();
  if (!isPhoto(raw)) {
    const doc = await processDocument(raw, filename, { maxBytes: MAX_UPLOAD_BYTES });
    if (opts.papersOnly && doc.mime !== 'application/pdf') throw notAPaper();
    return save(ctx, db, ownerId, doc, at);
  }
  const photo = await processImage(raw, { maxBytes: MAX_UPLOAD_BYTES });
  const pdf = await PDFDocument.create();
  const image = photo.mime === 'image/png' ? await pdf.embedPng(photo.data) : await pdf.embedJpg(photo.mime === 'image/jpeg' ? photo.data : await toJpeg(photo.data));
  pdf.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  const data = Buffer.from(await pdf.save());
  return save(ctx, db, ownerId, { data, mime: 'application/pdf', name: safeName(filename, 'application/pdf'), bytes: data.length, pages: 1 }, at);
}

/** pdf-lib embeds JPEG and PNG only. */
const toJpeg = (webp: Buffer) => sharp(webp).jpeg({ quality: 85 }).toBuffer();
