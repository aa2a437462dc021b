import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { count, eq, max } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { reportEvents, reports } from '../aduan/schema.js';
import { PUBLIC_STATUSES, REPORT_STATUSES } from '../aduan/lifecycle.js';
import { users } from '../core/auth/schema.js';
import { holidays, roads } from '../core/reference/schema.js';
import { ensureDemoData, type DemoAccount } from './demo.js';
import { loadKelurahan } from '../aduan/demo/places.js';
import { planReports } from '../aduan/demo/plan.js';
import { mulberry32 } from '../core/demo/random.js';

describeEachDatabase('demo mode: a living city on first start', (h) => {
  let accounts: DemoAccount[];
  beforeAll(async () => {
    accounts = await ensureDemoData(h().ctx);
  });

  const login = async (role: string) => {
    const account = accounts.find((a) => a.role === role)!;
    const res = await h().call('POST', '/api/v1/auth/login', { body: { identifier: account.email, password: account.password } });
    expect(res.status).toBe(200);
    return res.body.token as string;
  };

  it('files a few hundred reports, in every status of the lifecycle, all in the past', async () => {
    const byStatus = await h().ctx.db.select({ status: reports.status, n: count() }).from(reports).groupBy(reports.status);
    expect(byStatus.reduce((sum, s) => sum + s.n, 0)).toBeGreaterThanOrEqual(250);
    expect(byStatus.map((s) => s.status).sort()).toEqual([...REPORT_STATUSES].sort());
    const [latest] = await h().ctx.db.select({ at: max(reportEvents.at) }).from(reportEvents);
    expect(latest!.at!.getTime()).toBeLessThanOrEqual(h().now().getTime());
  });

  it('publishes a public list that names no reporter', async () => {
    const res = await h().call('GET', '/api/v1/reports/public?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(PUBLIC_STATUSES).toContain(item.status);
      expect(item.confidential).toBe(false);
      expect(item).not.toHaveProperty('reporter');
    }
    const residents = await h().ctx.db.select({ fullName: users.fullName, phone: users.phone }).from(users).where(eq(users.role, 'citizen'));
    const leaked = residents.filter((r) => res.text.includes(r.fullName) || res.text.includes(r.phone!));
    expect(leaked).toEqual([]);
  });

  it('lets the triage desk log in and find reports overdue right now', async () => {
    const token = await login('triage_admin');
    const res = await h().call('GET', '/api/v1/reports?overdue=true&limit=100', { token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((r: { sla: { overdue: boolean } }) => r.sla.overdue)).toBe(true);
  });

  it('gives the demo citizen reports of their own', async () => {
    const token = await login('citizen');
    const res = await h().call('GET', '/api/v1/reports/mine?limit=50', { token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { status: string }) => r.status)).toEqual(expect.arrayContaining(['resolved', 'submitted', 'in_progress']));
  });

  it('keeps the passwords in a file only its owner may read', () => {
    const file = path.join(h().ctx.config.dataDir, 'demo-accounts.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(accounts);
    expect(accounts.map((a) => a.role)).toEqual(
      expect.arrayContaining(['super_admin', 'triage_admin', 'opd_admin', 'opd_officer', 'executive', 'auditor', 'citizen']),
    );
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
  });

  it('creates nothing on a second start and returns the same accounts', async () => {
    const size = async () => ({
      reports: (await h().ctx.db.select({ n: count() }).from(reports))[0]!.n,
      users: (await h().ctx.db.select({ n: count() }).from(users))[0]!.n,
    });
    const before = await size();
    h().setNow(new Date(h().now().getTime() + 3 * 86_400_000));
    expect(await ensureDemoData(h().ctx)).toEqual(accounts);
    expect(await size()).toEqual(before);
  });

  it('plans a valid city for any moment: every step in order and before now', async () => {
    const db = h().ctx.db;
    const base = {
      kelurahan: await loadKelurahan(db),
      roads: await db.select({ id: roads.id, name: roads.name, status: roads.status }).from(roads),
      calendar: { holidays: new Set((await db.select({ date: holidays.date }).from(holidays)).map((d) => d.date)), autoCloseWorkingDays: 10 },
      residents: 31,
    };
    // A Saturday night, Idul Fitri 2026 cuti bersama, New Year's Day, a weekday morning.
    for (const now of ['2025-11-15T15:30:00Z', '2026-03-23T03:00:00Z', '2026-01-01T00:00:00Z', '2025-09-10T01:00:00Z']) {
      const plans = planReports({ ...base, now: new Date(now), rand: mulberry32(7) });
      expect(plans).toHaveLength(300);
      for (const p of plans) {
        const times = [p.submittedAt, ...p.steps.map((s) => s.at)].map((d) => d.getTime());
        expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
        expect(times[times.length - 1]!).toBeLessThanOrEqual(Date.parse(now));
      }
    }
  });
});
