/**
 * What the desk, the OPDs and the mayor's office read: the sub-kegiatan with their flags, and the
 * monthly evaluation of an OPD for the mayor's monev meeting — each sub-kegiatan's realisation
 * against its plan, beside the OPD's complaints of the month (the dashboard's figures) and its IKM
 * (the SKM module's).
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { invalid, notFound } from '../core/errors.js';
import type { Cell } from '../core/export/csv.js';
import { toXlsx, XLSX_MIME } from '../core/export/xlsx.js';
import { complaintsByOpd } from '../dashboard/read-model.js';
import { ikmPerOpd } from '../skm/read-model.js';
import { CITY_READERS, listScope, mayRead } from './access.js';
import { duesOf, firstDayOf, isLagging, isLate, lastDayOf, monthFigures } from './flags.js';
import { linksView } from './links.js';
import { DUE_WORKING_DAYS, LAG_POINTS, OPD } from './messages.js';
import { groupBySubActivity, subActivityFor, subActivityViews } from './views.js';
import * as q from './queries.js';

/** The OPD asked for, as the caller may see it: OPD staff always get their own. */
async function opdAsked(ctx: AppContext, p: Principal, code: string | undefined): Promise<number | undefined> {
  if (!code || !CITY_READERS.includes(p.role)) return listScope(p, undefined);
  const opd = await q.opdByCode(ctx.db, code);
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown OPD.', 'opd');
  return opd.id;
}

export async function listSubActivities(ctx: AppContext, p: Principal, query: { year: number; opd?: string | undefined }) {
  const list = await q.listSubActivities(ctx.db, query.year, await opdAsked(ctx, p, query.opd));
  return { items: await subActivityViews(ctx, list), lagPoints: LAG_POINTS, dueWorkingDays: DUE_WORKING_DAYS };
}

export async function subActivityDetail(ctx: AppContext, p: Principal, id: number) {
  const s = await subActivityFor(ctx.db, p, id, mayRead);
  const [view] = await subActivityViews(ctx, [s]);
  return { ...view!, linkedComplaints: await linksView(ctx, id) };
}

const zeroShare = { met: 0, decided: 0, share: null };

export async function evaluation(ctx: AppContext, p: Principal, query: { year: number; month: number; opd?: string | undefined }) {
  if (!query.opd && CITY_READERS.includes(p.role)) throw invalid('opd_required', 'Pilih OPD.', 'Choose an OPD.', 'opd');
  const opdId = (await opdAsked(ctx, p, query.opd))!;
  const opd = await q.opdById(ctx.db, opdId);
  if (!opd || !mayRead(p, opd.id)) throw notFound(OPD);
  const { year, month } = query;
  const from = firstDayOf(year, month);
  const to = lastDayOf(year, month);
  const [list, dues, complaints, ikm] = await Promise.all([
    q.listSubActivities(ctx.db, year, opd.id),
    duesOf(ctx, ctx.db, year),
    complaintsByOpd(ctx, from, to),
    ikmPerOpd(ctx.db, { startsOn: from, endsOn: to }, { opdId: opd.id }),
  ]);
  const reports = await q.reportsOf(ctx.db, list.map((s) => s.s.id));
  const bySub = groupBySubActivity(reports);
  const due = dues[month - 1]!;
  const now = ctx.clock();
  const rows = list.map((s) => {
    const r = bySub.get(s.s.id)?.find((x) => x.month === month);
    const f = r && monthFigures(s.s, r, due);
    return {
      id: s.s.id,
      code: s.s.code,
      name: s.s.name,
      budget: s.s.budget,
      planPhysicalPct: s.s.planPhysical[month - 1]!,
      planFinancialRp: s.s.planFinancial[month - 1]!,
      report: r && f ? { id: r.id, status: f.status, physicalPct: f.physicalPct, financialRp: f.financialRp, submittedLate: f.submittedLate } : null,
      physicalDeviation: f ? f.physicalDeviation : null,
      late: isLate(r, due, now),
      lagging: r ? isLagging(s.s, r) : false,
      complaints: s.links,
    };
  });
  const c = complaints.find((x) => x.code === opd.code);
  const i = ikm[0];
  return {
    opd: { code: opd.code, name: opd.name },
    year,
    month,
    dueAt: due.toISOString(),
    rows,
    totals: {
      budget: rows.reduce((n, r) => n + r.budget, 0),
      planFinancialRp: rows.reduce((n, r) => n + r.planFinancialRp, 0),
      financialRp: rows.reduce((n, r) => n + (r.report?.status === 'accepted' ? r.report.financialRp : 0), 0),
      late: rows.filter((r) => r.late).length,
      lagging: rows.filter((r) => r.lagging).length,
      accepted: rows.filter((r) => r.report?.status === 'accepted').length,
    },
    complaints: c ? { received: c.received, handled: c.handled, followUpSla: c.followUpSla, resolveSla: c.resolveSla } : { received: 0, handled: 0, followUpSla: zeroShare, resolveSla: zeroShare },
    ikm: i ? { respondents: i.respondents, ikm: i.ikm, converted: i.converted, grade: i.grade } : null,
  };
}

const HEADERS = ['Kode', 'Sub-kegiatan', 'Pagu (Rp)', 'Rencana fisik (%)', 'Realisasi fisik (%)', 'Deviasi (poin)', 'Rencana keuangan (Rp)', 'Realisasi keuangan (Rp)', 'Status laporan', 'Terlambat', 'Di bawah rencana', 'Pengaduan terkait'];
const share = (s: { met: number; decided: number; share: number | null }) => (s.share === null ? '-' : `${Math.round(s.share * 1000) / 10}% (${s.met}/${s.decided})`);

/** The evaluation as a workbook for the meeting's papers: one row per sub-kegiatan, then the OPD's complaints and IKM. */
export async function evaluationFile(ctx: AppContext, p: Principal, query: { year: number; month: number; opd?: string | undefined }) {
  const e = await evaluation(ctx, p, query);
  const yes = (b: boolean) => (b ? 'ya' : '');
  const rows: Cell[][] = [
    ...e.rows.map((r) => [r.code, r.name, r.budget, r.planPhysicalPct, r.report?.physicalPct ?? '', r.physicalDeviation ?? '', r.planFinancialRp, r.report?.financialRp ?? '', r.report?.status ?? 'belum lapor', yes(r.late), yes(r.lagging), r.complaints]),
    [],
    ['', 'Pengaduan masuk', e.complaints.received],
    ['', 'Pengaduan diselesaikan', e.complaints.handled],
    ['', 'Tindak lanjut tepat waktu', share(e.complaints.followUpSla)],
    ['', 'Penyelesaian tepat waktu', share(e.complaints.resolveSla)],
    ['', 'IKM (skala 100)', e.ikm?.converted ?? '-'],
  ];
  const name = `evaluasi-${e.opd.code.toLowerCase()}-${e.year}-${String(e.month).padStart(2, '0')}.xlsx`;
  return { name, mime: XLSX_MIME, data: Buffer.from(toXlsx(HEADERS, rows, { sheetName: `${e.opd.code} ${e.year}-${String(e.month).padStart(2, '0')}` })) };
}
