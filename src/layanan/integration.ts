/**
 * The incoming API an OPD's own system uses with its key (api-keys.ts): its services' filed
 * applications, changed since a moment; a step taken through `act` — the same lifecycle table and
 * step rules as the desk —; and the issued document posted back, through the document pipeline
 * (a PDF rewritten without scripts or attachments) and then signed and registered with its QR code
 * like a rendered one. Every command is idempotent per key (`Idempotency-Key`).
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { AppError } from '../core/errors.js';
import { audit } from '../core/audit/audit.js';
import { idempotent } from '../core/idempotency/idempotency.js';
import { issuingInTransaction } from '../core/signing/index.js';
import { processDocument } from '../core/files/document.js';
import { MAX_UPLOAD_BYTES } from '../core/files/limits.js';
import { act, type ActionInput } from './actions.js';
import type { ApplicationAction } from './lifecycle.js';
import { applicationFacts } from './webhooks.js';
import * as q from './queries.js';

export type KeyCaller = Principal & { keyId: number };

/** The actions an OPD's system takes: the desk's (the applicant's stay the applicant's). */
export const KEY_ACTIONS = ['pass', 'request_correction', 'approve', 'reject', 'comment'] as const satisfies readonly ApplicationAction[];

/** The OPD's filed applications changed after `since`, oldest change first (page on with the last one's `updatedAt`). */
export async function changedForKey(ctx: AppContext, p: KeyCaller, since: Date | undefined, limit: number) {
  const rows = await q.changedApplications(ctx.db, p.opdId!, since, limit);
  return { items: rows.map((r) => ({ ...applicationFacts(r.application, { code: r.serviceCode }, r.steps), applicantName: r.application.applicantName })) };
}

async function stepByKey(ctx: AppContext, p: KeyCaller, number: string, action: ApplicationAction, input: ActionInput, idempotencyKey: string | undefined, request: unknown) {
  return issuingInTransaction(ctx, () => idempotent(ctx.db, `layanan-key:${p.keyId}`, idempotencyKey, request, async (tx) => {
    const at = ctx.clock();
    await act(ctx, tx, p, number, action, input, at);
    await audit(tx, p, { action: 'layanan.api_step', entity: 'layanan_application', entityId: number, detail: { action, apiKey: p.keyId } }, at);
    const row = (await q.findApplication(tx, number))!;
    const version = (await q.versionById(tx, row.versionId))!;
    const service = (await q.serviceById(tx, row.serviceId))!;
    return { status: 200, body: applicationFacts(row, service, version.steps) };
  }));
}

export const stepForKey = (ctx: AppContext, p: KeyCaller, number: string, action: (typeof KEY_ACTIONS)[number], input: ActionInput, idempotencyKey: string | undefined) =>
  stepByKey(ctx, p, number, action, input, idempotencyKey, { number, action, input });

/** The issuance step with the OPD system's own document: a PDF only, cleaned, then signed. */
export async function issueForKey(ctx: AppContext, p: KeyCaller, number: string, raw: Buffer, filename: string, idempotencyKey: string | undefined) {
  const doc = await processDocument(raw, filename, { maxBytes: MAX_UPLOAD_BYTES });
  if (doc.mime !== 'application/pdf') throw new AppError(415, 'file_kind', { id: 'Dokumen terbit harus PDF.', en: 'The issued document must be a PDF.' }, { field: 'file' });
  const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
  return stepByKey(ctx, p, number, 'issue', { document: doc.data }, idempotencyKey, { number, action: 'issue', sha256 });
}
