/**
 * The document an application ends in: rendered from the service version's output template (its
 * title and body with `{{field}}` filled from the answer), then handed to core/signing, which
 * stamps the verification QR code, signs it (PAdES) and registers it. Runs inside the issuance
 * step's transaction: a refused step leaves no registered document.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { renderPdf } from '../core/export/pdf.js';
import { maskNik } from '../core/nik/nik.js';
import { issueSignedDocument, STAMP_HEIGHT, type SignedDocument } from '../core/signing/index.js';
import type { FormField } from './form/definition.js';
import { openAnswers } from './applications.js';
import * as q from './queries.js';

const WIB_DAY = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' });

/** An answer as words on paper: a choice by its label, a tick as Ya/Tidak, a NIK masked. */
function display(f: FormField | undefined, value: unknown): string {
  if (value === undefined || value === null) return '-';
  if (f?.type === 'select') {
    const label = (v: unknown) => f.options?.find((o) => o.value === v)?.label.id ?? String(v);
    return Array.isArray(value) ? value.map(label).join(', ') : label(value);
  }
  if (f?.type === 'checkbox') return value ? 'Ya' : 'Tidak';
  if (f?.type === 'nik' && typeof value === 'string') return maskNik(value);
  return String(value);
}

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, k: string) => values[k] ?? '-');

const addMonths = (d: Date, n: number) => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() + n);
  return x;
};

/** The document number: the service's code, the application's serial, the issuing OPD and the year. */
const documentNumberOf = (row: q.ApplicationRow, service: q.Service, opdCode: string, at: Date) =>
  `${service.code.toUpperCase()}/${row.number.split('-').at(-1)}/${opdCode}/${WIB_DAY.formatToParts(at).find((p) => p.type === 'year')!.value}`;

/**
 * `supplied`: the document the OPD's own system made (the incoming API, already through the
 * document pipeline), signed and registered in place of the rendered one.
 */
export async function issueOutput(ctx: AppContext, tx: Db, s: { row: q.ApplicationRow; version: q.VersionRow; service: q.Service; at: Date }, supplied?: Buffer): Promise<SignedDocument> {
  const { row, version, service, at } = s;
  const opd = (await q.opdNames(tx)).get(service.opdId)!;
  const answers = openAnswers(ctx, version, row.answers);
  const number = documentNumberOf(row, service, opd.code, at);
  const byKey = new Map(version.form.fields.map((f) => [f.key, f]));
  const values: Record<string, string> = {
    nomor: number,
    nama_pemohon: row.applicantName,
    tanggal: WIB_DAY.format(at),
    layanan: service.name.id,
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, display(byKey.get(k), v)])),
  };
  const title = fill(version.output.title, values);
  const validUntil = version.output.validMonths ? addMonths(at, version.output.validMonths) : null;
  const pdf = supplied ?? await renderPdf(title, (doc) => {
    doc.font('Helvetica-Bold').fontSize(12).text(`PEMERINTAH ${ctx.config.city.name.toUpperCase()}`, { align: 'center' });
    doc.fontSize(11).text(opd.name.toUpperCase(), { align: 'center' }).moveDown(0.3);
    const y = doc.y;
    doc.moveTo(40, y).lineTo(doc.page.width - 40, y).lineWidth(1.5).stroke().moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text(title.toUpperCase(), { align: 'center' });
    doc.font('Helvetica').fontSize(10).text(`Nomor: ${number}`, { align: 'center' }).moveDown(1.2);
    doc.fontSize(11).text(fill(version.output.body, values), { align: 'justify', lineGap: 3 }).moveDown();
    const line = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    line('Nama', row.applicantName);
    if (row.nikMasked) line('NIK', row.nikMasked);
    line('Nomor permohonan', row.number);
    line('Berlaku sampai', validUntil ? WIB_DAY.format(validUntil) : 'Selama tidak ada perubahan data');
    doc.moveDown(1.5).text(`${ctx.config.city.name}, ${WIB_DAY.format(at)}`, { align: 'right' });
    doc.text(`Kepala ${opd.name}`, { align: 'right' });
    // The signing stamp takes the foot of the last page.
    if (doc.y > doc.page.height - doc.page.margins.bottom - STAMP_HEIGHT) doc.addPage();
  });
  return issueSignedDocument(
    { ...ctx, db: tx },
    { pdf, documentNumber: number, title, issuerOpd: opd.code, holderName: row.applicantName, issuedAt: at, validUntil, module: 'layanan', subjectId: row.number },
  );
}
