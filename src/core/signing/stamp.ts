/**
 * The visible mark put on a document before it is signed: a QR code to its public verification page
 * and, beside it, the document number and the address in words, at the foot of the last page. The
 * templates leave the bottom 100 points of their last page free for it.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

export const STAMP_HEIGHT = 100;
const QR_SIZE = 76;
const MARGIN = 18;

/** The standard fonts write WinAnsi only: anything else would make pdf-lib throw. */
const winAnsi = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

export async function stampVerification(pdf: Uint8Array, stamp: { documentNumber: string; verificationUrl: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(doc.getPageCount() - 1);
  const { width } = page.getSize();
  // Level M survives a crease or a smudge on paper and stays small for a short URL.
  const png = await QRCode.toBuffer(stamp.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 4 });
  const qr = await doc.embedPng(png);
  const x = width - MARGIN - QR_SIZE;
  page.drawImage(qr, { x, y: MARGIN, width: QR_SIZE, height: QR_SIZE });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const lines: [string, typeof font, number][] = [
    ['Ditandatangani secara elektronik', bold, 8],
    [`Nomor: ${winAnsi(stamp.documentNumber)}`, font, 8],
    ['Periksa keaslian: pindai kode QR atau buka', font, 7],
    [winAnsi(stamp.verificationUrl), font, 7],
  ];
  let y = MARGIN + QR_SIZE - 10;
  for (const [text, f, size] of lines) {
    page.drawText(text, { x: x - 8 - f.widthOfTextAtSize(text, size), y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
    y -= size + 6;
  }
  return doc.save({ useObjectStreams: false });
}
