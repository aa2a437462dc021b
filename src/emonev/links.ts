/**
 * The complaints a sub-kegiatan answers (a road package closing road reports). A tracking number is
 * checked through aduan's read model; the complaint's public page lists the sub-kegiatan answering
 * it with its accepted progress, and nothing about who reported or who reports.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { AppError, notFound } from '../core/errors.js';
import { existingReports } from '../aduan/read-model.js';
import { mayWrite } from './access.js';
import { LINK } from './messages.js';
import { subActivityFor } from './views.js';
import * as q from './queries.js';

export const linksView = async (ctx: AppContext, id: number) => (await q.linksOf(ctx.db, id)).map((l) => ({ trackingNumber: l.trackingNumber, linkedAt: l.linkedAt.toISOString() }));

export async function linkComplaints(ctx: AppContext, p: Principal, id: number, trackingNumbers: readonly string[]) {
  const s = await subActivityFor(ctx.db, p, id, mayWrite);
  const known = new Set((await existingReports(ctx.db, trackingNumbers)).map((r) => r.trackingNumber));
  const unknown = trackingNumbers.flatMap((tn, i) => (known.has(tn) ? [] : [{ tn, i }]));
  if (unknown.length) {
    throw new AppError(
      422,
      'unknown_complaint',
      { id: `Nomor laporan tidak ditemukan: ${unknown.map((u) => u.tn).join(', ')}.`, en: `No complaint has the number: ${unknown.map((u) => u.tn).join(', ')}.` },
      {
        field: `trackingNumbers.${unknown[0]!.i}`,
        errors: unknown.map((u) => ({ field: `trackingNumbers.${u.i}`, code: 'unknown_complaint', message: { id: 'Nomor laporan tidak ditemukan.', en: 'No complaint has this number.' } })),
      },
    );
  }
  const now = ctx.clock();
  const linked = await ctx.db.transaction(async (tx) => {
    const rows = await q.insertLinks(tx, trackingNumbers.map((trackingNumber) => ({ subActivityId: s.s.id, trackingNumber, linkedAt: now, linkedById: p.userId })));
    if (rows.length) await audit(tx, p, { action: 'emonev.link', entity: 'emonev_sub_activity', entityId: s.s.id, detail: { trackingNumbers: rows.map((r) => r.trackingNumber) } }, now);
    return rows.length;
  });
  return { linked, linkedComplaints: await linksView(ctx, s.s.id) };
}

export async function unlinkComplaint(ctx: AppContext, p: Principal, id: number, trackingNumber: string) {
  const s = await subActivityFor(ctx.db, p, id, mayWrite);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (!(await q.deleteLink(tx, s.s.id, trackingNumber))) throw notFound(LINK);
    await audit(tx, p, { action: 'emonev.unlink', entity: 'emonev_sub_activity', entityId: s.s.id, detail: { trackingNumber } }, now);
  });
  return { linked: 0, linkedComplaints: await linksView(ctx, s.s.id) };
}

/** Public: the sub-kegiatan answering a complaint on the public list (an unknown or confidential one has none, so nothing tells them apart). */
export async function answeringComplaint(ctx: AppContext, trackingNumber: string) {
  const [report] = await existingReports(ctx.db, [trackingNumber]);
  if (!report?.public) return { items: [] };
  const rows = await q.answeringComplaint(ctx.db, trackingNumber);
  return { items: rows.map((r) => ({ code: r.code, name: r.name, output: r.output, opdName: r.opdName, year: r.year, budget: Number(r.budget), physicalPct: r.physicalPct === null ? null : Number(r.physicalPct), month: r.month === null ? null : Number(r.month) })) };
}
