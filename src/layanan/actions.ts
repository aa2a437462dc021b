/**
 * Every step on an application after filing goes through `act`: it locks the application, asks
 * the lifecycle table whether the caller may take the step now and whether the step the
 * application is at is of the right kind, applies the step's effect, and writes the timeline
 * event, the audit line, the applicant's notice and the service's webhook delivery in the same
 * transaction.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { enqueue, enqueueEmail } from '../core/notifications/outbox.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import { actorsFor, audienceFor } from './access.js';
import { checkComplete } from './applications.js';
import { issueOutput } from './output.js';
import { recordEvent } from './webhooks.js';
import type { ProcessStep } from './form/definition.js';
import { TRANSITIONS, lifecycle, stepTakes, type Actor, type ApplicationAction } from './lifecycle.js';
import { APPLICATION, statusNotice } from './messages.js';
import * as q from './queries.js';

export interface ActionInput {
  message?: string | undefined;
  /** request_correction: the requirements to upload again, and the fields to answer again. */
  requirements?: string[] | undefined;
  fields?: string[] | undefined;
  /** comment: shown to the applicant (otherwise an internal note). */
  public?: boolean | undefined;
  /** issue: the document the OPD's own system made (the incoming API), already through the document pipeline. */
  document?: Buffer | undefined;
}

interface Step {
  ctx: AppContext;
  tx: Db;
  row: q.ApplicationRow;
  version: q.VersionRow;
  service: q.Service;
  step: ProcessStep;
  input: ActionInput;
  at: Date;
}

interface Effect {
  set?: Partial<q.ApplicationRow>;
  publicMessage?: string | null;
  internalNote?: string | null;
  detail?: Record<string, unknown>;
}

const need = (value: string | undefined, field: string): string => {
  if (!value?.trim()) throw invalid('field_required', `Isian ${field} wajib diisi.`, `The field ${field} is required.`, field);
  return value.trim();
};

/** Entering step `index`: its deadline runs from now. */
async function enter(s: Step, index: number): Promise<Partial<q.ApplicationRow>> {
  const next = s.version.steps[index]!;
  return { stepIndex: index, stepDueAt: await s.ctx.calendar.deadline(s.tx, s.at, next.workingDays) };
}

const optional = (s: Step) => s.input.message?.trim() || null;

const EFFECTS: Record<ApplicationAction, (s: Step) => Promise<Effect>> = {
  submit: async (s) => {
    await checkComplete(s.ctx, s.tx, s.row, s.version, s.at);
    return { set: { ...(await enter(s, 0)), submittedAt: s.at, dueAt: await s.ctx.calendar.deadline(s.tx, s.at, s.service.standardDays) } };
  },
  pass: async (s) => ({ set: await enter(s, s.row.stepIndex + 1), publicMessage: optional(s), detail: { to: s.version.steps[s.row.stepIndex + 1]!.key } }),
  approve: async (s) => ({ set: { ...(await enter(s, s.row.stepIndex + 1)), decidedAt: s.at }, publicMessage: optional(s) }),
  reject: async (s) => ({ set: { stepDueAt: null, decidedAt: s.at }, publicMessage: need(s.input.message, 'message') }),
  request_correction: async (s) => {
    const note = need(s.input.message, 'message');
    const keys = new Set([...s.version.requirements.map((r) => r.key), ...s.version.form.fields.filter((f) => f.type === 'file').map((f) => f.key)]);
    const fields = new Set(s.version.form.fields.filter((f) => f.type !== 'file').map((f) => f.key));
    const requirements = [...new Set(s.input.requirements ?? [])];
    const named = [...new Set(s.input.fields ?? [])];
    const bad = requirements.find((k) => !keys.has(k));
    if (bad !== undefined) throw invalid('unknown_requirement', `Persyaratan "${bad}" tidak ada pada layanan ini.`, `The requirement "${bad}" is not part of this service.`, 'requirements');
    const badField = named.find((k) => !fields.has(k));
    if (badField !== undefined) throw invalid('unknown_field', `Isian "${badField}" tidak ada pada formulir.`, `The field "${badField}" is not on the form.`, 'fields');
    // The documents found wanting: each must be replaced before the application goes back.
    const stale = (await q.filesOf(s.tx, s.row.id)).filter((f) => requirements.includes(f.key)).map((f) => f.id);
    return { set: { stepDueAt: null, correction: { note, requirements, fields: named, at: s.at.toISOString(), stale } }, publicMessage: note, detail: { requirements, fields: named } };
  },
  resubmit: async (s) => {
    const asked = s.row.correction;
    if (asked) {
      const current = new Map((await q.filesOf(s.tx, s.row.id)).map((f) => [f.key, f.id]));
      const stale = asked.requirements.find((k) => !current.has(k) || asked.stale.includes(current.get(k)!));
      if (stale !== undefined) {
        throw invalid('correction_file_missing', 'Unggah ulang berkas yang diminta untuk diperbaiki.', 'Upload again the file asked to be corrected.', `requirements.${stale}`);
      }
    }
    await checkComplete(s.ctx, s.tx, s.row, s.version, s.at);
    // A corrected application counts as received complete anew: the step and the service's time run from now.
    return {
      set: { ...(await enter(s, s.row.stepIndex)), correction: null, dueAt: await s.ctx.calendar.deadline(s.tx, s.at, s.service.standardDays) },
      publicMessage: optional(s),
    };
  },
  issue: async (s) => {
    const signed = await issueOutput(s.ctx, s.tx, s, s.input.document);
    return {
      set: { stepDueAt: null, issuedAt: s.at, signedDocumentId: signed.id, documentNumber: signed.documentNumber },
      publicMessage: optional(s),
      detail: { documentNumber: signed.documentNumber, sha256: signed.sha256 },
    };
  },
  withdraw: async (s) => ({ set: { stepDueAt: null, correction: null }, publicMessage: optional(s) }),
  comment: async (s) => {
    const text = need(s.input.message, 'message');
    return s.input.public ? { publicMessage: text } : { internalNote: text };
  },
};

/** The application, its version and service, and the part the caller may play in `action`; 404 for anyone with no part in it. */
export async function loadForAction(tx: Db, p: Principal, number: string, action: ApplicationAction, lock: boolean) {
  const row = await q.findApplication(tx, number, lock);
  const version = row ? await q.versionById(tx, row.versionId) : undefined;
  const service = row ? await q.serviceById(tx, row.serviceId) : undefined;
  if (!row || !version || !service) throw notFound(APPLICATION);
  const step = version.steps[row.stepIndex]!;
  const actors = actorsFor(p, { ...row, step });
  if (!actors.length) {
    // Those who may see it learn they may not act; nobody else learns it exists.
    if (audienceFor(p, row)) throw forbidden();
    throw notFound(APPLICATION);
  }
  // The part that may take the action now; else the part that takes it at all (a 409 for the status, not a 403).
  const by: readonly Actor[] = TRANSITIONS[action].by;
  const actor: Actor = actors.find((a) => lifecycle.can(action, row.status, a)) ?? actors.find((a) => by.includes(a)) ?? actors[0]!;
  return { row, version, service, step, actor };
}

/** The step the application is at must take the action. */
function checkStep(action: ApplicationAction, step: ProcessStep) {
  if (!stepTakes(action, step.kind)) {
    throw conflict('wrong_step', `Langkah saat ini (${step.name.id}) tidak mengenal tindakan ini.`, `The current step (${step.name.en}) does not take this action.`, 'action');
  }
}

/** Takes one step on an application, in the caller's transaction. */
export async function act(ctx: AppContext, tx: Db, p: Principal, number: string, action: ApplicationAction, input: ActionInput, at = ctx.clock()): Promise<void> {
  const { row, version, service, step, actor } = await loadForAction(tx, p, number, action, true);
  const to = lifecycle.next(action, row.status, actor);
  checkStep(action, step);
  const effect = await EFFECTS[action]({ ctx, tx, row, version, service, step, input, at });
  const changed = { ...effect.set, status: to, updatedAt: at };
  await q.updateApplication(tx, row.id, changed);
  await recordEvent(tx, action, { ...row, ...changed }, service, version.steps, at);
  await q.insertEvent(tx, {
    applicationId: row.id,
    stepKey: row.status === 'draft' ? null : step.key,
    at,
    actorId: p.userId,
    actorRole: p.role,
    action,
    fromStatus: row.status,
    toStatus: to,
    publicMessage: effect.publicMessage ?? null,
    internalNote: effect.internalNote ?? null,
    detail: effect.detail ?? null,
  });
  await audit(tx, p, { action: `layanan.${action}`, entity: 'layanan_application', entityId: number, detail: { step: step.key, ...effect.detail } }, at);
  if (actor === 'handler' && (to !== row.status || effect.publicMessage)) {
    const notice = statusNotice(number, to, effect.publicMessage ?? null);
    const email = !!ctx.config.smtp;
    if (row.applicantId) await enqueue(tx, [row.applicantId], notice, { email, at });
    else if (email && row.email) await enqueueEmail(tx, row.email, notice, { at });
  }
}
