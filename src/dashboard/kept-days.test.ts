/**
 * Day figures kept in the database (rollups.ts, table dashboard_day_figures): another instance, or
 * this one after a restart, reads a kept day instead of counting it — unless a change, a holiday
 * or replaced data makes the row wrong. "Another instance" is the same database behind a new Db
 * object, which has a memory of its own. The lookback is lowered to 2 events, so that its effects
 * (moving a lagging through up) show among the seed's few dozen events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { describeEachDatabase, startHarness, type Harness } from '../test/harness.js';
import type { Db } from '../core/db/client.js';
import { holidays } from '../core/reference/schema.js';
import { reportEvents, reports } from '../aduan/schema.js';
import { fileReport, step } from '../test/fixtures.js';
import { seed, wib } from './test-seed.js';
import { bounds, keptInMemory, periodDays } from './rollups.js';
import { periodOf } from './service.js';
import { median } from './day-figures.js';
import { dashboardDayFigures as kept } from './schema.js';
import * as q from './queries.js';

bounds.lookback = 2;

/** Instances of the harness's database, each with its own memory of day figures. */
function instances(h: () => Harness) {
  const open: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of open) await close();
  });
  return () => {
    if (h().kind === 'pglite') return drizzlePglite((h().ctx.db as unknown as { $client: PGlite }).$client) as unknown as Db;
    const pool = new pg.Pool({ connectionString: h().ctx.config.databaseUrl, max: 2 });
    // The harness may drop the database (with force) before this pool ends.
    pool.on('error', () => undefined);
    open.push(() => pool.end());
    return drizzlePg(pool) as unknown as Db;
  };
}

const period = (h: Harness, from = '2026-03-02', to = '2026-03-13') => periodOf({ from, to }, h.now());
const rows = (h: Harness) => h.ctx.db.select().from(kept).orderBy(asc(kept.day));
const rowOf = async (h: Harness, day: string) => (await h.ctx.db.select().from(kept).where(eq(kept.day, day)))[0]!;
const newestEvent = async (h: Harness) => Number((await h.ctx.db.select({ n: sql<string>`max(id)` }).from(reportEvents))[0]!.n);
/** Adds `n` to a kept day's count of reports received: a row read back shows it. */
const tamper = (h: Harness, day: string, n: number) =>
  h.ctx.db
    .update(kept)
    .set({ figures: sql`jsonb_set(${kept.figures}, '{received}', to_jsonb((${kept.figures} ->> 'received')::int + ${n}))` })
    .where(eq(kept.day, day));

describeEachDatabase('dashboard day figures kept in the database', (h) => {
  let s: Awaited<ReturnType<typeof seed>>;
  const another = instances(h);
  beforeAll(async () => {
    s = await seed(h());
  });

  it('keeps every counted day, and another instance reads the kept days instead of counting them', async () => {
    expect((await periodDays(h().ctx.db, period(h()))).received).toBe(5);
    const kept12 = await rows(h());
    expect(kept12.map((r) => r.day)).toHaveLength(12);
    expect(new Set(kept12.map((r) => r.through))).toEqual(new Set([await newestEvent(h())]));
    // Every event was visible when the days were counted: none pending.
    expect(kept12.every((r) => r.pending?.length === 0)).toBe(true);
    // C's day (Tue 3) and Mon 2 (A and B; B's follow-up is the newest event, seen by the count) are read, not counted.
    await tamper(h(), '2026-03-03', 100);
    await tamper(h(), '2026-03-02', 100);
    expect((await periodDays(another(), period(h()))).received).toBe(205);
    // Derived data: emptied, it is counted again and kept again.
    await h().ctx.db.delete(kept);
    expect((await periodDays(another(), period(h()))).received).toBe(5);
    expect(await rows(h())).toHaveLength(12);
  });

  it('counts a day again on another instance after a change made anywhere, and keeps the new count', async () => {
    await periodDays(h().ctx.db, period(h()));
    const before = await rowOf(h(), '2026-03-04');
    // D (Wed 4) is rejected: an event on D's day, newer than the row's through.
    const triage = await h().staff('triage_admin');
    expect((await step(h(), await h().login(triage.email), s.D, 'reject', { message: 'Bukan kewenangan kota.' })).status).toBe(200);
    const fresh = await periodDays(another(), period(h()));
    expect(fresh.statuses).toMatchObject({ rejected: 2 });
    expect(fresh.statuses.submitted ?? 0).toBe(0);
    const after = await rowOf(h(), '2026-03-04');
    expect(after.through).toBeGreaterThan(before.through);
    expect((after.figures as { statuses: Record<string, number> }).statuses).toMatchObject({ rejected: 2 });
  });

  it('does not read days counted with another holiday calendar', async () => {
    await h().ctx.db.delete(kept);
    // Verified: A Mon 2 → Tue 3 (1 working day), B the same day (0), C Tue 3 → Wed 4 (1).
    expect(median((await periodDays(h().ctx.db, period(h()))).verifyDays)).toBe(1);
    await h().ctx.db.insert(holidays).values({ date: '2026-03-03', name: 'Libur uji', kind: 'libur_nasional' });
    try {
      // With Tuesday off: A 0, B 0, C 1.
      expect(median((await periodDays(another(), period(h()))).verifyDays)).toBe(0);
    } finally {
      await h().ctx.db.delete(holidays).where(eq(holidays.date, '2026-03-03'));
    }
    expect(median((await periodDays(another(), period(h()))).verifyDays)).toBe(1);
  });

  it('does not read rows counted through events the data no longer has (data replaced by a restore)', async () => {
    await periodDays(h().ctx.db, period(h()));
    await tamper(h(), '2026-03-03', 100);
    await h().ctx.db.update(kept).set({ through: sql`${kept.through} + 1000` });
    expect((await periodDays(another(), period(h()))).received).toBe(5);
  });

  it('never replaces a count with one made through an older event', async () => {
    await periodDays(h().ctx.db, period(h()));
    const row = await rowOf(h(), '2026-03-05');
    const counted = { calendar: row.calendar.slice(row.calendar.indexOf(':') + 1), days: [{ day: '2026-03-05', figures: '{"received": 7}' }] };
    const form = row.calendar.slice(0, row.calendar.indexOf(':'));
    await q.keepDays(h().ctx.db, counted, { through: row.through - 1, pending: [] }, form);
    expect((await rowOf(h(), '2026-03-05')).figures).toEqual(row.figures);
    await q.keepDays(h().ctx.db, counted, { through: row.through, pending: [] }, form);
    expect((await rowOf(h(), '2026-03-05')).figures).toEqual({ received: 7 });
    await h().ctx.db.delete(kept);
  });

  it('moves a quiet day’s through up when it is read, so the check stays short', async () => {
    await periodDays(another(), period(h(), '2026-03-02', '2026-03-12'));
    const before = await rowOf(h(), '2026-03-03');
    // Three reports filed today (13th, after the period): three events on another day, beyond the lookback.
    for (const title of ['Lampu jalan padam', 'Drainase tersumbat', 'Pohon tumbang']) await fileReport(h(), s.citizen.token, { title });
    expect((await periodDays(another(), period(h(), '2026-03-02', '2026-03-12'))).received).toBe(5);
    expect((await rowOf(h(), '2026-03-03')).through).toBe(await newestEvent(h()));
    expect((await rowOf(h(), '2026-03-03')).through).toBeGreaterThan(before.through);
  });

  it('holds no more figures in memory than its bound, least recently asked days going first', async () => {
    const db = another();
    const saved = bounds.keptBytes;
    bounds.keptBytes = 3000;
    try {
      expect((await periodDays(db, period(h(), '2026-03-02', '2026-03-12'))).received).toBe(5);
      const held = keptInMemory(db);
      expect(held.bytes).toBeLessThanOrEqual(3000);
      expect(held.days).toBeGreaterThan(0);
      expect(held.days).toBeLessThan(11);
      // Asked again: the days let go are read back, the answer is the same.
      expect((await periodDays(db, period(h(), '2026-03-02', '2026-03-12'))).received).toBe(5);
      expect(keptInMemory(db).bytes).toBeLessThanOrEqual(3000);
    } finally {
      bounds.keptBytes = saved;
    }
  });
});

// Two transactions at once need two connections: PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)('dashboard day figures kept in the database, on PostgreSQL', () => {
  let h: Awaited<ReturnType<typeof startHarness>>;
  let s: Awaited<ReturnType<typeof seed>>;
  const another = instances(() => h);
  beforeAll(async () => {
    h = await startHarness('postgresql');
    s = await seed(h);
  });
  afterAll(async () => h?.close());

  it('counts again on another instance a change that committed after the day was counted and kept', async () => {
    const [d] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, s.D));
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let numbered!: () => void;
    const hasNumber = new Promise<void>((resolve) => (numbered = resolve));
    // A writer takes the next event number for D (Wed 4), then waits before committing…
    const late = h.ctx.db.transaction(async (tx) => {
      await tx.insert(reportEvents).values({ reportId: d!.id, actorRole: 'triage_admin', action: 'reject', fromStatus: 'submitted', toStatus: 'rejected' });
      await tx.update(reports).set({ status: 'rejected' }).where(eq(reports.id, d!.id));
      numbered();
      await held;
    });
    await hasNumber;
    // …while a later-numbered change commits first, and the days are counted and kept without D's change.
    h.setNow(wib('2026-03-13T16:01'));
    await fileReport(h, s.citizen.token, { title: 'Pohon tumbang menutup jalan' });
    expect((await periodDays(h.ctx.db, period(h))).statuses.rejected).toBe(1);
    const row = await rowOf(h, '2026-03-04');
    expect(row.through).toBe(await newestEvent(h));
    // D's event was numbered but not visible: noted as pending.
    expect(row.pending).toEqual([row.through - 1]);
    commit();
    await late;
    // A fresh instance finds D's event (numbered above the row's through − lookback) and counts again.
    expect((await periodDays(another(), period(h))).statuses.rejected).toBe(2);
    // And the first instance, by its own looks, as before.
    expect((await periodDays(h.ctx.db, period(h))).statuses.rejected).toBe(2);
  });
});
