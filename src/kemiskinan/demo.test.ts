import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { createStaff } from '../core/auth/service.js';
import { STAFF } from '../demo/accounts.js';
import { opds } from '../core/reference/schema.js';
import { ensureKemiskinanDemo } from './demo.js';

describeEachDatabase('kemiskinan demo data', (h) => {
  it('fills every stage through the real services, once', async () => {
    h().setNow(new Date());
    const opdIds = new Map((await h().ctx.db.select().from(opds)).map((o) => [o.code, o.id]));
    for (const s of STAFF.filter((x) => ['dinsos_desk', 'dinsos_section', 'volunteer', 'kelurahan_operator'].includes(x.role))) {
      await createStaff(h().ctx, { fullName: s.fullName, email: s.email, role: s.role, opdId: s.opd ? opdIds.get(s.opd)! : null, password: 'rahasia-123' });
    }
    await ensureKemiskinanDemo(h().ctx);
    const count = async () => (await h().ctx.db.execute(sql`select status, count(*)::int as n from kemiskinan_complaints group by status`)) as unknown as { rows: { status: string; n: number }[] };
    const statuses = Object.fromEntries((await count()).rows.map((r) => [r.status, r.n]));
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(40);
    expect(Object.keys(statuses)).toEqual(expect.arrayContaining(['submitted', 'routed', 'visit_assigned', 'visited', 'assisted', 'referred', 'musyawarah', 'proposed']));
    await ensureKemiskinanDemo(h().ctx);
    expect((await count()).rows.reduce((a, r) => a + r.n, 0)).toBe(40);
    const desk = await h().login('dinsos.data@dumai.demo.invalid');
    expect((await h().call('GET', '/api/v1/kemiskinan/register', { token: desk })).body).toMatchObject({ persons: 90 });
    const year = Number(new Date(h().now().getTime() + 7 * 3600_000).toISOString().slice(0, 4));
    const fig = await h().call('GET', `/api/v1/kemiskinan/figures?year=${year}`, { token: desk });
    expect(fig.body.handled).toBeGreaterThan(0);
  });
});
