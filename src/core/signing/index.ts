/**
 * Signed documents: the one door other modules use. A module renders its PDF, then
 * `issueSignedDocument` stamps the verification QR code, signs it (PAdES), stores it and registers
 * it for public verification; `revokeSignedDocument` withdraws it.
 */
export type { SignedDocument, SignedDocumentInput } from './types.js';
export { issueSignedDocument, revokeSignedDocument } from './service.js';
