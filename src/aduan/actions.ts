/**
 * Every step of a report after intake goes through `act`: it locks the report, asks the lifecycle
 * table whether the step is allowed for this actor, applies the step's effect, and writes the
 * timeline event, audit line and notifications in the same transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { enqueue } from '../core/notifications/outbox.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { dispositions, reports } from './schema.js';
import { nextStatus, type OutsideAuthority, type ReportAction, type ReportStatus } from './lifecycle.js';
import { actorFor, audienceFor, type ScopeFacts } from './access.js';
import { statusNotice } from './messages.js';
import { contactOfReport, notifyContact } from './contact-notices.js';
import * as q from './queries.js';

export interface ActionInput {
  /** Public reply or reason: the citizen sees it. */
  message?: string | undefined;
  /** Internal note: staff only, never the citizen. */
  note?: string | undefined;
  postponeUntil?: string | undefined;
  opdCodes?: string[] | undefined;
  opdCode?: string | undefined;
  instruction?: string | undefined;
  targetTrackingNumber?: string | undefined;
  outside?: Omit<OutsideAuthority, 'reason'> | undefined;
  photoIds?: string[] | undefined;
  rating?: number | undefined;
  comment?: string | undefined;
}

export const REPORT = { id: 'Laporan', en: 'Report' };

interface Step {
  ctx: AppContext;
  tx: Db;
  report: q.ReportRow;
  disps: Awaited<ReturnType<typeof q.dispositionsOf>>;
  principal: Principal | null;
  input: ActionInput;
  at: Date;
}

interface Effect {
  set?: Partial<typeof reports.$inferInsert>;
  detail?: Record<string, unknown>;
  /** OPDs whose staff are told (a new disposition, a forward). */
  tellOpdIds?: number[];
  photoIds?: string[];
}

const need = (value: string | undefined, field: keyof ActionInput): string => {
  if (!value?.trim()) throw invalid('field_required', 'Wajib diisi untuk tindakan ini.', 'Required for this action.', field);
  return value.trim();
};

const activeDisps = (s: Step) => s.disps.filter((d) => d.d.status === 'active');
/** The acting OPD's own live disposition; actorFor already proved there is one. */
const ownDisp = (s: Step) => activeDisps(s).find((d) => d.d.opdId === s.principal?.opdId)!;

async function resolveOpds(s: Step, codes: string[], field: keyof ActionInput) {
  const unique = [...new Set(codes)];
  const found = await q.opdsByCodes(s.tx, unique);
  if (found.length !== unique.length || !unique.length) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', field);
  return unique.map((c) => found.find((o) => o.code === c)!);
}

async function newDispositions(s: Step, opdIds: number[], role: 'lead' | 'co') {
  const due = await s.ctx.calendar.deadline(s.tx, s.at, s.ctx.config.sla.followUpWorkingDays);
  const already = new Set(activeDisps(s).map((d) => d.d.opdId));
  if (opdIds.some((id) => already.has(id))) {
    throw invalid('opd_already_handling', 'OPD ini sudah menangani laporan ini.', 'This agency is already handling the report.', 'opdCode');
  }
  await q.insertDispositions(
    s.tx,
    opdIds.map((opdId, i) => ({
      reportId: s.report.id,
      reportCreatedAt: s.report.createdAt,
      opdId,
      role: i === 0 ? role : ('co' as const),
      instruction: s.input.instruction?.trim() || null,
      createdAt: s.at,
      createdBy: s.principal?.userId ?? null,
      followUpDueAt: due,
    })),
  );
  return due;
}

const setDisps = (s: Step, ids: number[], values: Partial<typeof dispositions.$inferInsert>) => q.updateDispositions(s.tx, ids, values);

const EFFECTS: Record<ReportAction, (s: Step) => Promise<Effect>> = {
  verify: async (s) => ({ set: { verifiedAt: s.at, postponedUntil: null } }),
  postpone: async (s) => {
    need(s.input.message, 'message');
    const until = need(s.input.postponeUntil, 'postponeUntil');
    if (until <= wibDate(s.at)) throw invalid('date_not_future', 'Tanggal harus setelah hari ini.', 'The date must be after today.', 'postponeUntil');
    // Verification is due again at the end of the day triage promised to look again.
    return { set: { postponedUntil: until, verifyDueAt: new Date(`${until}T23:59:59.999+07:00`) } };
  },
  reject: async (s) => (need(s.input.message, 'message'), {}),
  archive: async () => ({}),
  outside_authority: async (s) => {
    const reason = need(s.input.message, 'message');
    if (!s.input.outside) throw invalid('field_required', 'Wajib diisi untuk tindakan ini.', 'Required for this action.', 'outside');
    return { set: { outsideAuthority: { ...s.input.outside, reason } }, detail: { ...s.input.outside } };
  },
  merge: async (s) => {
    const target = await q.findReport(s.tx, need(s.input.targetTrackingNumber, 'targetTrackingNumber'), true);
    if (!target || target.id === s.report.id || ['merged', 'withdrawn', 'rejected', 'archived'].includes(target.status)) {
      throw invalid('invalid_merge_target', 'Laporan tujuan tidak dapat digabung.', 'The target report cannot take a merge.', 'targetTrackingNumber');
    }
    // Both reporters follow the surviving report, and the duplicate's followers come along.
    const followers = [...(await q.followersOf(s.tx, s.report.id)), ...(s.report.reporterId ? [s.report.reporterId] : [])];
    await q.addFollowers(s.tx, target.id, followers.filter((id) => id !== target.reporterId));
    await q.insertEvent(s.tx, {
      reportId: target.id,
      at: s.at,
      actorId: s.principal?.userId ?? null,
      actorRole: s.principal?.role ?? 'system',
      action: 'comment',
      publicMessage: `Laporan serupa ${s.report.trackingNumber} digabungkan ke laporan ini.`,
      detail: { mergedFrom: s.report.trackingNumber },
    });
    return { set: { mergedIntoId: target.id }, detail: { into: target.trackingNumber } };
  },
  disposition: async (s) => {
    const opdList = await resolveOpds(s, s.input.opdCodes ?? [], 'opdCodes');
    const due = await newDispositions(s, opdList.map((o) => o.id), 'lead');
    const category = await q.categoryById(s.tx, s.report.categoryId);
    return {
      set: {
        verifiedAt: s.report.verifiedAt ?? s.at,
        dispositionedAt: s.report.dispositionedAt ?? s.at,
        followUpDueAt: due,
        resolveDueAt: s.report.resolveDueAt ?? (await s.ctx.calendar.deadline(s.tx, s.at, category?.resolveWorkingDays ?? 14)),
      },
      detail: { opds: opdList.map((o) => o.code) },
      tellOpdIds: opdList.map((o) => o.id),
    };
  },
  accept: async (s) => {
    await setDisps(s, [ownDisp(s).d.id], { acceptedAt: s.at });
    return {};
  },
  follow_up: async (s) => {
    if (!s.input.message?.trim() && !s.input.note?.trim()) need(undefined, 'message');
    const own = ownDisp(s).d;
    await setDisps(s, [own.id], { acceptedAt: own.acceptedAt ?? s.at, firstFollowUpAt: own.firstFollowUpAt ?? s.at });
    return { set: { firstFollowUpAt: s.report.firstFollowUpAt ?? s.at }, photoIds: s.input.photoIds ?? [] };
  },
  return_to_triage: async (s) => {
    need(s.input.note, 'note');
    await setDisps(s, [ownDisp(s).d.id], { status: 'returned', doneAt: s.at });
    return {};
  },
  forward: async (s) => {
    need(s.input.note, 'note');
    const [target] = await resolveOpds(s, s.input.opdCode ? [s.input.opdCode] : [], 'opdCode');
    const own = ownDisp(s).d;
    await setDisps(s, [own.id], { status: 'forwarded', doneAt: s.at });
    await newDispositions(s, [target!.id], own.role);
    return { detail: { from: s.principal?.opdId, to: target!.code }, tellOpdIds: [target!.id] };
  },
  add_co_handler: async (s) => {
    const [target] = await resolveOpds(s, s.input.opdCode ? [s.input.opdCode] : [], 'opdCode');
    await newDispositions(s, [target!.id], 'co');
    return { detail: { coHandler: target!.code }, tellOpdIds: [target!.id] };
  },
  resolve: async (s) => {
    need(s.input.message, 'message');
    await setDisps(s, activeDisps(s).map((d) => d.d.id), { status: 'done', doneAt: s.at });
    return {
      set: { resolvedAt: s.at, autoCloseAt: await s.ctx.calendar.deadline(s.tx, s.at, s.ctx.config.autoCloseWorkingDays) },
      photoIds: s.input.photoIds ?? [],
    };
  },
  confirm: async (s) => ({ set: { closedAt: s.at, autoCloseAt: null, ...rating(s) } }),
  reopen: async (s) => {
    need(s.input.message, 'message');
    // The OPDs that closed their part take it up again, with a fresh follow-up deadline.
    const finished = s.disps.filter((d) => d.d.status === 'done' && d.d.doneAt?.getTime() === s.report.resolvedAt?.getTime());
    const due = await s.ctx.calendar.deadline(s.tx, s.at, s.ctx.config.sla.followUpWorkingDays);
    await setDisps(s, finished.map((d) => d.d.id), { status: 'active', doneAt: null, followUpDueAt: due, overdueNotifiedAt: null });
    return { set: { resolvedAt: null, autoCloseAt: null, followUpDueAt: due }, tellOpdIds: finished.map((d) => d.d.opdId) };
  },
  auto_close: async (s) => {
    if (!s.report.autoCloseAt || s.report.autoCloseAt > s.at) {
      throw conflict('not_due', 'Laporan belum waktunya ditutup otomatis.', 'The report is not yet due to close by itself.', 'autoCloseAt');
    }
    return { set: { closedAt: s.at, autoCloseAt: null } };
  },
  withdraw: async () => ({}),
  rate: async (s) => {
    if (s.report.rating !== null) {
      throw new AppError(409, 'already_rated', { id: 'Laporan ini sudah dinilai.', en: 'This report has already been rated.' }, { field: 'rating' });
    }
    return { set: { ...rating(s), ...(s.report.status === 'resolved' ? { closedAt: s.at, autoCloseAt: null } : {}) } };
  },
  comment: async (s) => {
    if (!s.input.message?.trim() && !s.input.note?.trim()) need(undefined, 'note');
    return {};
  },
};

function rating(s: Step): Partial<typeof reports.$inferInsert> {
  if (s.input.rating === undefined) return {};
  if (!Number.isInteger(s.input.rating) || s.input.rating < 1 || s.input.rating > 5) {
    throw invalid('rating_range', 'Nilai harus 1 sampai 5.', 'Rating must be 1 to 5.', 'rating');
  }
  return { rating: s.input.rating, ratingComment: s.input.comment?.trim() || null };
}

export async function scopeFacts(tx: Db, report: q.ReportRow, disps: Step['disps']): Promise<ScopeFacts> {
  return factsOf(report, disps, await q.followersOf(tx, report.id));
}

export function factsOf(report: q.ReportRow, disps: Step['disps'], followerIds: readonly string[]): ScopeFacts {
  return {
    reporterId: report.reporterId,
    followerIds,
    status: report.status,
    confidential: report.confidential,
    anonymous: report.anonymous,
    dispositionOpdIds: disps.map((d) => d.d.opdId),
    activeOpdIds: disps.filter((d) => d.d.status === 'active').map((d) => d.d.opdId),
  };
}

/** Apply one lifecycle action. `principal` null means the system (SLA sweep). */
export async function act(
  ctx: AppContext,
  tx: Db,
  principal: Principal | null,
  trackingNumber: string,
  action: ReportAction,
  input: ActionInput,
  at = ctx.clock(),
): Promise<q.ReportRow> {
  const report = await q.findReport(tx, trackingNumber, true);
  if (!report) throw notFound(REPORT);
  const disps = await q.dispositionsOf(tx, report.id);
  const facts = await scopeFacts(tx, report, disps);
  let actor: ReturnType<typeof actorFor> = 'system';
  if (principal) {
    if (!audienceFor(principal, facts)) throw notFound(REPORT);
    actor = actorFor(principal, facts);
    if (!actor) throw forbidden();
  }
  const stillHandling = principal?.opdId != null && facts.activeOpdIds.some((id) => id !== principal.opdId);
  const to: ReportStatus = nextStatus(action, report.status, actor, stillHandling);

  const step: Step = { ctx, tx, report, disps, principal, input, at };
  const effect = await EFFECTS[action](step);
  const publicMessage = input.message?.trim() || null;
  const eventId = await q.insertEvent(tx, {
    reportId: report.id,
    at,
    actorId: principal?.userId ?? null,
    actorRole: principal?.role ?? 'system',
    actorOpdId: principal?.opdId ?? null,
    action,
    fromStatus: report.status,
    toStatus: to,
    publicMessage,
    internalNote: input.note?.trim() || null,
    detail: effect.detail ?? null,
  });
  await q.updateReport(tx, report.id, { ...effect.set, status: to, updatedAt: at });
  if (effect.photoIds?.length) {
    const ok = await q.attachPhotos(tx, { reportId: report.id, ownerId: principal!.userId, uploadIds: effect.photoIds, kind: 'evidence', eventId, at });
    if (!ok) throw invalid('unknown_photo', 'Foto tidak ditemukan atau sudah dipakai.', 'Photo not found or already used.', 'photoIds');
  }
  await audit(tx, principal, { action: `report.${action}`, entity: 'report', entityId: trackingNumber, detail: { from: report.status, to } }, at);

  const email = !!ctx.config.smtp;
  if (to !== report.status || publicMessage) {
    const citizens = [...facts.followerIds, ...(report.reporterId ? [report.reporterId] : [])].filter((id) => id !== principal?.userId);
    await enqueue(tx, citizens, statusNotice(trackingNumber, to, publicMessage), { email, at });
    if (!report.reporterId && report.externalReporter) {
      await notifyContact(ctx, tx, contactOfReport(ctx, report.externalReporter), report.channel, statusNotice(trackingNumber, to, publicMessage), at);
    }
  }
  if (effect.tellOpdIds?.length) {
    const staff = (await q.staffOfOpds(tx, effect.tellOpdIds)).filter((id) => id !== principal?.userId);
    await enqueue(
      tx,
      staff,
      {
        title: { id: `Disposisi baru: ${trackingNumber}`, en: `New disposition: ${trackingNumber}` },
        body: { id: report.title, en: report.title },
        link: `/staf/laporan/${trackingNumber}`,
      },
      { email, at },
    );
  }
  return { ...report, ...effect.set, status: to, updatedAt: at } as q.ReportRow;
}
