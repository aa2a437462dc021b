/**
 * The letters a requester receives as PDF: the tanda bukti permohonan at once (registration number,
 * what was asked, the deadlines to verify and answer), and the pemberitahuan tertulis when the PPID
 * answers (held or not, granted in full, in part or refused with its Pasal 17 grounds and
 * consequence test, redactions, form, channel and cost, and the right to object).
 */
import type { AppContext } from '../core/context.js';
import { renderPdf } from '../core/export/pdf.js';
import { wibLongDate } from '../core/calendar/working-days.js';
import { requestDetail } from './reads.js';
import { notFound } from '../core/errors.js';
import { EXEMPTIONS, type Exemption } from './lifecycle.js';
import { REQUEST } from './actions.js';
import type { Principal } from '../core/auth/principal.js';

const WIB = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' });

const OBTAIN: Record<string, string> = { see: 'Melihat', read: 'Membaca', listen: 'Mendengarkan', note: 'Mencatat', soft_copy: 'Salinan elektronik (softcopy)', hard_copy: 'Salinan cetak (hardcopy)' };
const DELIVERY: Record<string, string> = { collect: 'Mengambil langsung', post: 'Pos', courier: 'Kurir', email: 'Surat elektronik (email)' };

type Doc = Parameters<Parameters<typeof renderPdf>[1]>[0];

/** The letter's heading; returns the "label: value" line writer. */
function letterhead(doc: Doc, title: string, city: string) {
  doc.font('Helvetica-Bold').fontSize(14).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(`PPID ${city}`, { align: 'center' }).moveDown();
  return (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  };
}

/** The receipt as PDF, for whoever may see the request (the same scope as its detail). */
export async function receiptPdf(ctx: AppContext, p: Principal | null, registrationNumber: string, secret?: string, ip?: string): Promise<Buffer> {
  const r = await requestDetail(ctx, p, registrationNumber, secret, ip);
  return renderPdf(`Tanda bukti permohonan ${r.registrationNumber}`, (doc) => {
    const line = letterhead(doc, 'TANDA BUKTI PERMOHONAN INFORMASI PUBLIK', ctx.config.city.name);
    line('Nomor registrasi', r.registrationNumber);
    line('Diterima', WIB.format(new Date(r.receivedAt)));
    line('Nama pemohon', r.requester.entityName ? `${r.requester.fullName} (${r.requester.entityName})` : r.requester.fullName);
    line('Nomor identitas', r.requester.identityNumber);
    if (r.requester.onBehalfOf) line('Atas nama', r.requester.onBehalfOf);
    doc.moveDown(0.5);
    line('Informasi yang diminta', r.information);
    line('Tujuan penggunaan', r.purpose);
    line('Cara memperoleh', OBTAIN[r.obtainMethod] ?? r.obtainMethod);
    line('Cara mendapatkan salinan', DELIVERY[r.deliveryMethod] ?? r.deliveryMethod);
    doc.moveDown(0.5);
    line('Batas pemeriksaan kelengkapan', wibLongDate(new Date(r.verifyDueAt)));
    line('Batas pemberitahuan tertulis', wibLongDate(new Date(r.answerDueAt)));
    doc.moveDown().fontSize(9).text(
      'PPID wajib memberikan pemberitahuan tertulis paling lambat 10 hari kerja sejak permohonan diterima, dan dapat memperpanjangnya satu kali paling lama 7 hari kerja dengan alasan tertulis (UU 14/2008 Pasal 22). Simpan nomor registrasi dan tautan rahasia Anda untuk memantau permohonan.',
    );
  });
}

const DECISION: Record<string, string> = {
  successful: 'Informasi dikuasai dan diberikan seluruhnya',
  partially_successful: 'Informasi dikuasai dan diberikan sebagian',
  rejected: 'Permohonan ditolak: informasi dikecualikan',
  not_held: 'Informasi tidak dikuasai',
};
const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** The written notice as PDF, once the request is answered, for whoever may see the request. */
export async function noticePdf(ctx: AppContext, p: Principal | null, registrationNumber: string, secret?: string, ip?: string): Promise<Buffer> {
  const r = await requestDetail(ctx, p, registrationNumber, secret, ip);
  const a = r.answer;
  if (!a || !r.answeredAt) throw notFound({ id: 'Pemberitahuan tertulis', en: 'Written notice' });
  return renderPdf(`Pemberitahuan tertulis ${r.registrationNumber}`, (doc) => {
    const line = letterhead(doc, 'PEMBERITAHUAN TERTULIS', ctx.config.city.name);
    line('Nomor registrasi', r.registrationNumber);
    line('Tanggal', wibLongDate(new Date(r.answeredAt!)));
    line('Kepada', r.requester.entityName ? `${r.requester.fullName} (${r.requester.entityName})` : r.requester.fullName);
    line('Informasi yang diminta', r.information);
    doc.moveDown(0.5);
    line('Keputusan', DECISION[r.status] ?? r.statusLabel.id);
    if (r.status === 'not_held' && a.heldBy) line('Informasi dikuasai oleh', a.heldBy);
    if (a.exemptions.length) {
      line('Dasar pengecualian', a.exemptions.map((e) => `UU 14/2008 Pasal 17 huruf ${e} (${EXEMPTIONS[e as Exemption]?.id ?? e})`).join('; '));
      if (a.consequenceTest) line('Uji konsekuensi', a.consequenceTest);
    }
    for (const red of a.redactions) line('Bagian yang dihitamkan', `${red.part} (Pasal 17 huruf ${red.exemption})`);
    if (r.status === 'successful' || r.status === 'partially_successful') {
      line('Bentuk informasi', OBTAIN[r.obtainMethod] ?? r.obtainMethod);
      line('Cara penyampaian', DELIVERY[r.deliveryMethod] ?? r.deliveryMethod);
      line('Biaya', a.costRupiah ? rupiah.format(a.costRupiah) : 'Tanpa biaya');
      if (a.documents.length) line('Dokumen terlampir', a.documents.map((d) => d.name).join(', '));
    }
    doc.moveDown(0.5);
    line('Penjelasan', a.notice ?? '-');
    doc.moveDown().fontSize(9).text(
      'Apabila Anda tidak puas dengan pemberitahuan ini, Anda dapat mengajukan keberatan kepada Atasan PPID paling lambat 30 hari kerja sejak pemberitahuan ini diterima (UU 14/2008 Pasal 35–36).',
    );
  });
}
