/** A photo from anywhere (a form upload, a WhatsApp message) through the one hostile-file pipeline, stored and recorded. */
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { processImage } from './image.js';
import { MAX_UPLOAD_BYTES } from './limits.js';
import { newFileKey } from './storage.js';
import { uploads } from './schema.js';

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Checked by content, re-encoded, EXIF removed; `ownerId` null for a photo no account sent (a conversation's). Throws the pipeline's 4xx on a bad file. */
export async function storePhoto(ctx: AppContext, db: Db, ownerId: string | null, raw: Buffer) {
  const image = await processImage(raw, { maxBytes: MAX_UPLOAD_BYTES });
  const fileKey = newFileKey('uploads', EXT[image.mime] ?? 'bin');
  await ctx.storage.put(fileKey, image.data, image.mime);
  const [row] = await db
    .insert(uploads)
    .values({ ownerId, fileKey, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, createdAt: ctx.clock() })
    .returning();
  return row!;
}
