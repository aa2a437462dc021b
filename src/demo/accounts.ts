/**
 * The demo's staff: one account per desk a newcomer should try, declared by each module
 * (`demo.staff` in its registration). Passwords are random per installation (a demo reachable on a
 * network must not open with a published password) and kept in `<dataDir>/demo-accounts.json`,
 * readable by the owner only, so later starts can print them again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { createStaff } from '../core/auth/service.js';
import { users } from '../core/auth/schema.js';
import { opds } from '../core/reference/schema.js';
import type { DemoStaff } from '../core/module.js';

import { MODULES } from '../modules.js';

export { DEMO_DOMAIN } from '../core/module.js';

/** Every registered module's demo staff. */
export const STAFF: readonly DemoStaff[] = MODULES.flatMap((m) => m.demo?.staff ?? []);

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  description: string;
}

export const newPassword = (): string => crypto.randomBytes(12).toString('base64url');

export function loadAccounts(file: string): DemoAccount[] | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccount[];
}

/** Through a rename: a crash mid-write never leaves a truncated file. */
export function saveAccounts(file: string, accounts: DemoAccount[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Creates the staff accounts that do not exist yet (`password` gives each one's from the accounts
 * file) and returns a look-up of every one of them by e-mail address.
 */
export async function ensureStaff(ctx: AppContext, staff: readonly DemoStaff[], password: (email: string) => string): Promise<(email: string) => Principal> {
  const opdIds = new Map((await ctx.db.select({ id: opds.id, code: opds.code }).from(opds)).map((o) => [o.code, o.id]));
  const emails = staff.map((s) => s.email);
  const existing = new Set((await ctx.db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => u.email));
  for (const s of staff.filter((x) => !existing.has(x.email))) {
    const opdId = s.opd === null ? null : opdIds.get(s.opd);
    if (opdId === undefined) throw new Error(`demo staff ${s.email} names unknown OPD ${s.opd}`);
    await createStaff(ctx, { fullName: s.fullName, email: s.email, role: s.role, opdId, password: password(s.email) });
  }
  const rows = await ctx.db
    .select({ userId: users.id, role: users.role, opdId: users.opdId, fullName: users.fullName, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const byEmail = new Map(rows.map(({ email, ...p }) => [email, p satisfies Principal]));
  return (email) => {
    const p = byEmail.get(email);
    if (!p) throw new Error(`demo staff ${email} missing`);
    return p;
  };
}

export const staffAccounts = (staff: readonly DemoStaff[]): DemoAccount[] =>
  staff.map((s) => ({ role: s.role, email: s.email, password: newPassword(), description: s.description }));
