/**
 * Figures as Sitanjak Makin Mantap reported them (2018: 45,832 received, 25,995 handled, 57%):
 * complaints received and handled per year or month, by need, kelurahan and register status, with
 * the average days to handle; and the monthly report for the head of Dinas Sosial as a PDF.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { forbidden, invalid } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { FIGURE_ROLES } from './access.js';
import { NEED_CATEGORY_LABELS, STATUS_LABELS } from './messages.js';
import type { ComplaintStatus, NeedCategory } from './lifecycle.js';
import { renderPdf, table } from '../core/export/pdf.js';
import * as q from './queries.js';

/** Share handled in whole percent, as the seed's table rounds it (25,995 / 45,832 → 57). */
export const sharePercent = (handled: number, received: number): number => (received ? Math.round((handled / received) * 100) : 0);

const wibStart = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+07:00`);

export function rangeOf(year: number, month?: number): q.FigureRange {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('year_range', 'Tahun tidak valid.', 'Invalid year.', 'year');
  if (month === undefined) return { from: wibStart(year, 1), to: wibStart(year + 1, 1) };
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid('month_range', 'Bulan tidak valid.', 'Invalid month.', 'month');
  return { from: wibStart(year, month), to: month === 12 ? wibStart(year + 1, 1) : wibStart(year, month + 1) };
}

const row = (r: { received: number; handled: number }) => ({ received: r.received, handled: r.handled, sharePercent: sharePercent(r.handled, r.received) });

export async function figuresFor(ctx: AppContext, p: Principal, year: number, month?: number) {
  if (!FIGURE_ROLES.includes(p.role)) throw forbidden();
  const f = await q.figures(ctx.db, rangeOf(year, month));
  return {
    year,
    month: month ?? null,
    ...row(f.total),
    averageDaysToHandle: f.total.avgDays === null ? null : Math.round(Number(f.total.avgDays) * 10) / 10,
    byNeed: f.byNeed.map((b) => ({ key: b.key, label: NEED_CATEGORY_LABELS[b.key as NeedCategory], ...row(b) })),
    byRegistered: [true, false].map((reg) => ({ registered: reg, ...row(f.byRegistered.find((b) => b.key === reg) ?? { received: 0, handled: 0 }) })),
    byKelurahan: f.byKelurahan.map((b) => ({ code: b.key, name: b.name, ...row(b) })),
    byStatus: f.byStatus.map((b) => ({ status: b.key, label: STATUS_LABELS[b.key as ComplaintStatus], count: b.received })),
  };
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export async function monthlyReport(ctx: AppContext, p: Principal, year: number, month: number, ip?: string) {
  const f = await figuresFor(ctx, p, year, month);
  const ytd = await figuresFor(ctx, p, year);
  const at = ctx.clock();
  await audit(ctx.db, p, { action: 'kemiskinan.report_export', entity: 'kemiskinan_figures', entityId: `${year}-${month}`, ip }, at);
  const title = `Laporan Bulanan Pengaduan Kemiskinan — ${MONTHS[month - 1]} ${year}`;
  const data = await renderPdf(title, (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).text(title);
    doc.font('Helvetica').fontSize(10).text(`Kepada: Kepala Dinas Sosial ${ctx.config.city.name}`);
    doc.text(`Dibuat oleh ${p.fullName} pada ${wibDate(at)} (WIB) melalui Khidmat.`).moveDown();
    doc.font('Helvetica-Bold').fontSize(11).text('Ringkasan').moveDown(0.3);
    table(doc, ['', 'Bulan ini', `Tahun ${year} s.d. kini`], [200, 120, 150], [
      ['Pengaduan diterima', f.received, ytd.received],
      ['Ditangani', f.handled, ytd.handled],
      ['Persentase ditangani', `${f.sharePercent}%`, `${ytd.sharePercent}%`],
      ['Rata-rata hari sampai ditangani', f.averageDaysToHandle ?? '—', ytd.averageDaysToHandle ?? '—'],
    ]);
    doc.font('Helvetica-Bold').fontSize(11).text('Menurut kebutuhan').moveDown(0.3);
    table(doc, ['Kebutuhan', 'Diterima', 'Ditangani', '%'], [200, 90, 90, 60], f.byNeed.map((b) => [b.label.id, b.received, b.handled, `${b.sharePercent}%`]));
    doc.font('Helvetica-Bold').fontSize(11).text('Menurut status DTSEN').moveDown(0.3);
    table(doc, ['Status', 'Diterima', 'Ditangani', '%'], [200, 90, 90, 60], f.byRegistered.map((b) => [b.registered ? 'Terdaftar DTSEN' : 'Belum terdaftar (musyawarah kelurahan)', b.received, b.handled, `${b.sharePercent}%`]));
    doc.font('Helvetica-Bold').fontSize(11).text('Menurut kelurahan').moveDown(0.3);
    table(doc, ['Kelurahan', 'Diterima', 'Ditangani', '%'], [200, 90, 90, 60], f.byKelurahan.map((b) => [b.name, b.received, b.handled, `${b.sharePercent}%`]));
  });
  return { fileName: `laporan-kemiskinan-${year}-${String(month).padStart(2, '0')}.pdf`, data };
}
