/**
 * The summary is summed from figures kept per day of arrival. These tests ask for a period first,
 * so its days are kept, then change what the kept figures depend on and ask again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase, startHarness } from '../test/harness.js';
import { reportEvents, reports } from '../aduan/schema.js';
import { fileReport, step } from '../test/fixtures.js';
import { holidays } from '../core/reference/schema.js';
import { PERIOD, seed, wib } from './test-seed.js';
import { runsOf } from './rollups.js';

describeEachDatabase('dashboard day figures', (h) => {
  let s: Awaited<ReturnType<typeof seed>>;
  let exec: { email: string };
  beforeAll(async () => {
    s = await seed(h());
    exec = await h().staff('executive');
  });
  // Staff sessions last 12 hours of the app's clock, which these tests move: log in at each moment.
  const summary = async (query = PERIOD) => {
    const res = await h().call('GET', `/api/v1/dashboard/summary?${query}`, { token: await h().login(exec.email) });
    expect(res.status).toBe(200);
    return res.body;
  };
  const statusCount = (b: { byStatus: { code: string; count: number }[] }, code: string) => b.byStatus.find((x) => x.code === code)!.count;

  it('counts a day afresh when one of its reports changes', async () => {
    const before = await summary();
    expect(before.totals).toMatchObject({ open: 2, overdue: 1 });
    expect(statusCount(before, 'rejected')).toBe(1);
    // D (Wed 4, never verified, overdue) is rejected now: its day's figures were kept and must move.
    const triage = await h().staff('triage_admin');
    expect((await step(h(), await h().login(triage.email), s.D, 'reject', { message: 'Bukan kewenangan kota.' })).status).toBe(200);
    const after = await summary();
    expect(after.totals).toMatchObject({ received: 5, open: 1, overdue: 0 });
    expect(statusCount(after, 'submitted')).toBe(0);
    expect(statusCount(after, 'rejected')).toBe(2);
    // Rejected, it is no longer waiting for verification, so its missed deadline is no longer counted
    // (the rule the dashboard always had: only verified reports, or ones still waiting, are decided).
    expect(after.totals.verifySla).toEqual({ met: 3, decided: 3, share: 1 });
    // The narrower period of that day alone is summed from the same kept day.
    expect((await summary('from=2026-03-04&to=2026-03-04')).totals).toMatchObject({ received: 2, open: 0 });
  });

  it('lets the clock alone make a waiting report overdue, with no change to any report', async () => {
    h().setNow(wib('2026-04-13T09:00'));
    const citizen = await h().citizen();
    await fileReport(h(), citizen.token, { title: 'Lampu jalan padam' });
    const period = 'from=2026-04-13&to=2026-04-13';
    h().setNow(wib('2026-04-15T10:00'));
    const fresh = await summary(period);
    expect(fresh.totals).toMatchObject({ received: 1, open: 1, overdue: 0 });
    expect(fresh.totals.verifySla).toEqual({ met: 0, decided: 0, share: null });
    // Verification is due within 3 working days of Monday 13 April: by Thursday 16th.
    h().setNow(wib('2026-04-17T10:00'));
    const late = await summary(period);
    expect(late.totals).toMatchObject({ received: 1, open: 1, overdue: 1 });
    expect(late.totals.verifySla).toEqual({ met: 0, decided: 1, share: 0 });
    h().setNow(wib('2026-03-13T16:00'));
  });

  it('counts durations afresh when the holiday calendar changes', async () => {
    // Verified: A Mon 2 → Tue 3 (1 working day), B the same day (0), C Tue 3 → Wed 4 (1).
    expect((await summary()).totals.medians.verify).toBe(1);
    await h().ctx.db.insert(holidays).values({ date: '2026-03-03', name: 'Libur uji', kind: 'libur_nasional' });
    // Whole answers are shared for the clock's minute (cache.ts); the next minute asks the day figures.
    h().setNow(wib('2026-03-13T16:01'));
    try {
      // With Tuesday off: A 0, B 0, C 1.
      expect((await summary()).totals.medians.verify).toBe(0);
    } finally {
      await h().ctx.db.delete(holidays).where(eq(holidays.date, '2026-03-03'));
      h().setNow(wib('2026-03-13T16:02'));
    }
    expect((await summary()).totals.medians.verify).toBe(1);
  });
});

// Two transactions at once need two connections: PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)('dashboard day figures on PostgreSQL', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  let s: Awaited<ReturnType<typeof seed>>;
  let exec: { email: string };
  beforeAll(async () => {
    h = await startHarness('postgresql');
    s = await seed(h);
    exec = await h.staff('executive');
  });
  afterAll(async () => h?.close());
  const rejected = async () => {
    const res = await h.call('GET', `/api/v1/dashboard/summary?${PERIOD}`, { token: await h.login(exec.email) });
    return (res.body as { byStatus: { code: string; count: number }[] }).byStatus.find((x) => x.code === 'rejected')!.count;
  };

  it('counts a change that commits after a later-numbered one, though no newer event follows', async () => {
    expect(await rejected()).toBe(1);
    const [d] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, s.D));
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    // A writer takes the next event number for D (Wed 4), then waits before committing…
    let numbered!: () => void;
    const hasNumber = new Promise<void>((resolve) => (numbered = resolve));
    const late = h.ctx.db.transaction(async (tx) => {
      await tx.insert(reportEvents).values({ reportId: d!.id, actorRole: 'triage_admin', action: 'reject', fromStatus: 'submitted', toStatus: 'rejected' });
      await tx.update(reports).set({ status: 'rejected' }).where(eq(reports.id, d!.id));
      numbered();
      await held;
    });
    await hasNumber;
    // …while a later-numbered change (a new report today) commits first and a summary is asked.
    h.setNow(wib('2026-03-13T16:01'));
    await fileReport(h, s.citizen.token, { title: 'Pohon tumbang menutup jalan' });
    expect(await rejected()).toBe(1);
    commit();
    await late;
    // The next minute (whole answers are shared within one): D's day is counted afresh.
    h.setNow(wib('2026-03-13T16:02'));
    expect(await rejected()).toBe(2);
  });
});

describe('runsOf', () => {
  it('groups consecutive WIB days into runs, across month ends, in order', () => {
    const runs = runsOf(['2026-03-02', '2026-02-28', '2026-03-01', '2026-03-05']);
    expect(runs.map((r) => [r.first, r.last])).toEqual([
      ['2026-02-28', '2026-03-02'],
      ['2026-03-05', '2026-03-05'],
    ]);
    expect(runs[0]!.start.toISOString()).toBe('2026-02-27T17:00:00.000Z');
    expect(runs[0]!.end.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(runsOf([])).toEqual([]);
  });
});
