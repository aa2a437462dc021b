/**
 * Every step after intake goes through `act`, as in the aduan module: lock the complaint, ask the
 * lifecycle table whether this actor may take the step from this status, apply its effect, and
 * write the timeline event, audit line and notifications in the same transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { audit } from '../core/audit/audit.js';
import { enqueue, type Notice } from '../core/notifications/outbox.js';
import { forbidden, invalid, notFound } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import type { VisitChecklist } from './schema.js';
import { actorFor, audienceFor, type ComplaintFacts, type Viewer } from './access.js';
import { nextStatus, sectionFor, type ComplaintAction, type ComplaintStatus, type Programme, type Section } from './lifecycle.js';
import { SECTION_LABELS, statusNotice } from './messages.js';
import { handlingDue, verifyDue, visitDue } from './sla.js';
import * as q from './queries.js';

export const COMPLAINT = { id: 'Pengaduan', en: 'Complaint' };

export interface VisitRecord {
  visitedAt: string;
  lat: number;
  lng: number;
  accuracyM?: number | undefined;
  checklist: VisitChecklist;
  recommendation: 'assist' | 'refer' | 'not_eligible';
  notes?: string | undefined;
}

export interface ActionInput {
  /** Public: the citizen reads it. */
  message?: string | undefined;
  /** Internal note: staff only. */
  note?: string | undefined;
  section?: Section | undefined;
  volunteerId?: string | undefined;
  visitId?: number | undefined;
  visit?: VisitRecord | undefined;
  photoIds?: string[] | undefined;
  assistance?: { programme: Programme; amount?: number | undefined; goods?: string | undefined; givenOn: string; givenBy: string } | undefined;
  opdCode?: string | undefined;
  instruction?: string | undefined;
  referralId?: number | undefined;
  deliberationId?: number | undefined;
  period?: string | undefined;
}

interface Step {
  ctx: AppContext;
  tx: Db;
  c: q.ComplaintRow;
  viewer: Viewer | null;
  input: ActionInput;
  at: Date;
}

interface Effect {
  set?: Partial<q.ComplaintRow>;
  detail?: Record<string, unknown>;
  /** A public line written for the citizen when the actor gave none. */
  defaultMessage?: string;
  tell?: { userIds?: string[]; section?: Section; desk?: boolean; opdIds?: number[]; notice: Notice };
  visitId?: number;
}

const need = <T>(value: T | undefined | null, field: string): T => {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    throw invalid('field_required', 'Wajib diisi untuk tindakan ini.', 'Required for this action.', field);
  }
  return value;
};

const firstAction = (s: Step): Partial<q.ComplaintRow> => ({ firstActionAt: s.c.firstActionAt ?? s.at });
const handled = (s: Step): Partial<q.ComplaintRow> => ({ ...firstAction(s), handledAt: s.c.handledAt ?? s.at });
const link = (s: Step) => `/kemiskinan/pengaduan/${s.c.trackingNumber}`;

const EFFECTS: Record<ComplaintAction, (s: Step) => Promise<Effect>> = {
  route: async (s) => {
    const section = s.input.section ?? sectionFor(s.c.needCategory, s.c.needType);
    return {
      set: { section, routedAt: s.at, ...(await handlingDue(s.ctx, s.tx, s.at, s.c.urgent)) },
      detail: { section },
      defaultMessage: `Pengaduan diverifikasi dan diteruskan ke ${SECTION_LABELS[section].id} Dinas Sosial.`,
      tell: { section, notice: { title: { id: `Pengaduan untuk seksi: ${s.c.trackingNumber}`, en: `Complaint for your section: ${s.c.trackingNumber}` }, body: { id: s.c.urgent ? 'DARURAT' : 'Mohon ditindaklanjuti.', en: s.c.urgent ? 'EMERGENCY' : 'Please act on it.' }, link: link(s) } },
    };
  },
  return_to_desk: async (s) => {
    need(s.input.note, 'note');
    return { set: { section: null, verifyDueAt: await verifyDue(s.ctx, s.tx, s.at, s.c.urgent) }, tell: { desk: true, notice: { title: { id: `Dikembalikan seksi: ${s.c.trackingNumber}`, en: `Returned by a section: ${s.c.trackingNumber}` }, body: { id: s.input.note!, en: s.input.note! }, link: link(s) } } };
  },
  assign_visit: async (s) => {
    const volunteerId = need(s.input.volunteerId, 'volunteerId');
    const volunteer = await q.userById(s.tx, volunteerId);
    if (!volunteer || volunteer.role !== 'volunteer' || volunteer.deletedAt) {
      throw invalid('not_a_volunteer', 'Pilih relawan pendamping yang terdaftar.', 'Choose a registered volunteer.', 'volunteerId');
    }
    // A new assignment replaces visits not yet made.
    const open = (await q.visitsOf(s.tx, s.c.id)).filter(({ v }) => v.status === 'assigned');
    await q.updateVisits(s.tx, open.map(({ v }) => v.id), { status: 'cancelled' });
    const visit = await q.insertVisit(s.tx, {
      complaintId: s.c.id,
      volunteerId,
      assignedById: s.viewer?.userId ?? null,
      assignedAt: s.at,
      dueAt: await visitDue(s.ctx, s.tx, s.at, s.c.urgent),
      instruction: s.input.instruction?.trim() || null,
    });
    return {
      set: firstAction(s),
      detail: { visitId: visit.id, volunteerId },
      defaultMessage: 'Relawan pendamping Dinas Sosial akan berkunjung ke rumah Anda.',
      tell: { userIds: [volunteerId], notice: { title: { id: `Tugas kunjungan: ${s.c.trackingNumber}`, en: `Visit assignment: ${s.c.trackingNumber}` }, body: { id: s.c.urgent ? 'DARURAT — segera kunjungi.' : 'Kunjungi rumah keluarga ini.', en: s.c.urgent ? 'EMERGENCY — visit now.' : 'Visit this household.' }, link: '/kemiskinan/kunjungan' } },
    };
  },
  record_visit: async (s) => {
    const rec = need(s.input.visit, 'visit');
    const visit = (await q.visitsOf(s.tx, s.c.id)).find(({ v }) => v.id === s.input.visitId && v.volunteerId === s.viewer?.userId && v.status === 'assigned');
    if (!visit) throw notFound({ id: 'Tugas kunjungan', en: 'Visit assignment' });
    const visitedAt = new Date(rec.visitedAt);
    // Recorded offline and sent later: the visit cannot be after now nor before it was assigned.
    if (visitedAt > s.at || visitedAt < visit.v.assignedAt) {
      throw invalid('visit_time', 'Waktu kunjungan tidak wajar.', 'The visit time is not plausible.', 'visit.visitedAt');
    }
    await q.updateVisits(s.tx, [visit.v.id], {
      status: 'done',
      visitedAt,
      recordedAt: s.at,
      lat: rec.lat,
      lng: rec.lng,
      accuracyM: rec.accuracyM ?? null,
      checklist: rec.checklist,
      recommendation: rec.recommendation,
      notes: rec.notes?.trim() || null,
    });
    return {
      detail: { visitId: visit.v.id, recommendation: rec.recommendation },
      visitId: visit.v.id,
      tell: { section: s.c.section ?? undefined, notice: { title: { id: `Hasil kunjungan: ${s.c.trackingNumber}`, en: `Visit recorded: ${s.c.trackingNumber}` }, body: { id: `Rekomendasi relawan: ${rec.recommendation}`, en: `Volunteer recommends: ${rec.recommendation}` }, link: link(s) } },
    };
  },
  assist: async (s) => {
    const a = need(s.input.assistance, 'assistance');
    if (a.givenOn > wibDate(s.at)) throw invalid('date_future', 'Tanggal tidak boleh di masa depan.', 'The date cannot be in the future.', 'assistance.givenOn');
    if (a.amount === undefined && !a.goods?.trim()) throw invalid('amount_or_goods', 'Isi jumlah uang atau barang yang diberikan.', 'Give the amount or the goods.', 'assistance.amount');
    await q.insertAssistance(s.tx, { complaintId: s.c.id, programme: a.programme, amount: a.amount ?? null, goods: a.goods?.trim() || null, givenOn: a.givenOn, givenBy: a.givenBy.trim(), recordedById: s.viewer?.userId ?? null, recordedAt: s.at });
    const what = a.amount !== undefined ? `Rp${a.amount.toLocaleString('id-ID')}` : a.goods!.trim();
    return { set: handled(s), detail: { programme: a.programme }, defaultMessage: `Bantuan ${a.programme} (${what}) diberikan pada ${a.givenOn} oleh ${a.givenBy.trim()}.` };
  },
  refer: async (s) => {
    const opd = await q.opdByCode(s.tx, need(s.input.opdCode, 'opdCode'));
    if (!opd || opd.code === 'DINSOS') throw invalid('unknown_opd', 'OPD tujuan tidak dikenal.', 'Unknown agency (OPD).', 'opdCode');
    const instruction = need(s.input.instruction, 'instruction').trim();
    await q.insertReferral(s.tx, { complaintId: s.c.id, opdId: opd.id, instruction, createdAt: s.at, createdById: s.viewer?.userId ?? null });
    return {
      set: handled(s),
      detail: { opd: opd.code },
      defaultMessage: `Pengaduan dirujuk ke ${opd.name} untuk ditindaklanjuti.`,
      tell: { opdIds: [opd.id], notice: { title: { id: `Rujukan Dinas Sosial: ${s.c.trackingNumber}`, en: `Referral from Dinas Sosial: ${s.c.trackingNumber}` }, body: { id: instruction, en: instruction }, link: '/kemiskinan/rujukan' } },
    };
  },
  referral_done: async (s) => {
    const message = need(s.input.message, 'message');
    const ref = await q.findReferral(s.tx, need(s.input.referralId, 'referralId'), true);
    if (!ref || ref.complaintId !== s.c.id || ref.opdId !== s.viewer?.opdId) throw notFound({ id: 'Rujukan', en: 'Referral' });
    if (ref.status === 'done') throw invalid('referral_done', 'Rujukan ini sudah ditindaklanjuti.', 'This referral was already answered.', 'referralId');
    await q.updateReferral(s.tx, ref.id, { status: 'done', response: message.trim(), doneAt: s.at });
    return { detail: { referralId: ref.id }, tell: { section: s.c.section ?? undefined, notice: { title: { id: `Rujukan dijawab: ${s.c.trackingNumber}`, en: `Referral answered: ${s.c.trackingNumber}` }, body: { id: message, en: message }, link: link(s) } } };
  },
  refuse: async (s) => (need(s.input.message, 'message'), { set: { closedAt: s.at } }),
  propose: async (s) => ({ detail: { deliberationId: s.input.deliberationId }, defaultMessage: 'Musyawarah kelurahan mengusulkan keluarga ini untuk masuk DTSEN.' }),
  not_propose: async (s) => (need(s.input.message, 'message'), { detail: { deliberationId: s.input.deliberationId }, set: { closedAt: s.at } }),
  register_match: async (s) => {
    const hh = await q.householdById(s.tx, s.c.householdId);
    const people = await q.membersOf(s.tx, s.c.householdId);
    const hit = await q.matchRegister(s.tx, people.map((m) => m.nikHash), hh!.kkHash);
    if (!hit) throw invalid('not_registered', 'Keluarga ini belum tercantum di DTSEN.', 'This household is not in the register yet.', 'status');
    return {
      set: { registered: true, registerPeriod: hit.period, registerDecile: hit.decile, registerProgrammes: hit.programmes, verifyDueAt: await verifyDue(s.ctx, s.tx, s.at, s.c.urgent) },
      detail: { period: hit.period },
      defaultMessage: `Keluarga ini sudah tercantum di DTSEN periode ${hit.period}; pengaduan diteruskan ke Dinas Sosial.`,
      tell: { desk: true, notice: { title: { id: `Terdaftar DTSEN: ${s.c.trackingNumber}`, en: `Now registered: ${s.c.trackingNumber}` }, body: { id: 'Menunggu verifikasi.', en: 'Awaiting verification.' }, link: link(s) } },
    };
  },
  take_emergency: async (s) => {
    if (!s.c.urgent) throw invalid('not_urgent', 'Hanya pengaduan darurat yang dapat diambil sebelum terdaftar DTSEN.', 'Only an emergency can be taken in before the household is registered.', 'status');
    return { set: { verifyDueAt: await verifyDue(s.ctx, s.tx, s.at, true) }, defaultMessage: 'Keadaan darurat: Dinas Sosial menangani pengaduan ini sambil menunggu usulan DTSEN.' };
  },
  withdraw: async (s) => ({ set: { closedAt: s.at } }),
  comment: async (s) => {
    if (!s.input.message?.trim() && !s.input.note?.trim()) need(undefined, 'note');
    return {};
  },
};

export async function complaintFacts(tx: Db, c: q.ComplaintRow): Promise<ComplaintFacts> {
  const [vs, refs] = [await q.visitsOf(tx, c.id), await q.referralsOf(tx, c.id)];
  return {
    section: c.section,
    kelurahanCode: c.kelurahanCode,
    citizenId: c.citizenId,
    openVisitVolunteerIds: vs.filter(({ v }) => v.status === 'assigned').map(({ v }) => v.volunteerId),
    activeReferralOpdIds: refs.filter(({ r }) => r.status === 'sent').map(({ r }) => r.opdId),
  };
}

/** Apply one lifecycle action. `viewer` null is the system (a newer register import). */
export async function act(ctx: AppContext, tx: Db, viewer: Viewer | null, trackingNumber: string, action: ComplaintAction, input: ActionInput, at = ctx.clock()) {
  const c = await q.findComplaint(tx, trackingNumber, true);
  if (!c) throw notFound(COMPLAINT);
  const facts = await complaintFacts(tx, c);
  let actor: ReturnType<typeof actorFor> = 'system';
  if (viewer) {
    actor = actorFor(viewer, facts);
    // An OPD with a referral, or a citizen, is not an audience of the household but may act here.
    if (!actor && !audienceFor(viewer, await q.householdFacts(tx, c.householdId))) throw notFound(COMPLAINT);
    if (!actor) throw forbidden();
  }
  const to: ComplaintStatus = nextStatus(action, c.status, actor);
  const step: Step = { ctx, tx, c, viewer, input, at };
  const effect = await EFFECTS[action](step);
  const publicMessage = input.message?.trim() || (to !== c.status || action === 'assist' ? effect.defaultMessage : undefined) || null;
  await q.insertEvent(tx, {
    complaintId: c.id,
    at,
    actorId: viewer?.userId ?? null,
    actorRole: viewer?.role ?? 'system',
    action,
    fromStatus: c.status,
    toStatus: to,
    publicMessage,
    internalNote: input.note?.trim() || null,
    detail: effect.detail ?? null,
  });
  await q.updateComplaint(tx, c.id, { ...effect.set, status: to, updatedAt: at, ...(to !== c.status ? { overdueNotifiedAt: null } : {}) });
  if (input.photoIds?.length && !(await q.attachPhotos(tx, { complaintId: c.id, visitId: effect.visitId, ownerId: viewer!.userId, uploadIds: input.photoIds, at }))) {
    throw invalid('unknown_photo', 'Foto tidak ditemukan atau sudah dipakai.', 'Photo not found or already used.', 'photoIds');
  }
  await audit(tx, viewer, { action: `kemiskinan.${action}`, entity: 'kemiskinan_complaint', entityId: trackingNumber, detail: { from: c.status, to, ...effect.detail } }, at);

  const email = !!ctx.config.smtp;
  if (c.citizenId && c.citizenId !== viewer?.userId && (to !== c.status || publicMessage)) {
    await enqueue(tx, [c.citizenId], statusNotice(trackingNumber, to, publicMessage), { email, at });
  }
  if (effect.tell) {
    const t = effect.tell;
    const ids = [...(t.userIds ?? []), ...(await q.staffToTell(tx, { desk: t.desk, section: t.section, opdIds: t.opdIds }))].filter((id) => id !== viewer?.userId);
    await enqueue(tx, ids, t.notice, { email, at });
  }
  return { ...c, ...effect.set, status: to, updatedAt: at } as q.ComplaintRow;
}
