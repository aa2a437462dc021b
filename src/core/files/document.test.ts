import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { zipSync, strToU8 } from 'fflate';
import { renderPdf } from '../export/pdf.js';
import { toXlsx } from '../export/xlsx.js';
import { XLSX, processDocument, safeName } from './document.js';

const MAX = { maxBytes: 10 * 1024 * 1024 };
const code = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string }) => e.code);

async function pdfWith(mutate: (doc: PDFDocument) => void): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  mutate(doc);
  return Buffer.from(await doc.save());
}

describe('document uploads (PDF, XLSX, CSV), checked by content', () => {
  it('accepts a PDF, rewrites it without what trails it, and counts its pages', async () => {
    const pdf = await renderPdf('Kontrak', (d) => d.text('Kontrak pemeliharaan jalan').addPage().text('Halaman dua'));
    const trailing = Buffer.concat([pdf, Buffer.from('\n<script>alert(1)</script>')]);
    const out = await processDocument(trailing, 'C:\\Users\\ppid\\kontrak jalan.PDF', MAX);
    expect(out).toMatchObject({ mime: 'application/pdf', name: 'kontrak jalan.pdf', pages: 2 });
    expect(out.data.toString('latin1')).not.toContain('<script>');
    expect(out.data.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses PDFs that run scripts, launch programs or carry files', async () => {
    const js = await pdfWith((doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    });
    expect(await code(processDocument(js, 'a.pdf', MAX))).toBe('document_active_content');
    const launch = await pdfWith((doc) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })));
    });
    expect(await code(processDocument(launch, 'a.pdf', MAX))).toBe('document_active_content');
    const attached = await pdfWith((doc) => void doc.attach(Buffer.from('MZ'), 'setup.exe', { mimeType: 'application/octet-stream' }));
    expect(await code(processDocument(attached, 'a.pdf', MAX))).toBe('document_active_content');
    expect(await code(processDocument(Buffer.from('%PDF-1.7\nnot really a pdf'), 'a.pdf', MAX))).toBe('document_corrupt');
  });

  it('accepts a workbook and refuses macros and zip bombs', async () => {
    const book = Buffer.from(toXlsx(['Kelurahan', 'Jumlah'], [['Bagan Keladi', 12]]));
    expect(await processDocument(book, 'data.xlsx', MAX)).toMatchObject({ mime: XLSX, name: 'data.xlsx', pages: null });
    const withMacro = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/vbaProject.bin': new Uint8Array(8) }));
    expect(await code(processDocument(withMacro, 'data.xlsm', MAX))).toBe('document_active_content');
    const bomb = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 }));
    expect(bomb.length).toBeLessThan(MAX.maxBytes);
    expect(await code(processDocument(bomb, 'data.xlsx', MAX))).toBe('document_too_large');
    const otherZip = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w/>') }));
    expect(await code(processDocument(otherZip, 'surat.docx', MAX))).toBe('document_type');
  });

  it('takes UTF-8 text as CSV and refuses binaries, whatever their name says', async () => {
    expect(await processDocument(Buffer.from('kelurahan,jumlah\nBagan Keladi,12\n'), 'data', MAX)).toMatchObject({ mime: 'text/csv', name: 'data.csv' });
    expect(await code(processDocument(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'data.csv', MAX))).toBe('document_type');
    expect(await code(processDocument(Buffer.from([0xff, 0xfe, 0x41, 0x42]), 'data.csv', MAX))).toBe('document_type');
    expect(await code(processDocument(Buffer.alloc(11 * 1024 * 1024, 0x41), 'big.csv', MAX))).toBe('document_too_large');
  });

  it('keeps a recognisable, harmless file name', () => {
    expect(safeName('../../etc/passwd', 'text/csv')).toBe('passwd.csv');
    expect(safeName('lap"oran<1>.exe', 'application/pdf')).toBe('laporan1.pdf');
    expect(safeName(undefined, XLSX)).toBe('dokumen.xlsx');
  });
});
