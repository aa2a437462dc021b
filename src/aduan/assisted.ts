/**
 * Assisted intake: an officer or volunteer files for a resident who came to the counter, called, or
 * was met in the field (as kemiskinan allows). The report records who assisted; the resident is its
 * reporter — their own account when the number or address given is one, else the contact details —
 * and hears of every step as any reporter does.
 */
import type { Static } from 'typebox';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import { normalizePhone } from '../core/auth/service.js';
import { AppError, invalid } from '../core/errors.js';
import { reachOf } from '../core/notifications/reach.js';
import type { AssistedInputSchema } from './api-schemas.js';
import { submitReport } from './intake.js';
import * as q from './queries.js';

/** Staff who take reports for residents: the triage desk, OPD staff, kelurahan operators and volunteers. */
export const ASSISTING_ROLES: readonly Role[] = ['super_admin', 'triage_admin', 'opd_admin', 'opd_officer', 'kelurahan_operator', 'volunteer'];

export type AssistedInput = Static<typeof AssistedInputSchema>;

export async function fileAssisted(ctx: AppContext, tx: Db, officer: Principal, input: AssistedInput) {
  const { resident, ...report } = input;
  if (!resident.phone?.trim() && !resident.email?.trim()) {
    throw invalid(
      'resident_contact_required',
      'Isi nomor HP atau email warga agar ia menerima kabar laporannya.',
      "Give the resident's mobile number or email so they hear of their report.",
      'resident.phone',
    );
  }
  let phone: string | undefined;
  try {
    phone = resident.phone?.trim() ? normalizePhone(resident.phone) : undefined;
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.status, err.code, err.messages, { field: 'resident.phone' });
    throw err;
  }
  const email = resident.email?.trim().toLowerCase() || undefined;
  const account = await q.citizenByContact(tx, phone, email);
  const contact = { name: resident.name.trim(), ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
  const row = await submitReport(ctx, tx, { kind: 'assisted', principal: officer, resident: account ? { userId: account } : { contact } }, report);
  const reached = account ? 'account' : (reachOf(ctx.config, contact)?.channel ?? 'none');
  return { trackingNumber: row.trackingNumber, status: row.status, residentReached: reached } as const;
}
