/**
 * Every step of a request after filing goes through `act`: it locks the request, asks the lifecycle
 * table whether the caller may take the step now, applies the step's effect and writes the
 * timeline event, audit line and the requester's notice in the same transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { notifyRequester } from './notify.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import { actorFor } from './access.js';
import { DEADLINES, EXEMPTION_CODES, lifecycle, type Exemption, type RequestAction } from './lifecycle.js';
import { tokenHashOf } from './intake.js';
import { statusNotice } from './messages.js';
import * as q from './queries.js';

export const REQUEST = { id: 'Permohonan', en: 'Request' };

export interface ActionInput {
  message?: string | undefined;
  opdCode?: string | undefined;
  /** clarify: the request restated. */
  information?: string | undefined;
  exemptions?: Exemption[] | undefined;
  consequenceTest?: string | undefined;
  heldBy?: string | undefined;
  costRupiah?: number | undefined;
  /** comment: shown to the requester (otherwise an internal note). */
  public?: boolean | undefined;
  /** An answer's documents (POST /uploads/documents), attached in this order. */
  documentIds?: string[] | undefined;
  /** Granted in part: what was blacked out, each with its Pasal 17 letter. */
  redactions?: { part: string; exemption: Exemption }[] | undefined;
}

interface Step {
  ctx: AppContext;
  tx: Db;
  row: q.RequestRow;
  input: ActionInput;
  at: Date;
}

interface Effect {
  set?: Partial<q.RequestRow>;
  publicMessage?: string | null;
  internalNote?: string | null;
  detail?: Record<string, unknown>;
  documentIds?: readonly string[];
}

const need = (value: string | undefined, field: string): string => {
  if (!value?.trim()) throw invalid('field_required', `Isian ${field} wajib diisi.`, `The field ${field} is required.`, field);
  return value.trim();
};

async function opdIdOf(s: Step): Promise<number> {
  const opd = await q.opdByCode(s.tx, need(s.input.opdCode, 'opdCode'));
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'opdCode');
  return opd.id;
}

/** A refusal (in full or in part) names its Pasal 17 grounds and the consequence test behind them. */
function exemptionGrounds(s: Step) {
  const codes = [...new Set(s.input.exemptions ?? [])];
  if (!codes.length || codes.some((c) => !EXEMPTION_CODES.includes(c))) {
    throw invalid('exemption_required', 'Sebutkan dasar pengecualian Pasal 17 (huruf a–j).', 'Name the Pasal 17 exemption (letters a–j).', 'exemptions');
  }
  return { exemptions: codes, consequenceTest: need(s.input.consequenceTest, 'consequenceTest') };
}

const answered = (s: Step, extra: Partial<q.RequestRow> = {}): Effect => {
  const notice = need(s.input.message, 'message');
  return { set: { answeredAt: s.at, notice, costRupiah: s.input.costRupiah ?? null, ...extra }, publicMessage: notice, documentIds: s.input.documentIds ?? [] };
};

/** Each redaction names a letter the partial grant itself relies on. */
function redactions(s: Step, exemptions: readonly Exemption[]) {
  const list = (s.input.redactions ?? []).map((r) => ({ part: r.part.trim(), exemption: r.exemption }));
  if (list.some((r) => !r.part || !exemptions.includes(r.exemption))) {
    throw invalid('redaction_ground', 'Setiap bagian yang dihitamkan harus menyebut salah satu dasar pengecualian yang dipakai.', 'Each redaction must name one of the exemptions relied on.', 'redactions');
  }
  return list.length ? list : null;
}

const EFFECTS: Record<RequestAction, (s: Step) => Promise<Effect>> = {
  verify: async (s) => {
    // Filing for someone else is complete only with their power of attorney (Perki 1/2021 Pasal 4).
    if (s.row.onBehalfOf && !s.row.powerOfAttorneyId) {
      throw conflict('power_of_attorney_missing', 'Surat kuasa belum diunggah: minta pemohon melengkapinya.', 'The power of attorney has not been uploaded: ask the requester to complete the request.', 'powerOfAttorney');
    }
    return s.input.opdCode ? { set: { opdId: await opdIdOf(s) }, detail: { opdCode: s.input.opdCode } } : {};
  },
  ask_clarification: async (s) => ({ publicMessage: need(s.input.message, 'message') }),
  // A clarified request counts as received anew: its deadlines run from now.
  clarify: async (s) => ({
    set: {
      information: need(s.input.information, 'information'),
      receivedAt: s.at,
      verifyDueAt: await s.ctx.calendar.deadline(s.tx, s.at, DEADLINES.verifyWorkingDays),
      answerDueAt: await s.ctx.calendar.deadline(s.tx, s.at, DEADLINES.answerWorkingDays),
    },
    publicMessage: s.input.message?.trim() || null,
  }),
  route: async (s) => ({ set: { opdId: await opdIdOf(s) }, internalNote: s.input.message?.trim() || null, detail: { opdCode: s.input.opdCode } }),
  return_to_utama: async (s) => ({ set: { opdId: null }, internalNote: need(s.input.message, 'message') }),
  // One extension of at most 7 working days, with a written reason sent to the requester (Pasal 22 ayat 8).
  extend: async (s) => {
    if (s.row.extendedAt) throw conflict('already_extended', 'Jangka waktu permohonan ini sudah pernah diperpanjang.', 'This request’s deadline was already extended once.', 'status');
    const reason = need(s.input.message, 'message');
    return {
      set: { extendedAt: s.at, extensionReason: reason, answerDueAt: await s.ctx.calendar.deadline(s.tx, s.row.answerDueAt, DEADLINES.extensionWorkingDays) },
      publicMessage: reason,
    };
  },
  grant: async (s) => answered(s),
  grant_partly: async (s) => {
    const grounds = exemptionGrounds(s);
    return answered(s, { ...grounds, redactions: redactions(s, grounds.exemptions) });
  },
  refuse: async (s) => answered(s, exemptionGrounds(s)),
  not_held: async (s) => answered(s, { heldBy: s.input.heldBy?.trim() || null }),
  withdraw: async (s) => ({ publicMessage: s.input.message?.trim() || null }),
  comment: async (s) => {
    const text = need(s.input.message, 'message');
    return s.input.public ? { publicMessage: text } : { internalNote: text };
  },
};

/**
 * Takes one step on a request. `secret`: the request's secret link, for a requester without an
 * account. A caller with no part in the request gets 404, as if it did not exist.
 */
export async function act(ctx: AppContext, tx: Db, p: Principal | null, registrationNumber: string, action: RequestAction, input: ActionInput, secret?: string, at = ctx.clock()) {
  const row = await q.findRequest(tx, registrationNumber, true);
  const withSecret = !!row && !!secret && tokenHashOf(secret) === row.tokenHash;
  const actor = row ? actorFor(p, row, withSecret) : null;
  if (!row || !actor) {
    if (row && p && ['atasan_ppid', 'auditor'].includes(p.role)) throw forbidden();
    throw notFound(REQUEST);
  }
  const to = lifecycle.next(action, row.status, actor);
  const effect = await EFFECTS[action]({ ctx, tx, row, input, at });
  await q.updateRequest(tx, row.id, { ...effect.set, status: to, updatedAt: at });
  await q.insertEvent(tx, {
    requestId: row.id,
    at,
    actorId: p?.userId ?? null,
    actorRole: p?.role ?? 'requester',
    action,
    fromStatus: row.status,
    toStatus: to,
    publicMessage: effect.publicMessage ?? null,
    internalNote: effect.internalNote ?? null,
    detail: effect.detail ?? null,
  });
  if (effect.documentIds?.length && !(await q.attachAnswerDocuments(tx, row.id, effect.documentIds, p!.userId, at))) {
    throw invalid('unknown_document', 'Dokumen tidak ditemukan atau sudah dipakai.', 'Document not found or already used.', 'documentIds');
  }
  await audit(tx, p, { action: `ppid.${action}`, entity: 'ppid_request', entityId: registrationNumber, detail: effect.detail }, at);
  if ((to !== row.status || effect.publicMessage) && actor !== 'requester') {
    const attachments = effect.documentIds?.length ? (await q.answerDocuments(tx, row.id)).map(({ fileKey, name, mime }) => ({ fileKey, name, mime })) : [];
    await notifyRequester(ctx, tx, row, statusNotice(registrationNumber, to, effect.publicMessage ?? null), at, attachments);
  }
}
