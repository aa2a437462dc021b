/**
 * What the PPID publishes about its own work: the archive of requests and answers (like
 * WhatDoTheyKnow) and the yearly report table (Perki 1/2021, laporan layanan informasi publik).
 * Neither ever carries who asked: the queries select no identifying column, and an answer's
 * notice appears only where the requester consented and nothing was withheld.
 */
import type { AppContext } from '../core/context.js';
import { toCsv } from '../core/export/csv.js';
import { toXlsx } from '../core/export/xlsx.js';
import { renderPdf, table } from '../core/export/pdf.js';
import { EXEMPTION_CODES, type RequestStatus } from './lifecycle.js';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from './objection-lifecycle.js';
import { answerIsPublic } from './reads.js';
import { DISPUTE_OUTCOME_LABELS, STATUS_LABELS, fileUrl } from './messages.js';
import * as q from './queries.js';

export async function archive(ctx: AppContext, query: { q?: string | undefined; limit: number; offset: number }) {
  const { rows, total, totalCapped } = await q.archiveRequests(ctx.db, query);
  const [opds, docs] = await Promise.all([q.opdNames(ctx.db), q.answerDocumentsOf(ctx.db, rows.filter(answerIsPublic).map((r) => r.id))]);
  return {
    items: rows.map((r) => {
      const documents = docs.filter((d) => d.requestId === r.id).map((d) => ({ id: d.id, name: d.name, mime: d.mime, bytes: d.bytes, pages: d.pages, url: fileUrl(r.registrationNumber, `documents/${d.id}`) }));
      return {
        registrationNumber: r.registrationNumber,
        information: r.information,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status],
        opd: r.opdId === null ? null : (opds.get(r.opdId) ?? null),
        receivedAt: r.receivedAt.toISOString(),
        answerDueAt: r.answerDueAt.toISOString(),
        answeredAt: r.answeredAt?.toISOString() ?? null,
        answer: answerIsPublic(r) ? { notice: r.notice, heldBy: r.heldBy, documents } : null,
        exemptions: r.exemptions ?? [],
      };
    }),
    total,
    totalCapped,
  };
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyRow(opd: { code: string; name: string } | null) {
  return {
    opd,
    received: 0,
    successful: 0,
    partiallySuccessful: 0,
    rejected: 0,
    rejectedByExemption: zeroes(EXEMPTION_CODES),
    notHeld: 0,
    withdrawn: 0,
    open: 0,
    answeredLate: 0,
    /** Mean working days from receipt to the written notice; null when nothing was answered. */
    averageWorkingDays: null as number | null,
    objections: 0,
    disputes: 0,
    disputeOutcomes: zeroes(DISPUTE_OUTCOMES),
  };
}
type ReportRow = ReturnType<typeof emptyRow>;

const COUNTED: Partial<Record<RequestStatus, 'successful' | 'partiallySuccessful' | 'rejected' | 'notHeld' | 'withdrawn'>> = {
  successful: 'successful',
  partially_successful: 'partiallySuccessful',
  rejected: 'rejected',
  not_held: 'notHeld',
  withdrawn: 'withdrawn',
};

/** The yearly report: one row per OPD that handled requests (and the PPID Utama's own), and a total. */
export async function yearlyReport(ctx: AppContext, year: number) {
  const [rows, opds] = await Promise.all([q.requestsOfYear(ctx.db, year), q.opdNames(ctx.db)]);
  const byOpd = new Map<number | null, ReportRow & { days: number[] }>();
  const total = { ...emptyRow(null), days: [] as number[] };
  for (const r of rows) {
    const key = r.opdId;
    if (!byOpd.has(key)) byOpd.set(key, { ...emptyRow(key === null ? null : (opds.get(key) ?? null)), days: [] });
    for (const row of [byOpd.get(key)!, total]) {
      row.received += 1;
      const counted = COUNTED[r.status];
      if (counted) row[counted] += 1;
      else row.open += 1;
      if (r.status === 'rejected') for (const e of r.exemptions ?? []) row.rejectedByExemption[e as (typeof EXEMPTION_CODES)[number]] += 1;
      if (r.answeredAt) {
        const days = await ctx.calendar.workingDaysBetween(ctx.db, r.receivedAt, r.answeredAt);
        row.days.push(days);
        if (days > 10) row.answeredLate += 1;
      }
      if (r.objectionStatus) row.objections += 1;
      if (r.disputeFiledAt) row.disputes += 1;
      if (r.disputeOutcome) row.disputeOutcomes[r.disputeOutcome] += 1;
    }
  }
  const finish = ({ days, ...row }: ReportRow & { days: number[] }): ReportRow => ({
    ...row,
    averageWorkingDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
  });
  const perOpd = [...byOpd.values()].map(finish).sort((a, b) => (a.opd?.name ?? '').localeCompare(b.opd?.name ?? ''));
  return { year, rows: perOpd, total: finish(total) };
}

const HEADERS = [
  'OPD',
  'Diterima',
  'Dikabulkan seluruhnya',
  'Dikabulkan sebagian',
  'Ditolak',
  ...EXEMPTION_CODES.map((c) => `Ditolak Pasal 17 huruf ${c}`),
  'Tidak dikuasai',
  'Dicabut',
  'Dalam proses',
  'Dijawab lewat 10 hari kerja',
  'Rata-rata hari kerja',
  'Keberatan',
  'Sengketa',
  ...DISPUTE_OUTCOMES.map((o) => `Putusan sengketa: ${DISPUTE_OUTCOME_LABELS[o].id}`),
];

const cells = (r: ReportRow, label: string) => [
  label,
  r.received,
  r.successful,
  r.partiallySuccessful,
  r.rejected,
  ...EXEMPTION_CODES.map((c) => r.rejectedByExemption[c]),
  r.notHeld,
  r.withdrawn,
  r.open,
  r.answeredLate,
  r.averageWorkingDays ?? '',
  r.objections,
  r.disputes,
  ...DISPUTE_OUTCOMES.map((o) => r.disputeOutcomes[o]),
];

type Report = Awaited<ReturnType<typeof yearlyReport>>;
const labelled = (report: Report): [ReportRow, string][] => [...report.rows.map((r): [ReportRow, string] => [r, r.opd?.name ?? 'PPID Utama']), [report.total, 'Jumlah']];
const counts = (byKey: Record<string, number>, label: (key: string) => string = (k) => k) =>
  Object.entries(byKey).filter(([, n]) => n > 0).map(([k, n]) => `${label(k)}: ${n}`).join(', ');

/** The printed report: the same figures, the breakdowns folded into their cells to fit a landscape page. */
function reportPdf(report: Report): Promise<Buffer> {
  const headers = ['OPD', 'Diterima', 'Seluruhnya', 'Sebagian', 'Ditolak (Pasal 17)', 'Tidak dikuasai', 'Dicabut', 'Proses', 'Rata-rata hari kerja', 'Keberatan', 'Sengketa (putusan)'];
  const rows = labelled(report).map(([r, label]) => [
    label, r.received, r.successful, r.partiallySuccessful, `${r.rejected}${r.rejected ? ` (${counts(r.rejectedByExemption)})` : ''}`, r.notHeld, r.withdrawn, r.open,
    r.averageWorkingDays ?? '–', r.objections, `${r.disputes}${r.disputes ? ` (${counts(r.disputeOutcomes, (o) => DISPUTE_OUTCOME_LABELS[o as DisputeOutcome].id)})` : ''}`,
  ]);
  return renderPdf(`Laporan layanan informasi publik ${report.year}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(13).text(`Laporan Layanan Informasi Publik Tahun ${report.year}`).moveDown(0.5);
    table(doc, headers, [150, 50, 60, 55, 95, 60, 50, 45, 65, 55, 77], rows);
  }, true);
}

/** The report as a file with the page's figures: CSV and XLSX column by column, PDF for print. */
export async function reportFile(report: Report, format: 'csv' | 'xlsx' | 'pdf'): Promise<Buffer | Uint8Array> {
  if (format === 'pdf') return reportPdf(report);
  const rows = labelled(report).map(([r, label]) => cells(r, label));
  return format === 'csv' ? toCsv(HEADERS, rows) : toXlsx(HEADERS, rows, { sheetName: `PPID ${report.year}` });
}
