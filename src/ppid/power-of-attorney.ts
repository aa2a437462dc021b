/**
 * The power of attorney of a request filed for someone else. It follows the filing — from the
 * requester (by account or secret link, so no account is needed) or from the desk that entered the
 * request — as a PDF or a phone photo of the signed letter, kept as a PDF. Until it is there the PPID
 * Utama cannot verify the request; a newer one replaces the old until the request is verified.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { conflict, notFound } from '../core/errors.js';
import { storeScan } from '../core/files/store-document.js';
import { actorFor } from './access.js';
import type { RequestStatus } from './lifecycle.js';
import { tokenHashOf } from './intake.js';
import { REQUEST } from './actions.js';
import * as q from './queries.js';

/** The completeness check reads the power of attorney: it may come, or change, only before it. */
export const BEFORE_VERIFICATION: readonly RequestStatus[] = ['submitted', 'clarification_needed'];

export async function uploadPowerOfAttorney(ctx: AppContext, p: Principal | null, registrationNumber: string, secret: string | undefined, raw: Buffer, filename: string, at = ctx.clock()): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await q.findRequest(tx, registrationNumber, true);
    const withSecret = !!row && !!secret && tokenHashOf(secret) === row.tokenHash;
    if (!row || !actorFor(p, row, withSecret)) throw notFound(REQUEST);
    if (!row.onBehalfOf) {
      throw conflict('not_on_behalf', 'Permohonan ini tidak diajukan atas nama orang lain.', 'This request was not filed for someone else.', 'onBehalfOf');
    }
    if (!BEFORE_VERIFICATION.includes(row.status)) {
      throw conflict('power_of_attorney_locked', 'Permohonan ini sudah diverifikasi; surat kuasanya tidak dapat diubah lagi.', 'This request has been verified; its power of attorney can no longer change.', 'status');
    }
    const doc = await storeScan(ctx, tx, p?.userId ?? null, raw, filename, { at, papersOnly: true });
    await q.setPowerOfAttorney(tx, row, doc.id, at);
    await q.insertEvent(tx, {
      requestId: row.id,
      at,
      actorId: p?.userId ?? null,
      actorRole: p?.role ?? 'requester',
      action: 'power_of_attorney',
      fromStatus: row.status,
      toStatus: row.status,
      publicMessage: row.powerOfAttorneyId ? 'Surat kuasa diganti.' : 'Surat kuasa diunggah.',
      detail: { documentId: doc.id },
    });
    await audit(tx, p, { action: 'ppid.power_of_attorney', entity: 'ppid_request', entityId: registrationNumber, detail: { documentId: doc.id } }, at);
  });
}
