/**
 * Issuing, revoking and verifying signed documents. Issuing stamps the QR code, signs through the
 * configured signer, checks the result's own signature, stores the file and registers it; the
 * public verification reads the registry and compares an uploaded copy with it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Config } from '../../config.js';
import type { Principal } from '../auth/principal.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../errors.js';
import { audit } from '../audit/audit.js';
import { newFileKey } from '../files/storage.js';
import { MAX_UPLOAD_BYTES } from '../files/limits.js';
import type { SignedDocument, SignedDocumentInput } from './types.js';
import { signingCredentials } from './credentials.js';
import { localSigner, type PdfSigner } from './signer.js';
import { stampVerification } from './stamp.js';
import { checkSignature } from './verify.js';
import { maskName } from './mask.js';
import { insertSignedDocument, markRevoked, opdByCode, signedDocumentWithIssuer, type SignedDocumentRow } from './queries.js';

const signers = new WeakMap<Config, Promise<PdfSigner>>();

/** One signer per configuration: a module may hand over a context copied for its transaction. */
function pdfSigner(ctx: AppContext): Promise<PdfSigner> {
  let signer = signers.get(ctx.config);
  if (!signer) {
    signer = signingCredentials(ctx).then(localSigner);
    signer.catch(() => signers.delete(ctx.config));
    signers.set(ctx.config, signer);
  }
  return signer;
}

/** The files documents stored while a caller's transaction is under way (issuingInTransaction). */
const storedInTransaction = new AsyncLocalStorage<string[]>();

/**
 * Runs `transaction` — work that opens a transaction in which documents may be issued, and commits
 * it — so that when it fails (rolled back: the registry rows went with it) the files those
 * documents stored are deleted too, and no signed PDF is left that no registry row vouches for.
 */
export async function issuingInTransaction<T>(ctx: AppContext, transaction: () => Promise<T>): Promise<T> {
  const stored: string[] = [];
  try {
    return await storedInTransaction.run(stored, transaction);
  } catch (err) {
    await Promise.allSettled(stored.map((key) => ctx.storage.delete(key)));
    throw err;
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function verificationUrl(config: Config, code: string): string {
  return `${config.publicUrl ?? `http://localhost:${config.port}`}/verifikasi/${code}`;
}

function checkInput(input: SignedDocumentInput): void {
  const text = (field: keyof SignedDocumentInput, value: string, max: number, id: string, en: string) => {
    if (!value.trim() || value.length > max) throw invalid(`signed_${field}`, `${id} wajib diisi (maks. ${max} karakter).`, `${en} is required (max ${max} characters).`, field);
  };
  text('documentNumber', input.documentNumber, 100, 'Nomor dokumen', 'The document number');
  text('title', input.title, 200, 'Judul dokumen', 'The title');
  text('holderName', input.holderName, 200, 'Nama pemegang', "The holder's name");
  text('module', input.module, 40, 'Modul', 'The module');
  text('subjectId', input.subjectId, 100, 'Rujukan', 'The subject id');
  if (Buffer.from(input.pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw invalid('signed_pdf', 'Dokumen bukan PDF.', 'The document is not a PDF.', 'pdf');
  if (input.validUntil && input.validUntil.getTime() <= input.issuedAt.getTime())
    throw invalid('signed_valid_until', 'Masa berlaku harus sesudah tanggal terbit.', 'Valid-until must be after the issue date.', 'validUntil');
}

export async function issueSignedDocument(ctx: AppContext, input: SignedDocumentInput): Promise<SignedDocument> {
  checkInput(input);
  const opd = await opdByCode(ctx.db, input.issuerOpd);
  if (!opd) throw invalid('signed_issuer_opd', 'OPD penerbit tidak dikenal.', 'Unknown issuing OPD.', 'issuerOpd');
  const code = randomBytes(12).toString('base64url');
  const url = verificationUrl(ctx.config, code);
  const stamped = await stampVerification(input.pdf, { documentNumber: input.documentNumber, verificationUrl: url });
  const signingTime = ctx.clock();
  const signed = await (await pdfSigner(ctx)).sign(stamped, {
    reason: `${input.title} ${input.documentNumber}`,
    location: ctx.config.city.name,
    contactInfo: opd.name,
    signingTime,
  });
  // The registry vouches for what it stores: a signer that returned a broken file is caught here.
  const own = await checkSignature(signed);
  if (!own.intact || !own.coversWholeFile || !own.signerCertSha256) throw new Error('signing: the signer returned a PDF whose signature does not verify');
  const fileKey = newFileKey('signed-documents', 'pdf');
  await ctx.storage.put(fileKey, signed, 'application/pdf');
  const hash = sha256(signed);
  try {
    const row = await insertSignedDocument(ctx.db, {
      code,
      documentNumber: input.documentNumber.trim(),
      title: input.title.trim(),
      issuerOpdId: opd.id,
      holderMasked: maskName(input.holderName),
      issuedAt: input.issuedAt,
      validUntil: input.validUntil,
      sha256: hash,
      signerCertSha256: own.signerCertSha256,
      signerSubject: own.signerSubject ?? '',
      fileKey,
      bytes: signed.length,
      module: input.module,
      subjectId: input.subjectId,
      createdAt: signingTime,
    });
    // Registered in the caller's transaction, the file is the transaction's to keep or lose.
    storedInTransaction.getStore()?.push(fileKey);
    return { id: row.id, documentNumber: row.documentNumber, sha256: hash, verificationUrl: url, pdf: signed };
  } catch (err) {
    await ctx.storage.delete(fileKey);
    throw err;
  }
}

/** The issuing OPD's admin, or the super admin; another OPD's admin does not learn the document exists. */
export async function revokeSignedDocument(ctx: AppContext, id: string, reason: string, by: Principal): Promise<void> {
  if (by.role !== 'super_admin' && by.role !== 'opd_admin') throw forbidden();
  const found = await signedDocumentWithIssuer(ctx.db, { id });
  if (!found || (by.role === 'opd_admin' && by.opdId !== found.doc.issuerOpdId)) throw notFound({ id: 'Dokumen', en: 'Document' });
  const why = reason.trim();
  if (why.length < 5 || why.length > 500) throw invalid('revocation_reason', 'Tuliskan alasan pencabutan (5–500 karakter).', 'Give the reason for revoking (5–500 characters).', 'reason');
  const alreadyRevoked = () => conflict('already_revoked', 'Dokumen ini sudah dicabut.', 'This document was already revoked.');
  if (found.doc.revokedAt) throw alreadyRevoked();
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    if (!(await markRevoked(tx, id, now, by.userId, why))) throw alreadyRevoked();
    await audit(tx, by, { action: 'signed_document.revoke', entity: 'signed_document', entityId: id, detail: { documentNumber: found.doc.documentNumber, reason: why } }, now);
  });
}

/** The signed file as stored, for the module that issued it to serve to those it decides may see it. */
export async function signedDocumentPdf(ctx: AppContext, id: string): Promise<{ name: string; data: Buffer } | undefined> {
  const found = await signedDocumentWithIssuer(ctx.db, { id });
  if (!found) return undefined;
  return { name: `${found.doc.documentNumber.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`, data: await ctx.storage.get(found.doc.fileKey) };
}

export type DocumentStatus = 'valid' | 'expired' | 'revoked';

export interface Verification {
  code: string;
  documentNumber: string;
  title: string;
  issuer: { code: string; name: string };
  holder: string;
  issuedAt: string;
  validUntil: string | null;
  status: DocumentStatus;
  revokedAt: string | null;
  sha256: string;
  signer: string;
}

function present(ctx: AppContext, found: { doc: SignedDocumentRow; issuerCode: string; issuerName: string }): Verification {
  const { doc } = found;
  const status: DocumentStatus = doc.revokedAt ? 'revoked' : doc.validUntil && doc.validUntil.getTime() <= ctx.clock().getTime() ? 'expired' : 'valid';
  return {
    code: doc.code,
    documentNumber: doc.documentNumber,
    title: doc.title,
    issuer: { code: found.issuerCode, name: found.issuerName },
    holder: doc.holderMasked,
    issuedAt: doc.issuedAt.toISOString(),
    validUntil: doc.validUntil?.toISOString() ?? null,
    status,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
    sha256: doc.sha256,
    signer: doc.signerSubject,
  };
}

const unknownDocument = () => notFound({ id: 'Dokumen', en: 'Document' });

export async function verificationOf(ctx: AppContext, code: string): Promise<Verification> {
  const found = await signedDocumentWithIssuer(ctx.db, { code });
  if (!found) throw unknownDocument();
  return present(ctx, found);
}

/**
 * What an uploaded copy is: 'authentic' (byte for byte the issued file), 'altered' (its signature
 * no longer matches its content, or something was added after signing), 'different' (intact but
 * another document, or signed by another key) or 'unsigned'.
 */
export type Verdict = 'authentic' | 'altered' | 'different' | 'unsigned';

export interface CopyCheck {
  verdict: Verdict;
  sha256: string;
  signature: { present: boolean; intact: boolean; coversWholeFile: boolean; sameSigner: boolean };
  document: Verification;
}

export async function checkCopy(ctx: AppContext, code: string, upload: Buffer): Promise<CopyCheck> {
  const found = await signedDocumentWithIssuer(ctx.db, { code });
  if (!found) throw unknownDocument();
  // The multipart limit cuts a larger file at the limit rather than refusing it.
  if (upload.length >= MAX_UPLOAD_BYTES) throw new AppError(413, 'upload_too_large', { id: 'Berkas terlalu besar (maks. 10 MB).', en: 'File too large (max 10 MB).' }, { field: 'file' });
  if (upload.toString('latin1', 0, 5) !== '%PDF-') throw new AppError(415, 'document_type', { id: 'Unggah berkas PDF dokumen ini.', en: "Upload the document's PDF file." }, { field: 'file' });
  const hash = sha256(upload);
  const sig = await checkSignature(upload);
  const sameSigner = sig.signerCertSha256 === found.doc.signerCertSha256;
  const verdict: Verdict =
    hash === found.doc.sha256 ? 'authentic' : !sig.signed ? 'unsigned' : !sig.intact || !sig.coversWholeFile ? 'altered' : 'different';
  return { verdict, sha256: hash, signature: { present: sig.signed, intact: sig.intact, coversWholeFile: sig.coversWholeFile, sameSigner }, document: present(ctx, found) };
}
