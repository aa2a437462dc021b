/** A one-page letter issued through the real service, for the signing tests, the browser test and the bench. */
import type { AppContext } from '../context.js';
import { renderPdf } from '../export/pdf.js';
import { issueSignedDocument } from './service.js';
import type { SignedDocumentInput } from './types.js';

export const letter = (holder = 'Budi Santoso') =>
  renderPdf('Surat Keterangan Domisili', (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text('SURAT KETERANGAN DOMISILI', { align: 'center' }).moveDown();
    doc.font('Helvetica').fontSize(11).text(`Yang bertanda tangan di bawah ini menerangkan bahwa ${holder} berdomisili di Kelurahan Rimba Sekampung, Kecamatan Dumai Kota.`);
  });

let serial = 0;
export async function issueLetter(ctx: AppContext, overrides: Partial<SignedDocumentInput> = {}) {
  const holderName = overrides.holderName ?? 'Budi Santoso';
  return issueSignedDocument(ctx, {
    pdf: await letter(holderName),
    documentNumber: `470/${String(++serial).padStart(4, '0')}/DISDUKCAPIL/2026`,
    title: 'Surat Keterangan Domisili',
    issuerOpd: 'DISDUKCAPIL',
    holderName,
    issuedAt: ctx.clock(),
    validUntil: null,
    module: 'test',
    subjectId: `subject-${serial}`,
    ...overrides,
  });
}

/** A copy changed after signing: one byte of the signed content flipped (not in the signature's own gap). */
export function tamper(pdf: Uint8Array): Buffer {
  const copy = Buffer.from(pdf);
  copy[400] = copy[400]! ^ 0x01;
  return copy;
}
