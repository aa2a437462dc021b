/**
 * An OPD admin manages the officers of their own OPD: list, add with a temporary password,
 * deactivate (cannot log in, every session ends) and reactivate. The super admin may do the same
 * for any OPD. Accounts outside the caller's OPD answer 404, like every other scope refusal.
 */
import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { audit } from '../audit/audit.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { opds } from '../reference/schema.js';
import { OPD_ROLES, type Principal } from './principal.js';
import { createStaff } from './service.js';
import { revokeAllSessions } from './sessions.js';
import { forgetPrincipals } from './principal-cache.js';
import { users } from './schema.js';

const OFFICER = { id: 'Petugas', en: 'Officer' };

/** The OPD the caller manages: an OPD admin's own; the super admin names one. */
async function managedOpd(db: Db, p: Principal, opdCode: string | undefined): Promise<number> {
  if (p.role === 'opd_admin' && p.opdId !== null) return p.opdId;
  if (p.role !== 'super_admin') throw forbidden();
  if (!opdCode) throw invalid('field_required', 'Pilih OPD.', 'Choose an agency (OPD).', 'opd');
  const [opd] = await db.select({ id: opds.id }).from(opds).where(eq(opds.code, opdCode));
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'opd');
  return opd.id;
}

const columns = { id: users.id, fullName: users.fullName, email: users.email, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt };
const toView = (u: { id: string; fullName: string; email: string | null; role: string; createdAt: Date; deactivatedAt: Date | null }) => ({
  id: u.id,
  fullName: u.fullName,
  email: u.email,
  role: u.role,
  active: u.deactivatedAt === null,
  createdAt: u.createdAt.toISOString(),
});

export async function listOfficers(ctx: AppContext, p: Principal, opdCode?: string) {
  const opdId = await managedOpd(ctx.db, p, opdCode);
  const rows = await ctx.db
    .select(columns)
    .from(users)
    .where(and(eq(users.opdId, opdId), inArray(users.role, [...OPD_ROLES])))
    .orderBy(asc(users.fullName));
  return rows.map(toView);
}

export async function addOfficer(ctx: AppContext, p: Principal, input: { fullName: string; email: string; opdCode?: string | undefined }) {
  const opdId = await managedOpd(ctx.db, p, input.opdCode);
  // Shown once to the admin, who hands it over; the officer changes it with PUT /auth/password.
  const temporaryPassword = crypto.randomBytes(9).toString('base64url');
  const user = await createStaff(ctx, { fullName: input.fullName.trim(), email: input.email, role: 'opd_officer', opdId, password: temporaryPassword, passwordChangeRequired: true }, p);
  return { officer: toView(user), temporaryPassword };
}

/** Deactivating ends every session at once; reactivating lets the same account log in again. */
export async function setOfficerActive(ctx: AppContext, p: Principal, userId: string, active: boolean) {
  // An OPD admin manages the officers of their OPD; its admins are the super admin's to manage.
  let scope;
  if (p.role === 'super_admin') scope = inArray(users.role, [...OPD_ROLES]);
  else if (p.role === 'opd_admin' && p.opdId !== null) scope = and(eq(users.role, 'opd_officer'), eq(users.opdId, p.opdId));
  else throw forbidden();
  const now = ctx.clock();
  const officer = await ctx.db.transaction(async (tx) => {
    const [target] = await tx.select(columns).from(users).where(and(eq(users.id, userId), scope)).for('update');
    if (!target || target.id === p.userId) throw notFound(OFFICER);
    const [row] = await tx
      .update(users)
      .set(active ? { deactivatedAt: null, failedLogins: 0, lockedUntil: null } : { deactivatedAt: target.deactivatedAt ?? now })
      .where(eq(users.id, userId))
      .returning(columns);
    if (!active) await revokeAllSessions(tx, userId);
    await audit(tx, p, { action: active ? 'user.reactivate' : 'user.deactivate', entity: 'user', entityId: userId }, now);
    return toView(row!);
  });
  if (!active) forgetPrincipals({ userId });
  return officer;
}
