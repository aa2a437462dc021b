/** What a module hands over to have a document signed, and what it gets back. */
export interface SignedDocumentInput {
  /** The unsigned PDF as the module rendered it (pdfkit, pdf-lib, …). */
  pdf: Uint8Array;
  documentNumber: string;
  title: string;
  /** Code of the issuing OPD (`opds.code`). */
  issuerOpd: string;
  /** Full name; only its masked form is ever shown publicly. */
  holderName: string;
  issuedAt: Date;
  validUntil: Date | null;
  /** The module that issued it (`layanan`, …) and its own record id, for the module's links. */
  module: string;
  subjectId: string;
}

export interface SignedDocument {
  id: string;
  documentNumber: string;
  /** Hex SHA-256 of the signed PDF, exactly as stored and as shown on the verification page. */
  sha256: string;
  /** Absolute public URL of the verification page (the QR code's target). */
  verificationUrl: string;
  /** The signed PDF. */
  pdf: Uint8Array;
}
