/** A staff document taken in: checked by content (document.ts), stored, and recorded as its owner's unattached upload. */
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { DOCUMENT_EXT, processDocument } from './document.js';
import { newFileKey } from './storage.js';
import { documents } from './schema.js';
import { MAX_UPLOAD_BYTES } from './limits.js';

export type StoredDocument = typeof documents.$inferSelect;

/** Used by the upload endpoint and by demo data made through the same pipeline (`db`: the caller's transaction, if any). */
export async function storeDocument(ctx: AppContext, db: Db, ownerId: string, raw: Buffer, filename: string | undefined, at = ctx.clock()): Promise<StoredDocument> {
  const doc = await processDocument(raw, filename, { maxBytes: MAX_UPLOAD_BYTES });
  const fileKey = newFileKey('documents', DOCUMENT_EXT[doc.mime]);
  await ctx.storage.put(fileKey, doc.data, doc.mime);
  const [row] = await db.insert(documents).values({ ownerId, fileKey, mime: doc.mime, name: doc.name, bytes: doc.bytes, pages: doc.pages, createdAt: at }).returning();
  return row!;
}
