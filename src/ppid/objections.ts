/**
 * Objections (keberatan) to how a request was handled, and the Komisi Informasi dispute after them.
 * Filing checks the law's windows; every later step goes through the objection lifecycle table and
 * lands on the request's timeline, the audit log and (for a requester with an account) their inbox.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { notifyRequester } from './notify.js';
import { wibDate, wibLongDate } from '../core/calendar/working-days.js';
import { conflict, invalid, notFound } from '../core/errors.js';
import { objectionActorFor } from './access.js';
import { ANSWERED_STATUSES, OPEN_STATUSES } from './lifecycle.js';
import {
  OBJECTION_ACTIONS,
  OBJECTION_DEADLINES,
  OBJECTION_REASON_CODES,
  objectionLifecycle,
  type DisputeOutcome,
  type ObjectionAction,
  type ObjectionActor,
  type ObjectionReason,
  type ObjectionStatus,
} from './objection-lifecycle.js';
import { tokenHashOf } from './intake.js';
import { REQUEST } from './actions.js';
import { fileUrl, objectionNotice } from './messages.js';
import * as q from './queries.js';

const OBJECTION = { id: 'Keberatan', en: 'Objection' };

export interface ObjectionInput {
  reasons: ObjectionReason[];
  statement: string;
}

export interface ObjectionStepInput {
  message?: string | undefined;
  /** file_dispute: the Komisi Informasi's register number. */
  register?: string | undefined;
  /** record_hearing: the hearing's date (YYYY-MM-DD). */
  date?: string | undefined;
  outcome?: DisputeOutcome | undefined;
  /** record_dispute_outcome: a scan of the decision (an upload of the caller's). */
  documentId?: string | undefined;
}

const need = (value: string | undefined, field: string): string => {
  if (!value?.trim()) throw invalid('field_required', `Isian ${field} wajib diisi.`, `The field ${field} is required.`, field);
  return value.trim();
};

async function requestInScope(tx: Db, p: Principal | null, registrationNumber: string, secret: string | undefined) {
  const row = await q.findRequest(tx, registrationNumber, true);
  const withSecret = !!row && !!secret && tokenHashOf(secret) === row.tokenHash;
  const actor = row ? objectionActorFor(p, row, withSecret) : null;
  if (!row || !actor) throw notFound(REQUEST);
  return { row, actor };
}

/**
 * When the reason to object arose: the written notice, or — for a request never answered — the day
 * its answer fell due. Null while nothing has gone wrong yet (still open and on time) or withdrawn.
 */
function reasonArose(row: q.RequestRow, now: Date): Date | null {
  if (ANSWERED_STATUSES.includes(row.status)) return row.answeredAt;
  if (OPEN_STATUSES.includes(row.status) && row.answerDueAt < now) return row.answerDueAt;
  return null;
}

async function record(ctx: AppContext, tx: Db, p: Principal | null, row: q.RequestRow, action: string, from: ObjectionStatus | null, to: ObjectionStatus, message: string | null, detail: Record<string, unknown>, at: Date, notify: boolean) {
  await q.insertEvent(tx, { requestId: row.id, at, actorId: p?.userId ?? null, actorRole: p?.role ?? 'requester', action, fromStatus: from, toStatus: to, publicMessage: message, detail: { objection: true, ...detail } });
  await audit(tx, p, { action: `ppid.objection.${action}`, entity: 'ppid_request', entityId: row.registrationNumber, detail }, at);
  if (notify) await notifyRequester(ctx, tx, row, objectionNotice(row.registrationNumber, to, message), at);
}

/** The requester objects (Pasal 35–36): on at least one reason a–g, within 30 working days of it. */
export async function fileObjection(ctx: AppContext, tx: Db, p: Principal | null, registrationNumber: string, input: ObjectionInput, secret?: string, at = ctx.clock()) {
  const { row, actor } = await requestInScope(tx, p, registrationNumber, secret);
  if (actor !== 'requester') throw notFound(REQUEST);
  const reasons = [...new Set(input.reasons)];
  if (!reasons.length || reasons.some((r) => !OBJECTION_REASON_CODES.includes(r))) {
    throw invalid('objection_reason_required', 'Pilih alasan keberatan Pasal 35 ayat (1) huruf a–g.', 'Choose the Pasal 35(1) reason (letters a–g).', 'reasons');
  }
  if (reasons.includes('a') && !['rejected', 'partially_successful'].includes(row.status)) {
    throw invalid('objection_reason_mismatch', 'Alasan huruf a hanya untuk permohonan yang ditolak berdasarkan Pasal 17.', 'Reason a applies only to a request refused under Pasal 17.', 'reasons');
  }
  if (await q.findObjection(tx, row.id)) throw conflict('objection_exists', 'Keberatan atas permohonan ini sudah diajukan.', 'An objection to this request was already filed.', 'status');
  const arose = reasonArose(row, at);
  if (!arose) {
    throw conflict('objection_not_open', 'Keberatan dapat diajukan setelah ada jawaban atau bila jawaban terlambat.', 'An objection can be filed once the request is answered, or when its answer is overdue.', 'status');
  }
  const lastDay = await ctx.calendar.deadline(tx, arose, OBJECTION_DEADLINES.lodgeWorkingDays);
  if (at > lastDay) {
    throw conflict('objection_too_late', `Batas pengajuan keberatan (30 hari kerja) berakhir ${wibLongDate(lastDay)}.`, `The 30-working-day window to object ended on ${wibDate(lastDay)}.`, 'status');
  }
  const statement = need(input.statement, 'statement');
  await q.insertObjection(tx, { requestId: row.id, reasons, statement, status: 'filed', filedAt: at, answerDueAt: await ctx.calendar.deadline(tx, at, OBJECTION_DEADLINES.answerWorkingDays) });
  await record(ctx, tx, p, row, 'object', null, 'filed', statement, { reasons }, at, false);
}

interface Step {
  ctx: AppContext;
  tx: Db;
  objection: q.ObjectionRow;
  input: ObjectionStepInput;
  actor: ObjectionActor;
  at: Date;
}
interface Effect {
  set: Partial<q.ObjectionRow>;
  message: string | null;
  detail?: Record<string, unknown>;
}

/** The Atasan's answer, with its reasons; from it run the 14 working days to go to the Komisi Informasi (Pasal 37). */
async function decide(s: Step): Promise<Effect> {
  const reason = need(s.input.message, 'message');
  const disputeDueAt = await s.ctx.calendar.deadline(s.tx, s.at, OBJECTION_DEADLINES.disputeWorkingDays);
  const notice = `${reason}\n\nBila tidak puas, Anda dapat mengajukan sengketa informasi ke Komisi Informasi paling lambat ${wibLongDate(disputeDueAt)} (14 hari kerja).`;
  return { set: { decidedAt: s.at, decisionReason: reason, disputeDueAt }, message: notice };
}

const EFFECTS: Record<ObjectionAction, (s: Step) => Promise<Effect>> = {
  uphold: decide,
  dismiss: decide,
  file_dispute: async (s) => {
    const o = s.objection;
    // Without an answer the 14 days run from the day the Atasan's answer fell due.
    const from = o.decidedAt ?? (o.answerDueAt < s.at ? o.answerDueAt : null);
    if (!from) throw conflict('dispute_not_open', 'Sengketa dapat diajukan setelah keberatan dijawab atau bila jawabannya terlambat.', 'A dispute can be filed once the objection is answered, or when its answer is overdue.', 'status');
    const lastDay = o.disputeDueAt ?? (await s.ctx.calendar.deadline(s.tx, from, OBJECTION_DEADLINES.disputeWorkingDays));
    if (s.at > lastDay) throw conflict('dispute_too_late', `Batas pengajuan sengketa (14 hari kerja) berakhir ${wibLongDate(lastDay)}.`, `The 14-working-day window for a dispute ended on ${wibDate(lastDay)}.`, 'status');
    const register = need(s.input.register, 'register');
    return { set: { disputeFiledAt: s.at, disputeRegister: register, disputeDueAt: lastDay }, message: s.input.message?.trim() || null, detail: { register } };
  },
  record_hearing: async (s) => {
    const date = need(s.input.date, 'date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw invalid('date_format', 'Tanggal sidang harus berformat YYYY-MM-DD.', 'The hearing date must be YYYY-MM-DD.', 'date');
    const note = s.input.message?.trim() ?? '';
    const hearings = [...s.objection.hearings, { date, note }].sort((a, b) => a.date.localeCompare(b.date));
    return { set: { hearings }, message: `Sidang Komisi Informasi: ${date}${note ? ` — ${note}` : ''}`, detail: { date } };
  },
  record_dispute_outcome: async (s) => {
    if (!s.input.outcome) throw invalid('field_required', 'Isian outcome wajib diisi.', 'The field outcome is required.', 'outcome');
    const summary = need(s.input.message, 'message');
    const documentId = need(s.input.documentId, 'documentId');
    return { set: { disputeOutcome: s.input.outcome, disputeDecidedAt: s.at, disputeSummary: summary, disputeDecisionId: documentId }, message: summary, detail: { outcome: s.input.outcome } };
  },
};

/** A step on the objection after filing. */
export async function objectionStep(ctx: AppContext, tx: Db, p: Principal | null, registrationNumber: string, action: ObjectionAction, input: ObjectionStepInput, secret?: string, at = ctx.clock()) {
  const { row, actor } = await requestInScope(tx, p, registrationNumber, secret);
  const objection = await q.findObjection(tx, row.id, true);
  if (!objection) throw notFound(OBJECTION);
  const to = objectionLifecycle.next(action, objection.status, actor);
  const effect = await EFFECTS[action]({ ctx, tx, objection, input, actor, at });
  if (effect.set.disputeDecisionId && !(p && (await q.claimDocument(tx, effect.set.disputeDecisionId, p.userId, at)))) {
    throw invalid('unknown_document', 'Dokumen putusan tidak ditemukan atau sudah dipakai.', 'The decision document was not found or is already used.', 'documentId');
  }
  await q.updateObjection(tx, objection.id, { ...effect.set, status: to });
  await record(ctx, tx, p, row, action, objection.status, to, effect.message, effect.detail ?? {}, at, actor !== 'requester');
}

/** For a request with no objection yet: until when the requester may object, while a reason has arisen and the window is open. */
export async function objectionDueAt(ctx: AppContext, row: q.RequestRow, now: Date): Promise<Date | null> {
  const arose = reasonArose(row, now);
  if (!arose) return null;
  const lastDay = await ctx.calendar.deadline(ctx.db, arose, OBJECTION_DEADLINES.lodgeWorkingDays);
  return now <= lastDay ? lastDay : null;
}

/** The objection as the request's audience sees it, with the actions the caller may take now; `secret`: the requester's valid secret link. */
export async function objectionView(ctx: AppContext, p: Principal | null, row: q.RequestRow, secret: string | undefined) {
  const o = await q.findObjection(ctx.db, row.id);
  const actor = objectionActorFor(p, row, !!secret);
  if (!o) return null;
  return {
    status: o.status,
    reasons: o.reasons,
    statement: o.statement,
    filedAt: o.filedAt.toISOString(),
    answerDueAt: o.answerDueAt.toISOString(),
    decidedAt: o.decidedAt?.toISOString() ?? null,
    decisionReason: o.decisionReason,
    disputeDueAt: o.disputeDueAt?.toISOString() ?? null,
    dispute: o.disputeFiledAt
      ? {
          filedAt: o.disputeFiledAt.toISOString(),
          register: o.disputeRegister,
          hearings: o.hearings,
          outcome: o.disputeOutcome,
          decidedAt: o.disputeDecidedAt?.toISOString() ?? null,
          summary: o.disputeSummary,
          decisionUrl: o.disputeDecisionId ? fileUrl(row.registrationNumber, `documents/${o.disputeDecisionId}`, secret) : null,
        }
      : null,
    // A dispute over an undecided objection waits until the Atasan's answer is overdue.
    allowedActions: actor ? OBJECTION_ACTIONS.filter((a) => objectionLifecycle.can(a, o.status, actor) && (a !== 'file_dispute' || o.status !== 'filed' || o.answerDueAt < ctx.clock())) : [],
  };
}

/** The Atasan PPID's (and the PPID Utama's, the auditor's) list of objections, undecided first. */
export async function listObjections(ctx: AppContext, query: { limit: number; offset: number }) {
  const { rows, total } = await q.listObjections(ctx.db, query);
  const opds = await q.opdNames(ctx.db);
  const now = ctx.clock();
  return {
    items: rows.map((r) => ({
      registrationNumber: r.registrationNumber,
      information: r.information,
      opd: r.opdId === null ? null : (opds.get(r.opdId) ?? null),
      status: r.objection.status,
      reasons: r.objection.reasons,
      filedAt: r.objection.filedAt.toISOString(),
      answerDueAt: r.objection.answerDueAt.toISOString(),
      overdue: r.objection.status === 'filed' && r.objection.answerDueAt <= now,
    })),
    total,
  };
}
