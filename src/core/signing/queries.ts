/** Every statement on the signed-documents registry. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { opds } from '../reference/schema.js';
import { signedDocuments } from './schema.js';

export type SignedDocumentRow = typeof signedDocuments.$inferSelect;
export type NewSignedDocument = typeof signedDocuments.$inferInsert;

export async function opdByCode(db: Db, code: string): Promise<{ id: number; code: string; name: string } | undefined> {
  const [row] = await db.select({ id: opds.id, code: opds.code, name: opds.name }).from(opds).where(eq(opds.code, code));
  return row;
}

export async function insertSignedDocument(db: Db, row: NewSignedDocument): Promise<SignedDocumentRow> {
  const [inserted] = await db.insert(signedDocuments).values(row).returning();
  return inserted!;
}

/** A document with its issuer's code and name, by its public code or its id. */
export async function signedDocumentWithIssuer(db: Db, by: { code: string } | { id: string }) {
  const [row] = await db
    .select({ doc: signedDocuments, issuerCode: opds.code, issuerName: opds.name })
    .from(signedDocuments)
    .innerJoin(opds, eq(opds.id, signedDocuments.issuerOpdId))
    .where('code' in by ? eq(signedDocuments.code, by.code) : eq(signedDocuments.id, by.id));
  return row;
}

/** Revokes once: returns nothing when the document was revoked already (or meanwhile). */
export async function markRevoked(db: Db, id: string, at: Date, by: string, reason: string): Promise<SignedDocumentRow | undefined> {
  const [row] = await db
    .update(signedDocuments)
    .set({ revokedAt: at, revokedBy: by, revocationReason: reason })
    .where(and(eq(signedDocuments.id, id), isNull(signedDocuments.revokedAt)))
    .returning();
  return row;
}
