/**
 * Demo mode: on first start, a living Kota Dumai — staff at every desk, residents, and each
 * module's demo data (aduan of the last four months in every stage, poverty complaints, …) — all
 * made through the real services. Later starts create nothing and print the same accounts again.
 */
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { users } from '../core/auth/schema.js';
import { mulberry32 } from '../core/demo/random.js';
import { MODULES } from '../modules.js';
import { STAFF, ensureStaff, loadAccounts, newPassword, saveAccounts, staffAccounts, type DemoAccount } from './accounts.js';
import { DEMO_CITIZEN_EMAIL, ensureCitizens } from './citizens.js';

export type { DemoAccount } from './accounts.js';

/** Kota Dumai's region code: the same residents on every first start. */
const SEED = 0x1472;

export async function ensureDemoData(ctx: AppContext): Promise<DemoAccount[]> {
  const file = path.join(ctx.config.dataDir, 'demo-accounts.json');
  const accounts = loadAccounts(file) ?? (await newAccounts(ctx, file));
  const password = (email: string): string => {
    const account = accounts.find((a) => a.email === email);
    if (!account) throw new Error(`${file} has no password for ${email}`);
    return account.password;
  };
  const staffByEmail = await ensureStaff(ctx, STAFF, password);
  const { residents, registeredAt } = await ensureCitizens(ctx, mulberry32(SEED), password(DEMO_CITIZEN_EMAIL));
  for (const m of MODULES) await m.demo?.run?.(ctx, { staff: staffByEmail, residents, registeredAt });
  return accounts;
}

/** Fresh passwords, saved before any account exists so that none is ever created without its password on file. */
async function newAccounts(ctx: AppContext, file: string): Promise<DemoAccount[]> {
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.email, STAFF.map((s) => s.email))).limit(1);
  if (existing) {
    throw new Error(`The demo accounts exist but ${file} with their passwords is gone; remove ${ctx.config.dataDir} to start the demo afresh.`);
  }
  const accounts = [
    ...staffAccounts(STAFF),
    { role: 'citizen', email: DEMO_CITIZEN_EMAIL, password: newPassword(), description: 'Resident (warga): files, follows, confirms and rates aduan' },
  ];
  saveAccounts(file, accounts);
  return accounts;
}
