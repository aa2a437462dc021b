/**
 * The executive dashboard: city-wide aggregates of the aduan module for a chosen period (WIB
 * dates). Durations are whole working days (hari kerja) counted like the SLA deadlines; medians may
 * land on a half day. No response carries personal data: only report-level public fields.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/schema.js';
import { audit } from '../core/audit/audit.js';
import { invalid, type Message } from '../core/errors.js';
import { addDays, wibDate, wibStart } from '../core/calendar/working-days.js';
import { csvWriter, type Cell } from '../core/export/csv.js';
import { xlsxWriter } from '../core/export/xlsx.js';
import { REPORT_STATUSES, STATUS_LABELS, type ReportStatus } from '../aduan/index.js';
import * as q from './queries.js';
import { memoUntilChange } from './cache.js';
import { periodDays } from './rollups.js';
import { allOpds, median, passed, type OpdDay } from './day-figures.js';

export const DASHBOARD_ROLES: readonly Role[] = ['executive', 'super_admin', 'auditor', 'triage_admin', 'opd_admin'];

export const DEFAULT_DAYS = 30;
/** Three years: the longest period a meeting compares, and a bound on the work one request may ask. */
export const MAX_SPAN_DAYS = 3 * 366;
export const MAX_MAP_POINTS = 1000;
export const MAX_MAP_CLUSTERS = 1000;
/** Grid cell for clustering (degrees): about 1.1 km at Dumai's latitude. */
export const CLUSTER_CELL = 0.01;
export const EXPORT_MAX_ROWS = 100_000;
/** Rows read and written into the file at a time: the file grows, the rows of one page are all that is held (tests lower it). */
export const exportPaging = { rows: 5_000 };

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export interface PeriodQuery {
  from?: string | undefined;
  to?: string | undefined;
}

/** Validated period: default the last 30 days up to today (WIB); from ≤ to; at most three years. */
export function periodOf(query: PeriodQuery, now: Date): q.Period {
  const to = query.to ?? wibDate(now);
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw invalid('period_order', 'Tanggal awal harus sebelum atau sama dengan tanggal akhir.', 'The start date must be on or before the end date.', 'to');
  if (daysBetween(from, to) >= MAX_SPAN_DAYS) {
    throw invalid('period_too_long', 'Periode paling panjang tiga tahun.', 'The period may be at most three years.', 'from');
  }
  const today = wibDate(now);
  // getUTCDay of a date at UTC midnight: 0 is Sunday, counted as the week's seventh day.
  const firstMonday = addDays(from, 1 - (new Date(`${from}T00:00:00Z`).getUTCDay() || 7));
  return {
    from,
    to,
    start: wibStart(from),
    end: wibStart(addDays(to, 1)),
    // Answers and resolutions happen up to now, which may lie after the period's end.
    calendarEnd: addDays(to > today ? to : today, 7),
    weeks: { first: firstMonday, count: Math.floor(daysBetween(firstMonday, to) / 7) + 1 },
    now,
  };
}

export interface Share {
  met: number;
  /** Met plus missed; reports still within their deadline are not decided yet. */
  decided: number;
  share: number | null;
}
const share = (met: number, missed: number): Share => ({ met, decided: met + missed, share: met + missed ? met / (met + missed) : null });
const days = (x: number | null) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);

export interface Medians {
  verify: number | null;
  followUp: number | null;
  resolve: number | null;
}

export interface OpdRow {
  code: string;
  name: string;
  shortName: string;
  reports: number;
  dispositions: number;
  followUpSla: Share;
  resolveSla: Share;
  medians: Medians;
  /** 1 = most responsive; null when no disposition of the OPD was decided yet in the period. */
  rank: number | null;
}

/**
 * Responsiveness ranking, in this order: the share of dispositions followed up within the SLA
 * (higher first), then the median working days to the first follow-up (lower first), then the
 * number of decided dispositions (more evidence first). OPDs without a decided disposition are
 * listed after the ranked ones, unranked.
 */
export function rankOpds(rows: Omit<OpdRow, 'rank'>[]): OpdRow[] {
  const ranked = rows
    .filter((r) => r.followUpSla.decided > 0)
    .sort(
      (a, b) =>
        b.followUpSla.share! - a.followUpSla.share! ||
        (a.medians.followUp ?? Infinity) - (b.medians.followUp ?? Infinity) ||
        b.followUpSla.decided - a.followUpSla.decided ||
        a.code.localeCompare(b.code),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
  const rest = rows.filter((r) => r.followUpSla.decided === 0).sort((a, b) => b.reports - a.reports || a.code.localeCompare(b.code));
  return [...ranked, ...rest.map((r) => ({ ...r, rank: null }))];
}

export async function summary(ctx: AppContext, query: PeriodQuery) {
  const p = periodOf(query, ctx.clock());
  return memoUntilChange(ctx, 'summary', p, () => computeSummary(ctx, p));
}

async function computeSummary(ctx: AppContext, p: q.Period) {
  const [sum, names, trend] = await Promise.all([periodDays(ctx.db, p), q.names(ctx.db), q.weeklyTrend(ctx.db, p)]);
  // Missed: decided late, or still waiting past the deadline now.
  const opdRow = (o: OpdDay) => ({
    reports: o.reports,
    dispositions: o.dispositions,
    followUpSla: share(o.followUpMet, o.followUpLate + passed(o.waiting.followUpDue, p.now)),
    resolveSla: share(o.resolveMet, o.resolveLate + passed(o.waiting.resolveDue, p.now)),
    medians: { verify: days(median(o.verifyDays)), followUp: days(median(o.followUpDays)), resolve: days(median(o.resolveDays)) },
  });
  const all = opdRow(allOpds(sum));
  const perOpd = names.opds
    .filter((o) => sum.opds[o.id])
    .map((o) => ({ code: o.code, name: o.name, shortName: o.shortName, ...opdRow(sum.opds[o.id]!) }));
  return {
    period: { from: p.from, to: p.to, generatedAt: p.now.toISOString() },
    unit: 'working_days' as const,
    /** The deadlines the shares are measured against (working days; resolution per category). */
    sla: { verifyWorkingDays: ctx.config.sla.verifyWorkingDays, followUpWorkingDays: ctx.config.sla.followUpWorkingDays },
    exportMaxRows: EXPORT_MAX_ROWS,
    totals: {
      received: sum.received,
      open: sum.open,
      resolved: sum.resolved,
      overdue: passed(sum.waiting.overdueFrom, p.now),
      verifySla: share(sum.verifyMet, sum.verifyLate + passed(sum.waiting.verifyDue, p.now)),
      followUpSla: all.followUpSla,
      resolveSla: share(sum.resolveMet, sum.resolveLate + passed(sum.waiting.resolveDue, p.now)),
      medians: { verify: days(median(sum.verifyDays)), followUp: all.medians.followUp, resolve: days(median(sum.resolveDays)) },
    },
    byStatus: REPORT_STATUSES.map((code) => ({ code, label: STATUS_LABELS[code], count: sum.statuses[code] ?? 0 })),
    byCategory: byKhidmat(sum.categories, names.categories),
    // Most reports first; a stable sort keeps the names' order among equal counts.
    byKelurahan: names.kelurahan.map((k) => ({ ...k, count: sum.kelurahan[k.code] ?? 0 })).sort((a, b) => b.count - a.count),
    byOpd: rankOpds(perOpd),
    trend,
  };
}

/** Per khidmat (top-level category): six bars a meeting can read, sub-categories are in the export. */
function byKhidmat(counts: Record<string, number>, categories: q.Names['categories']) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const totals = new Map<q.Names['categories'][number], number>();
  for (const [id, n] of Object.entries(counts)) {
    const c = byId.get(Number(id));
    if (!c) continue;
    const khidmat = c.parentId === null ? c : byId.get(c.parentId)!;
    totals.set(khidmat, (totals.get(khidmat) ?? 0) + n);
  }
  return [...totals]
    .sort(([a, x], [b, y]) => y - x || a.sortOrder - b.sortOrder)
    .map(([c, count]) => ({ code: c.code, label: { id: c.nameId, en: c.nameEn }, count }));
}

export async function openMap(ctx: AppContext, query: PeriodQuery, limits = { points: MAX_MAP_POINTS, clusters: MAX_MAP_CLUSTERS }) {
  const p = periodOf(query, ctx.clock());
  return memoUntilChange(ctx, `map:${limits.points}:${limits.clusters}`, p, () => computeOpenMap(ctx, p, limits));
}

async function computeOpenMap(ctx: AppContext, p: q.Period, limits: { points: number; clusters: number }) {
  const [counts, byKelurahan] = await Promise.all([q.openCounts(ctx.db, p), q.openByKelurahan(ctx.db, p)]);
  const asPoints = counts.shown <= limits.points;
  const points = asPoints ? await q.openPoints(ctx.db, p, limits.points) : [];
  const clusters = asPoints ? [] : await q.openClusters(ctx.db, p, CLUSTER_CELL, limits.clusters + 1);
  return {
    period: { from: p.from, to: p.to },
    total: counts.shown,
    confidentialExcluded: counts.confidential,
    mode: asPoints ? ('points' as const) : ('clusters' as const),
    points: points.map((pt) => ({
      trackingNumber: pt.trackingNumber,
      lat: pt.lat,
      lng: pt.lng,
      status: pt.status as ReportStatus,
      statusLabel: STATUS_LABELS[pt.status as ReportStatus],
      category: { id: pt.categoryNameId, en: pt.categoryNameEn },
      overdue: pt.overdue,
    })),
    clusters: clusters.slice(0, limits.clusters),
    /** More cells than drawn: the smallest ones are left out (the total still counts them). */
    capped: clusters.length > limits.clusters,
    byKelurahan,
  };
}

export type ExportFormat = 'csv' | 'xlsx';
export type Lang = 'id' | 'en';

const CLASS_LABELS: Record<string, Message> = {
  pengaduan: { id: 'Pengaduan', en: 'Complaint' },
  aspirasi: { id: 'Aspirasi', en: 'Aspiration' },
  permintaan_informasi: { id: 'Permintaan informasi', en: 'Information request' },
};

const COLUMNS: { key: string; label: Message; cell(r: q.ExportRow, lang: Lang): Cell }[] = [
  { key: 'trackingNumber', label: { id: 'Nomor laporan', en: 'Tracking number' }, cell: (r) => r.trackingNumber },
  { key: 'class', label: { id: 'Jenis', en: 'Type' }, cell: (r, l) => CLASS_LABELS[r.class]?.[l] ?? r.class },
  { key: 'categoryGroup', label: { id: 'Kategori', en: 'Category' }, cell: (r, l) => (l === 'id' ? r.categoryGroupId : r.categoryGroupEn) },
  { key: 'category', label: { id: 'Sub-kategori', en: 'Sub-category' }, cell: (r, l) => (l === 'id' ? r.categoryId : r.categoryEn) },
  { key: 'kecamatan', label: { id: 'Kecamatan', en: 'District (kecamatan)' }, cell: (r) => r.kecamatan },
  { key: 'kelurahan', label: { id: 'Kelurahan', en: 'Kelurahan' }, cell: (r) => r.kelurahan },
  { key: 'opds', label: { id: 'OPD', en: 'Agency (OPD)' }, cell: (r) => r.opds },
  { key: 'status', label: { id: 'Status', en: 'Status' }, cell: (r, l) => STATUS_LABELS[r.status as ReportStatus]?.[l] ?? r.status },
  { key: 'title', label: { id: 'Judul (kosong bila rahasia)', en: 'Title (empty when confidential)' }, cell: (r) => r.title },
  { key: 'createdAt', label: { id: 'Diterima (WIB)', en: 'Received (WIB)' }, cell: (r) => wibDateTime(r.createdAt) },
  { key: 'verifiedAt', label: { id: 'Diverifikasi (WIB)', en: 'Verified (WIB)' }, cell: (r) => wibDateTime(r.verifiedAt) },
  { key: 'dispositionedAt', label: { id: 'Didisposisikan (WIB)', en: 'Dispositioned (WIB)' }, cell: (r) => wibDateTime(r.dispositionedAt) },
  { key: 'firstFollowUpAt', label: { id: 'Tindak lanjut pertama (WIB)', en: 'First follow-up (WIB)' }, cell: (r) => wibDateTime(r.firstFollowUpAt) },
  { key: 'resolvedAt', label: { id: 'Selesai (WIB)', en: 'Resolved (WIB)' }, cell: (r) => wibDateTime(r.resolvedAt) },
  { key: 'closedAt', label: { id: 'Ditutup (WIB)', en: 'Closed (WIB)' }, cell: (r) => wibDateTime(r.closedAt) },
  { key: 'verifyMet', label: { id: 'Verifikasi tepat waktu', en: 'Verified within SLA' }, cell: (r, l) => yesNo(r.verifyMet, l) },
  { key: 'followUpMet', label: { id: 'Tindak lanjut tepat waktu', en: 'Followed up within SLA' }, cell: (r, l) => yesNo(r.followUpMet, l) },
  { key: 'resolveMet', label: { id: 'Selesai tepat waktu', en: 'Resolved within SLA' }, cell: (r, l) => yesNo(r.resolveMet, l) },
  { key: 'verifyDays', label: { id: 'Hari kerja sampai verifikasi', en: 'Working days to verify' }, cell: (r) => r.verifyDays },
  { key: 'followUpDays', label: { id: 'Hari kerja disposisi sampai tindak lanjut', en: 'Working days from disposition to follow-up' }, cell: (r) => r.followUpDays },
  { key: 'resolveDays', label: { id: 'Hari kerja sampai selesai', en: 'Working days to resolve' }, cell: (r) => r.resolveDays },
];

/** "2026-03-02 09:00" in WIB: sortable, and unambiguous in any spreadsheet locale. */
function wibDateTime(v: Date | string | null): string | null {
  if (v === null) return null;
  return new Date(new Date(v).getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function yesNo(v: boolean | null, lang: Lang): string | null {
  if (v === null) return null;
  return v ? (lang === 'id' ? 'Ya' : 'Yes') : lang === 'id' ? 'Tidak' : 'No';
}

/**
 * The period's reports as a table file, one row per report; every export is written to the audit
 * log. Read a page at a time in one snapshot, each page written into the file before the next is
 * read: 100,000 rows read at once, then built into one sheet, took ~450 MB of memory.
 */
export async function exportTable(ctx: AppContext, principal: Principal, query: PeriodQuery & { lang?: Lang | undefined }, format: ExportFormat, ip?: string) {
  const p = periodOf(query, ctx.clock());
  const lang = query.lang ?? 'id';
  const headers = COLUMNS.map((c) => c.label[lang]);
  const writer = format === 'csv' ? csvWriter(headers) : xlsxWriter(headers, { sheetName: lang === 'id' ? 'Laporan' : 'Reports' });
  const rows = await ctx.db.transaction(
    async (tx) => {
      const total = await q.countInPeriod(tx, p);
      if (total > EXPORT_MAX_ROWS) {
        throw invalid(
          'export_too_large',
          `Periode ini berisi ${total} laporan; ekspor paling banyak ${EXPORT_MAX_ROWS}. Persempit periodenya.`,
          `This period holds ${total} reports; an export holds at most ${EXPORT_MAX_ROWS}. Choose a shorter period.`,
          'from',
        );
      }
      let written = 0;
      for (let after: q.ExportKey | undefined; written < EXPORT_MAX_ROWS; ) {
        const page = await q.exportRows(tx, p, Math.min(exportPaging.rows, EXPORT_MAX_ROWS - written), after);
        writer.add(page.map((r) => COLUMNS.map((c) => c.cell(r, lang))));
        written += page.length;
        const last = page.at(-1);
        if (!last || page.length < exportPaging.rows) break;
        after = { key: last.key, id: last.id };
      }
      return written;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await audit(
    ctx.db,
    principal,
    { action: 'dashboard.export', entity: 'dashboard', entityId: `${p.from}..${p.to}`, detail: { format, from: p.from, to: p.to, rows, lang }, ip },
    ctx.clock(),
  );
  const name = `khidmat-laporan-${p.from}-${p.to}.${format}`;
  const data = format === 'csv' ? (writer.end() as Buffer) : Buffer.from(writer.end());
  return { name, data };
}
