/**
 * Outgoing webhooks per service: the OPD admin of the service's OPD sets a URL and a secret; each
 * event of an application (submitted, step changed, correction requested, approved, rejected,
 * issued, withdrawn) writes a delivery row in the same transaction as the step (an outbox: a step
 * rolled back sends nothing, a committed one is delivered even if the server dies right after);
 * webhook-delivery.ts posts it. The payload names the application, its step and deadline and the
 * applicant's NIK masked — never the NIK or the answer: the OPD's system reads the rest through the
 * incoming API with its own key.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { notFound } from '../core/errors.js';
import { checkWebhookUrl } from './webhook-address.js';
import type { ApplicationAction, ApplicationStatus } from './lifecycle.js';
import { SERVICE } from './messages.js';
import * as q from './queries.js';

/** The event an action sends; a comment sends none. */
export const WEBHOOK_EVENTS: Partial<Record<ApplicationAction, string>> = {
  submit: 'application.submitted',
  pass: 'application.step_changed',
  resubmit: 'application.step_changed',
  request_correction: 'application.correction_requested',
  approve: 'application.approved',
  reject: 'application.rejected',
  issue: 'application.issued',
  withdraw: 'application.withdrawn',
};

type Facts = Pick<q.ApplicationRow, 'number' | 'status' | 'stepIndex' | 'stepDueAt' | 'dueAt' | 'channel' | 'nikMasked' | 'submittedAt' | 'updatedAt' | 'documentNumber'>;

/** What both the webhook and the incoming API say of an application: no NIK in clear, no answer. */
export function applicationFacts(row: Facts, service: { code: string }, steps: q.VersionRow['steps']) {
  const step = row.status === 'draft' ? null : steps[row.stepIndex];
  return {
    number: row.number,
    service: service.code,
    status: row.status as ApplicationStatus,
    step: step ? { key: step.key, kind: step.kind, dueAt: row.stepDueAt?.toISOString() ?? null } : null,
    dueAt: row.dueAt?.toISOString() ?? null,
    channel: row.channel,
    nikMasked: row.nikMasked,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    documentNumber: row.documentNumber,
  };
}

/** The delivery an action's event makes (none for a comment), as the step leaves the application. */
export function deliveryOf(action: ApplicationAction, row: Facts, service: { id: number; code: string }, steps: q.VersionRow['steps'], at: Date): q.DeliveryValues | undefined {
  const event = WEBHOOK_EVENTS[action];
  if (!event) return undefined;
  const body = JSON.stringify({ event, at: at.toISOString(), application: applicationFacts(row, service, steps) });
  return { serviceId: service.id, applicationNumber: row.number, event, body, at };
}

/** Writes the event's delivery in the step's transaction, when the service has an active webhook. */
export async function recordEvent(tx: Db, action: ApplicationAction, row: q.ApplicationRow, service: q.Service, steps: q.VersionRow['steps'], at: Date): Promise<void> {
  const delivery = deliveryOf(action, row, service, steps, at);
  if (delivery) await q.insertDelivery(tx, delivery);
}

/** The service, when the caller is an OPD admin of its OPD; anyone else learns nothing of it. */
async function ownService(db: Db, p: Principal, code: string): Promise<q.Service> {
  const service = await q.serviceByCode(db, code);
  if (!service || p.role !== 'opd_admin' || p.opdId !== service.opdId) throw notFound(SERVICE);
  return service;
}

export interface WebhookInput {
  url: string;
  secret: string;
  active?: boolean | undefined;
}

export async function setWebhook(ctx: AppContext, p: Principal, code: string, input: WebhookInput): Promise<void> {
  const at = ctx.clock();
  const url = await checkWebhookUrl(input.url.trim(), ctx.config.layanan.webhookAllowPrivate);
  await ctx.db.transaction(async (tx) => {
    const service = await ownService(tx, p, code);
    await q.putWebhook(tx, { serviceId: service.id, url, secretEncrypted: ctx.cipher.encrypt(input.secret), active: input.active ?? true, updatedAt: at, updatedById: p.userId });
    await audit(tx, p, { action: 'layanan.webhook.set', entity: 'layanan_service', entityId: code, detail: { url, active: input.active ?? true } }, at);
  });
}

export async function removeWebhook(ctx: AppContext, p: Principal, code: string): Promise<void> {
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const service = await ownService(tx, p, code);
    if (await q.deleteWebhook(tx, service.id)) await audit(tx, p, { action: 'layanan.webhook.remove', entity: 'layanan_service', entityId: code }, at);
  });
}

/** The webhook (its secret never shown again) and its latest deliveries, for the service's own OPD admin. */
export async function webhookLog(ctx: AppContext, p: Principal, code: string, limit: number) {
  const service = await ownService(ctx.db, p, code);
  const hook = await q.webhookOf(ctx.db, service.id);
  const deliveries = await q.deliveriesOf(ctx.db, service.id, limit);
  return {
    webhook: hook ? { url: hook.url, active: hook.active, updatedAt: hook.updatedAt.toISOString() } : null,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      event: d.event,
      application: d.applicationNumber,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  };
}
