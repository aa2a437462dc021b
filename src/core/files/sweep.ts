import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { documents, uploads } from './schema.js';

const STALE_MS = 24 * 3600_000;

/**
 * Photos and documents uploaded for a case that was never sent are personal data with no purpose: after a day
 * the row and the file go. The row is deleted first, so a crash leaves at worst an orphan file.
 */
export async function sweepStaleUploads(ctx: AppContext, batch = 200): Promise<number> {
  let swept = 0;
  for (const table of [uploads, documents]) {
    const cutoff = new Date(ctx.clock().getTime() - STALE_MS);
    const gone = await ctx.db.transaction(async (tx) => {
      const stale = await tx
        .select({ id: table.id, fileKey: table.fileKey })
        .from(table)
        .where(and(isNull(table.attachedAt), lt(table.createdAt, cutoff)))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (stale.length) await tx.delete(table).where(inArray(table.id, stale.map((u) => u.id)));
      return stale;
    });
    for (const u of gone) await ctx.storage.delete(u.fileKey);
    swept += gone.length;
  }
  return swept;
}
