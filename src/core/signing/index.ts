/**
 * Signed documents: the one door other modules use. A module renders its PDF (leaving the bottom
 * 100 points of the last page free for the stamp), then `issueSignedDocument` stamps the
 * verification QR code, signs it (PAdES), stores it and registers it for public verification (a
 * caller issuing inside its own transaction wraps that in `issuingInTransaction`, so a rollback
 * takes the stored file too);
 * `revokeSignedDocument` withdraws it; `signedDocumentPdf` reads the stored file back.
 */
export type { SignedDocument, SignedDocumentInput } from './types.js';
export { issueSignedDocument, issuingInTransaction, revokeSignedDocument, signedDocumentPdf } from './service.js';
export { STAMP_HEIGHT } from './stamp.js';
