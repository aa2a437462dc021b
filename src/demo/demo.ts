/**
 * Demo mode: on first start, a living Kota Dumai — staff at every desk, residents, and a few
 * hundred aduan of the last four months in every stage of the lifecycle — all made through the
 * real services. Later starts create nothing and print the same accounts again.
 */
import path from 'node:path';
import { asc, inArray } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import { holidays, roads } from '../core/reference/schema.js';
import { users } from '../core/auth/schema.js';
import { reports } from '../aduan/schema.js';
import { STAFF, ensureStaff, loadAccounts, newPassword, saveAccounts, staffAccounts, type DemoAccount } from './accounts.js';
import { DEMO_CITIZEN_EMAIL, ensureCitizens } from './citizens.js';
import { loadKelurahan } from './places.js';
import { planReports } from './plan.js';
import { mulberry32 } from './random.js';
import { replay, type Cast } from './replay.js';
import { FATE_QUOTAS } from './stories.js';
import { ensureKemiskinanDemo } from '../kemiskinan/demo.js';

export type { DemoAccount } from './accounts.js';

/** Kota Dumai's region code: the same residents and reports on every first start. */
const SEED = 0x1472;
const REPORT_COUNT = Object.values(FATE_QUOTAS).reduce((a, b) => a + b, 0);

export async function ensureDemoData(ctx: AppContext): Promise<DemoAccount[]> {
  const file = path.join(ctx.config.dataDir, 'demo-accounts.json');
  const accounts = loadAccounts(file) ?? (await newAccounts(ctx, file));
  const password = (email: string): string => {
    const account = accounts.find((a) => a.email === email);
    if (!account) throw new Error(`${file} has no password for ${email}`);
    return account.password;
  };
  const crew = await ensureStaff(ctx, password);
  const { residents, registeredAt } = await ensureCitizens(ctx, mulberry32(SEED), password(DEMO_CITIZEN_EMAIL));
  await ensureReports(ctx, { crew, residents }, registeredAt);
  await ensureKemiskinanDemo(ctx);
  return accounts;
}

/** Fresh passwords, saved before any account exists so that none is ever created without its password on file. */
async function newAccounts(ctx: AppContext, file: string): Promise<DemoAccount[]> {
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.email, STAFF.map((s) => s.email))).limit(1);
  if (existing) {
    throw new Error(`The demo accounts exist but ${file} with their passwords is gone; remove ${ctx.config.dataDir} to start the demo afresh.`);
  }
  const accounts = [
    ...staffAccounts(),
    { role: 'citizen', email: DEMO_CITIZEN_EMAIL, password: newPassword(), description: 'Resident (warga): files, follows, confirms and rates aduan' },
  ];
  saveAccounts(file, accounts);
  return accounts;
}

/**
 * Files the planned reports not filed yet. The plan is anchored at the demo citizen's registration,
 * not at the clock, so a start that was interrupted continues the very same plan.
 */
async function ensureReports(ctx: AppContext, cast: Cast, anchor: Date): Promise<void> {
  const filed = (
    await ctx.db
      .select({ trackingNumber: reports.trackingNumber })
      .from(reports)
      .where(inArray(reports.reporterId, cast.residents.map((r) => r.userId)))
      .orderBy(asc(reports.id))
  ).map((r) => r.trackingNumber);
  if (filed.length >= REPORT_COUNT) return;

  const plans = planReports({
    now: anchor,
    rand: mulberry32(SEED + 1),
    kelurahan: await loadKelurahan(ctx.db),
    roads: await ctx.db.select({ id: roads.id, name: roads.name, status: roads.status }).from(roads),
    calendar: {
      holidays: new Set((await ctx.db.select({ date: holidays.date }).from(holidays)).map((h) => h.date)),
      autoCloseWorkingDays: ctx.config.autoCloseWorkingDays,
    },
    residents: cast.residents.length,
  });
  const tracking = new Map(filed.map((trackingNumber, i) => [plans[i]!.key, trackingNumber]));
  for (const plan of plans.slice(filed.length)) tracking.set(plan.key, await replay(ctx, plan, cast, tracking));
}
