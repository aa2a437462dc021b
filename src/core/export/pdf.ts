/** Printable documents (musyawarah proposal lists, monthly reports, PPID receipts) with pdfkit's built-in fonts. */
import PDFDocument from 'pdfkit';

export type Doc = InstanceType<typeof PDFDocument>;

export function renderPdf(title: string, build: (doc: Doc) => void, landscape = false): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 40, info: { Title: title, Author: 'Khidmat' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

/** A plain table: a bold header row, then rows; a new page (with the header again) when full. */
export function table(doc: Doc, headers: string[], widths: number[], rows: (string | number)[][]): void {
  const x0 = doc.page.margins.left;
  const line = (cells: (string | number)[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(String(c), { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold) line(headers, true);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.text(String(c), x + 2, y + 2, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.moveTo(x0, y + height).lineTo(x, y + height).lineWidth(0.5).stroke('#999999');
    doc.x = x0;
    doc.y = y + height;
  };
  line(headers, true);
  for (const r of rows) line(r, false);
  doc.moveDown();
}
