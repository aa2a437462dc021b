/**
 * Monthly realisation reports: the OPD enters a month's cumulative figures (physical %, spending,
 * notes, photos, where the work is) as a draft, submits it, and the e-monev desk accepts it or
 * returns it with its reasons, through the lifecycle table. Every step writes the report's timeline
 * and the audit log in the same transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { wibDate } from '../core/calendar/working-days.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import type { ReportEdit, ReportInput } from './api-schemas.js';
import { actorsFor, mayRead } from './access.js';
import { dueAt, firstDayOf, isLagging, monthFigures } from './flags.js';
import { lifecycle, REPORTED, TRANSITIONS, type Actor, type ReportAction, type StepAction } from './lifecycle.js';
import { PHOTO, REPORT } from './messages.js';
import { locationOf, subActivityFor } from './views.js';
import * as q from './queries.js';

/** The caller's part on the OPD's records for this action, or 404 when they have none. */
function actorFor(p: Principal, opdId: number, action: ReportAction): Actor {
  const actors = actorsFor(p, opdId);
  if (!actors.length) throw notFound(REPORT);
  return actors.find((a) => (TRANSITIONS[action].by as readonly Actor[]).includes(a)) ?? actors[0]!;
}

/** Figures a sub-kegiatan can have: within its budget, and not below an earlier month's reported figures (they are cumulative). */
async function checkFigures(db: Db, s: q.ListedSubActivity, month: number, f: { physicalPct: number; financialRp: number }): Promise<void> {
  if (f.financialRp > s.s.budget) throw invalid('over_budget', 'Realisasi keuangan melebihi pagu anggaran.', 'Spending exceeds the budget.', 'financialRp');
  const earlier = (await q.reportsOf(db, [s.s.id])).filter((r) => r.month < month && REPORTED.includes(r.status));
  if (earlier.some((r) => r.physicalPct > f.physicalPct)) throw invalid('below_previous', 'Realisasi fisik kumulatif tidak boleh lebih kecil dari bulan sebelumnya.', 'Cumulative physical progress may not fall below an earlier month’s.', 'physicalPct');
  if (earlier.some((r) => r.financialRp > f.financialRp)) throw invalid('below_previous', 'Realisasi keuangan kumulatif tidak boleh lebih kecil dari bulan sebelumnya.', 'Cumulative spending may not fall below an earlier month’s.', 'financialRp');
}

const photosRefused = () => invalid('photo_unavailable', 'Foto tidak ditemukan atau sudah dipakai.', 'A photo was not found or is already used.', 'photoIds');

export async function createReport(ctx: AppContext, p: Principal, subActivityId: number, input: ReportInput) {
  const s = await subActivityFor(ctx.db, p, subActivityId, (pr, opdId) => actorsFor(pr, opdId).includes('opd'));
  const now = ctx.clock();
  if (firstDayOf(s.s.year, input.month) > wibDate(now)) throw invalid('month_not_started', 'Bulan ini belum berjalan.', 'This month has not started yet.', 'month');
  await checkFigures(ctx.db, s, input.month, input);
  const id = await ctx.db.transaction(async (tx) => {
    const report = await q.insertReport(tx, {
      subActivityId: s.s.id, month: input.month, status: 'draft', physicalPct: input.physicalPct, financialRp: input.financialRp, notes: input.notes?.trim() ?? '',
      lat: input.location?.lat ?? null, lng: input.location?.lng ?? null, createdAt: now, updatedAt: now,
    });
    if (!report) throw conflict('month_reported', 'Bulan ini sudah memiliki laporan; ubah laporan yang ada.', 'This month already has a report; edit that one.', 'month');
    if (!(await q.attachPhotos(tx, { reportId: report.id, ownerId: p.userId, uploadIds: input.photoIds ?? [], at: now }))) throw photosRefused();
    await q.insertEvent(tx, { reportId: report.id, at: now, actorId: p.userId, actorRole: p.role, action: 'create', toStatus: 'draft' });
    await audit(tx, p, { action: 'emonev.report.create', entity: 'emonev_report', entityId: report.id, detail: { subActivityId: s.s.id, month: input.month } }, now);
    return report.id;
  });
  return reportDetail(ctx, p, id);
}

/** The report locked, with its sub-kegiatan, and the status the action leads to. */
async function locked(tx: Db, p: Principal, id: number, action: ReportAction) {
  const { report, s } = await readable(tx, p, id, true);
  return { report, s, to: lifecycle.next(action, report.status, actorFor(p, s.s.opdId, action)) };
}

export async function editReport(ctx: AppContext, p: Principal, id: number, edit: ReportEdit) {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const { report, s } = await locked(tx, p, id, 'edit');
    const figures = { physicalPct: edit.physicalPct ?? report.physicalPct, financialRp: edit.financialRp ?? report.financialRp };
    await checkFigures(tx, s, report.month, figures);
    const location = edit.location === undefined ? {} : { lat: edit.location?.lat ?? null, lng: edit.location?.lng ?? null };
    await q.updateReport(tx, id, { ...figures, ...(edit.notes === undefined ? {} : { notes: edit.notes.trim() }), ...location, updatedAt: now });
    if (!(await q.attachPhotos(tx, { reportId: id, ownerId: p.userId, uploadIds: edit.photoIds ?? [], at: now }))) throw photosRefused();
    await q.insertEvent(tx, { reportId: id, at: now, actorId: p.userId, actorRole: p.role, action: 'edit', toStatus: report.status });
    await audit(tx, p, { action: 'emonev.report.edit', entity: 'emonev_report', entityId: id, detail: figures }, now);
  });
  return reportDetail(ctx, p, id);
}

export async function stepReport(ctx: AppContext, p: Principal, id: number, action: StepAction, note: string | undefined) {
  const now = ctx.clock();
  const text = note?.trim() || null;
  if (action === 'return' && !text) throw invalid('reason_required', 'Tuliskan alasan pengembalian.', 'Give the reasons for returning the report.', 'note');
  await ctx.db.transaction(async (tx) => {
    const { report, to } = await locked(tx, p, id, action);
    await q.updateReport(tx, id, {
      status: to,
      updatedAt: now,
      ...(to === 'submitted' ? { firstSubmittedAt: report.firstSubmittedAt ?? now } : {}),
      ...(action === 'accept' || action === 'return' ? { decidedAt: now, returnReason: action === 'return' ? text : null } : {}),
    });
    await q.insertEvent(tx, { reportId: id, at: now, actorId: p.userId, actorRole: p.role, action, toStatus: to, note: text });
    await audit(tx, p, { action: `emonev.report.${action}`, entity: 'emonev_report', entityId: id, detail: { from: report.status, to } }, now);
  });
  return reportDetail(ctx, p, id);
}

/** The report and its sub-kegiatan, if the caller may read them (`lock`: until the transaction ends). */
async function readable(db: Db, p: Principal, id: number, lock = false) {
  const report = await q.reportById(db, id, lock);
  const s = report && (await q.subActivityById(db, report.subActivityId));
  if (!report || !s || !mayRead(p, s.s.opdId)) throw notFound(REPORT);
  return { report, s };
}

export async function reportDetail(ctx: AppContext, p: Principal, id: number) {
  const { report, s } = await readable(ctx.db, p, id);
  const [due, photos, events] = await Promise.all([dueAt(ctx, ctx.db, s.s.year, report.month), q.photosOf(ctx.db, id), q.eventsOf(ctx.db, id)]);
  const actors = actorsFor(p, s.s.opdId);
  return {
    id: report.id,
    subActivity: { id: s.s.id, code: s.s.code, name: s.s.name, output: s.s.output, opd: { code: s.opd.code, name: s.opd.name }, year: s.s.year, budget: s.s.budget },
    ...monthFigures(s.s, report, due),
    notes: report.notes,
    location: locationOf(report),
    dueAt: due.toISOString(),
    firstSubmittedAt: report.firstSubmittedAt?.toISOString() ?? null,
    returnReason: report.returnReason,
    lagging: isLagging(s.s, report),
    actions: (Object.keys(TRANSITIONS) as ReportAction[]).filter((a) => actors.some((actor) => lifecycle.can(a, report.status, actor))),
    photos: photos.map((ph) => ({ id: ph.id, url: `/api/v1/emonev/reports/${id}/photos/${ph.id}`, width: ph.width, height: ph.height })),
    timeline: events.map(({ e, actorName }) => ({ at: e.at.toISOString(), actorName, actorRole: e.actorRole, action: e.action, toStatus: e.toStatus, note: e.note })),
  };
}

export async function reportPhoto(ctx: AppContext, p: Principal, id: number, photoId: string) {
  await readable(ctx.db, p, id);
  const photo = (await q.photosOf(ctx.db, id)).find((ph) => ph.id === photoId);
  if (!photo) throw notFound(PHOTO);
  return { mime: photo.mime, data: await ctx.storage.get(photo.fileKey) };
}
