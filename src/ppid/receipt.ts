/**
 * The tanda bukti permohonan: the receipt a requester gets at once, with the registration number,
 * what was asked, and the deadlines by which the PPID must verify and answer.
 */
import type { AppContext } from '../core/context.js';
import { renderPdf } from '../core/export/pdf.js';
import { requestDetail } from './reads.js';
import type { Principal } from '../core/auth/principal.js';

const WIB = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' });
const WIB_DAY = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' });

const OBTAIN: Record<string, string> = { see: 'Melihat', read: 'Membaca', listen: 'Mendengarkan', note: 'Mencatat', soft_copy: 'Salinan elektronik (softcopy)', hard_copy: 'Salinan cetak (hardcopy)' };
const DELIVERY: Record<string, string> = { collect: 'Mengambil langsung', post: 'Pos', courier: 'Kurir', email: 'Surat elektronik (email)' };

/** The receipt as PDF, for whoever may see the request (the same scope as its detail). */
export async function receiptPdf(ctx: AppContext, p: Principal | null, registrationNumber: string, secret?: string, ip?: string): Promise<Buffer> {
  const r = await requestDetail(ctx, p, registrationNumber, secret, ip);
  return renderPdf(`Tanda bukti permohonan ${r.registrationNumber}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text('TANDA BUKTI PERMOHONAN INFORMASI PUBLIK', { align: 'center' });
    doc.font('Helvetica').fontSize(10).text(`PPID ${ctx.config.city.name}`, { align: 'center' }).moveDown();
    const line = (label: string, value: string) => {
      doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    };
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
    line('Batas pemeriksaan kelengkapan', WIB_DAY.format(new Date(r.verifyDueAt)));
    line('Batas pemberitahuan tertulis', WIB_DAY.format(new Date(r.answerDueAt)));
    doc.moveDown().fontSize(9).text(
      'PPID wajib memberikan pemberitahuan tertulis paling lambat 10 hari kerja sejak permohonan diterima, dan dapat memperpanjangnya satu kali paling lama 7 hari kerja dengan alasan tertulis (UU 14/2008 Pasal 22). Simpan nomor registrasi dan tautan rahasia Anda untuk memantau permohonan.',
    );
  });
}
