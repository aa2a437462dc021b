import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { REQUEST_STATUSES } from './lifecycle.js';
import { PPID_STAFF, ensurePpidDemo } from './demo.js';
import { REQUESTERS } from './demo-texts.js';

type Rows<T> = { rows: T[] };

describeEachDatabase('PPID demo data', (h) => {
  it('files a year of requests across the OPDs in every state, with objections and disputes, once', async () => {
    h().setNow(new Date());
    const staff = await ensureStaff(h().ctx, PPID_STAFF, () => 'rahasia-demo-123');
    const residents = await Promise.all([0, 1, 2].map(async () => ({ ...(await h().citizen()), role: 'citizen' as const, opdId: null, fullName: 'Warga Demo' })));
    const town = { staff, residents, registeredAt: h().now() };
    await ensurePpidDemo(h().ctx, town);

    const db = h().ctx.db;
    const byStatus = (await db.execute(sql`select status, count(*)::int as n from ppid_requests group by status`)) as unknown as Rows<{ status: string; n: number }>;
    const statuses = Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n]));
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(64);
    expect(Object.keys(statuses).sort()).toEqual([...REQUEST_STATUSES].sort());

    const [span] = ((await db.execute(sql`select count(distinct opd_id)::int as opds, extract(epoch from max(created_at) - min(created_at)) / 86400 as days, count(*) filter (where extended_at is not null)::int as extended, count(*) filter (where channel <> 'web')::int as desk from ppid_requests`)) as unknown as Rows<{ opds: number; days: number; extended: number; desk: number }>).rows;
    expect(span!.opds).toBeGreaterThanOrEqual(5);
    expect(Number(span!.days)).toBeGreaterThan(250);
    expect(span!.extended).toBeGreaterThan(0);
    expect(span!.desk).toBeGreaterThan(0);

    const objections = (await db.execute(sql`select status from ppid_objections`)) as unknown as Rows<{ status: string }>;
    expect(objections.rows.map((o) => o.status)).toEqual(expect.arrayContaining(['upheld', 'dismissed', 'disputed']));

    // Nothing in the future: every step happened before the clock.
    const [latest] = ((await db.execute(sql`select max(at) as at from ppid_events`)) as unknown as Rows<{ at: string }>).rows;
    expect(new Date(latest!.at).getTime()).toBeLessThanOrEqual(h().now().getTime());

    // The public archive shows answers, never who asked.
    const archive = await h().call('GET', '/api/v1/ppid/archive?limit=100');
    expect(archive.body.total).toBeGreaterThan(10);
    for (const r of REQUESTERS) for (const secret of [r.fullName, r.identityNumber, r.email].filter(Boolean)) expect(archive.text).not.toContain(secret);

    // Each desk sees its own OPD's requests only.
    const pupr = await h().login('ppid.pupr@dumai.demo.invalid', 'rahasia-demo-123');
    const list = await h().call('GET', '/api/v1/ppid/requests?limit=100', { token: pupr });
    expect(list.body.total).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((i: { opd: { code: string } }) => i.opd.code))).toEqual(new Set(['PUPR']));

    await ensurePpidDemo(h().ctx, town);
    const again = (await db.execute(sql`select count(*)::int as n from ppid_requests`)) as unknown as Rows<{ n: number }>;
    expect(again.rows[0]!.n).toBe(64);
  });
});
