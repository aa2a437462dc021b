import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { documents } from './schema.js';

/**
 * Takes the owner's own unattached documents for a case (answer, catalogue item, decision):
 * all of them, or none and false when one is not theirs or already taken — in the caller's
 * transaction, so a refusal writes nothing.
 */
export async function claimDocuments(db: Db, documentIds: readonly string[], ownerId: string, at: Date): Promise<boolean> {
  if (!documentIds.length) return true;
  const taken = await db
    .update(documents)
    .set({ attachedAt: at })
    .where(and(inArray(documents.id, [...documentIds]), eq(documents.ownerId, ownerId), isNull(documents.attachedAt)))
    .returning({ id: documents.id });
  // A repeated id is taken once, so it counts as a refusal too.
  return taken.length === documentIds.length;
}
