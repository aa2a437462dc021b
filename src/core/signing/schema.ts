import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import { opds } from '../reference/schema.js';

/**
 * A document the city issued and signed (PAdES), registered for public verification: the QR code on
 * the paper carries `code`, and the verification page shows this row. The holder's name is kept only
 * masked ("Bu*** Sa***"): the registry answers strangers, the full name is on the paper itself.
 */
export const signedDocuments = pgTable(
  'signed_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Unguessable, so the registry cannot be walked by counting document numbers. */
    code: text('code').notNull().unique(),
    documentNumber: text('document_number').notNull(),
    title: text('title').notNull(),
    issuerOpdId: integer('issuer_opd_id').notNull().references(() => opds.id),
    holderMasked: text('holder_masked').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** Hex SHA-256 of the signed PDF exactly as issued: an uploaded copy with the same hash is the original. */
    sha256: text('sha256').notNull(),
    /** Hex SHA-256 of the signer's certificate (DER): a copy signed with another key is not ours. */
    signerCertSha256: text('signer_cert_sha256').notNull(),
    signerSubject: text('signer_subject').notNull(),
    fileKey: text('file_key').notNull().unique(),
    bytes: integer('bytes').notNull(),
    /** The issuing module and its own record (`layanan`, an application id). */
    module: text('module').notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revocationReason: text('revocation_reason'),
  },
  (t) => [index('signed_documents_subject_idx').on(t.module, t.subjectId)],
);
