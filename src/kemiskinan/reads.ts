/** Reading complaints and households: scope first, then the audience's view, and an audit line for every view. */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { OPD_ROLES } from '../core/auth/principal.js';
import { AppError, forbidden, notFound } from '../core/errors.js';
import { DINSOS_ROLES, actorFor, audienceFor, type Audience, type Viewer } from './access.js';
import { COMPLAINT, complaintFacts } from './actions.js';
import type { ComplaintStatus, NeedCategory, Section } from './lifecycle.js';
import { needLabel } from './messages.js';
import { detailView, householdView, summaryView } from './views.js';
import * as q from './queries.js';

const HOUSEHOLD = { id: 'Keluarga', en: 'Household' };

async function complaintAudience(tx: Db, v: Viewer | null, c: q.ComplaintRow): Promise<Audience | null> {
  const facts = await q.householdFacts(tx, c.householdId);
  // A citizen follows their own complaint, not the household's other ones.
  return audienceFor(v, { ...facts, citizenIds: c.citizenId ? [c.citizenId] : [] });
}

export async function complaintDetail(ctx: AppContext, v: Viewer | null, trackingNumber: string, ip?: string) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const c = await q.findComplaint(tx, trackingNumber);
    if (!c) throw notFound(COMPLAINT);
    const audience = await complaintAudience(tx, v, c);
    if (!audience || !v) throw notFound(COMPLAINT);
    await audit(tx, v, { action: 'kemiskinan.view', entity: 'kemiskinan_complaint', entityId: trackingNumber, ip }, now);
    const [row] = (await q.listComplaints(tx, { id: c.id, limit: 1, offset: 0, now })).rows;
    const hh = (await q.householdById(tx, c.householdId))!;
    return detailView({
      row: row!,
      audience,
      actor: actorFor(v, await complaintFacts(tx, c)),
      household: householdView(hh, await q.membersOf(tx, hh.id), row!.kelurahanName, audience, ctx.cipher),
      events: await q.timelineOf(tx, c.id),
      photos: await q.photosOf(tx, c.id),
      visits: await q.visitsOf(tx, c.id),
      assistance: await q.assistanceOf(tx, c.id),
      referrals: await q.referralsOf(tx, c.id),
    });
  });
}

export async function householdDetail(ctx: AppContext, v: Viewer, id: number, ip?: string) {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const hh = await q.householdById(tx, id);
    const audience = hh ? audienceFor(v, await q.householdFacts(tx, id)) : null;
    // Citizens follow their complaints; the household record is for the people who serve it.
    if (!hh || !audience || audience === 'citizen') throw notFound(HOUSEHOLD);
    await audit(tx, v, { action: 'kemiskinan.household_view', entity: 'kemiskinan_household', entityId: id, ip }, now);
    const names = await q.kelurahanNames(tx);
    const { rows } = await q.listComplaints(tx, { householdId: id, limit: 100, offset: 0, now });
    return { ...householdView(hh, await q.membersOf(tx, id), names.get(hh.kelurahanCode) ?? hh.kelurahanCode, audience, ctx.cipher), complaints: rows.map(summaryView) };
  });
}

export interface ListQuery {
  status?: ComplaintStatus[] | undefined;
  section?: Section | undefined;
  kelurahan?: string | undefined;
  need?: NeedCategory | undefined;
  urgent?: boolean | undefined;
  registered?: boolean | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Work lists: Dinas Sosial sees every complaint (a section officer starts on their own section), an
 * operator their kelurahan's, a volunteer those they were sent to, a citizen their own.
 */
export async function listFor(ctx: AppContext, v: Viewer, query: ListQuery, ip?: string) {
  const filter: q.ListFilter = {
    statuses: query.status,
    section: query.section,
    kelurahanCode: query.kelurahan,
    needCategory: query.need,
    urgent: query.urgent,
    registered: query.registered,
    overdue: query.overdue,
    limit: query.limit,
    offset: query.offset,
    now: ctx.clock(),
  };
  if (v.role === 'kelurahan_operator') filter.kelurahanCode = v.kelurahanCode ?? '-';
  else if (v.role === 'volunteer') filter.volunteerId = v.userId;
  else if (v.role === 'citizen') filter.citizenId = v.userId;
  else if (!DINSOS_ROLES.includes(v.role)) throw forbidden();
  const { rows, hasMore } = await q.listComplaints(ctx.db, filter);
  if (v.role !== 'citizen') {
    await audit(ctx.db, v, { action: 'kemiskinan.list', entity: 'kemiskinan_complaint', entityId: '*', detail: { count: rows.length, filter: { ...query } }, ip });
  }
  return { items: rows.map(summaryView), hasMore };
}

export async function complaintPhoto(ctx: AppContext, v: Viewer | null, trackingNumber: string, photoId: string, ip?: string) {
  const c = await q.findComplaint(ctx.db, trackingNumber);
  const audience = c ? await complaintAudience(ctx.db, v, c) : null;
  if (!c || !audience) throw notFound(COMPLAINT);
  const photo = (await q.photosOf(ctx.db, c.id)).find((p) => p.id === photoId && (audience !== 'citizen' || p.visitId === null));
  if (!photo) throw notFound({ id: 'Foto', en: 'Photo' });
  await audit(ctx.db, v, { action: 'kemiskinan.photo_view', entity: 'kemiskinan_complaint', entityId: trackingNumber, detail: { photoId }, ip });
  return { data: await ctx.storage.get(photo.fileKey), mime: photo.mime };
}

/** The volunteer's own visits: where to go and what was asked. */
export async function myVisits(ctx: AppContext, v: Viewer, done: boolean) {
  if (v.role !== 'volunteer') throw forbidden();
  const rows = await q.visitsForVolunteer(ctx.db, v.userId, done ? ['done'] : ['assigned']);
  await audit(ctx.db, v, { action: 'kemiskinan.visits_view', entity: 'kemiskinan_visit', entityId: '*', detail: { count: rows.length } });
  return rows.map((r) => ({
    id: r.v.id,
    trackingNumber: r.tn,
    urgent: r.urgent,
    needLabel: needLabel(r.needType),
    headName: r.headName,
    address: r.address,
    rt: r.rt,
    rw: r.rw,
    kelurahanName: r.kelurahanName,
    instruction: r.v.instruction,
    assignedAt: r.v.assignedAt.toISOString(),
    dueAt: r.v.dueAt.toISOString(),
    status: r.v.status,
    visitedAt: r.v.visitedAt?.toISOString() ?? null,
  }));
}

/** An OPD's inbox of referrals from Dinas Sosial: only its own, only what it needs to act. */
export async function opdReferrals(ctx: AppContext, v: Viewer, open: boolean) {
  if (!OPD_ROLES.includes(v.role) || v.opdId === null) throw forbidden();
  const rows = await q.referralsForOpd(ctx.db, v.opdId, open);
  await audit(ctx.db, v, { action: 'kemiskinan.referrals_view', entity: 'kemiskinan_referral', entityId: '*', detail: { count: rows.length } });
  return rows.map((r) => ({
    id: r.r.id,
    trackingNumber: r.tn,
    urgent: r.urgent,
    needLabel: needLabel(r.needType),
    headName: r.headName,
    kelurahanName: r.kelurahanName,
    instruction: r.r.instruction,
    status: r.r.status,
    response: r.r.response,
    createdAt: r.r.createdAt.toISOString(),
    doneAt: r.r.doneAt?.toISOString() ?? null,
  }));
}

/** The complaint a visit assignment belongs to; 404 when there is no such assignment. */
export async function complaintOfVisit(ctx: AppContext, visitId: number): Promise<string> {
  const tn = await q.complaintIdOfVisit(ctx.db, visitId);
  if (!tn) throw new AppError(404, 'not_found', { id: 'Tugas kunjungan tidak ditemukan.', en: 'Visit assignment not found.' });
  return tn;
}

/** A referral to the viewer's own OPD; any other looks as if it did not exist. */
export async function referralToOpd(ctx: AppContext, v: Viewer, referralId: number) {
  const ref = await q.complaintOfReferral(ctx.db, referralId);
  if (!ref || ref.opdId !== v.opdId) throw new AppError(404, 'not_found', { id: 'Rujukan tidak ditemukan.', en: 'Referral not found.' });
  return ref;
}
