import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { ADUAN_STAFF } from '../aduan/demo/demo.js';
import { LAYANAN_STAFF, ensureLayananDemo } from './demo.js';
import { DEMO_SERVICES } from './demo-services.js';

type Rows<T> = { rows: T[] };

describeEachDatabase('layanan demo data', (h) => {
  it('publishes the seven services through their OPDs’ admins and files applications in several states, once', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const staff = await ensureStaff(h().ctx, [...ADUAN_STAFF, ...LAYANAN_STAFF], () => 'rahasia-demo-123');
    const residents = await Promise.all([0, 1, 2].map(async () => ({ ...(await h().citizen()), role: 'citizen' as const, opdId: null, fullName: 'Warga Demo' })));
    const town = { staff, residents, registeredAt: h().now() };
    await ensureLayananDemo(h().ctx, town);

    const catalogue = await h().call('GET', '/api/v1/layanan/services?limit=100');
    expect(catalogue.body.items.map((s: { code: string }) => s.code).sort()).toEqual(DEMO_SERVICES.map((s) => s.service.code).sort());
    const db = h().ctx.db;
    const byStatus = (await db.execute(sql`select status, channel, count(*)::int as n from layanan_applications group by status, channel order by 1, 2`)) as unknown as Rows<{ status: string; channel: string; n: number }>;
    expect(byStatus.rows.map((r) => `${r.status}/${r.channel}:${r.n}`)).toEqual(['correction_requested/online:1', 'draft/counter:1', 'in_process/online:1', 'issued/online:1', 'submitted/online:1']);

    // Diskominfotiksan's desk has Dinas Sosial's Wi-Fi request at its analysis step.
    const kominfo = await h().login('kominfo@dumai.demo.invalid', 'rahasia-demo-123');
    const inbox = await h().call('GET', '/api/v1/layanan/applications', { token: kominfo });
    expect(inbox.body.items.map((i: { service: { code: string }; step: { key: string }; applicantOpd: { code: string } }) => `${i.service.code}:${i.step.key}:${i.applicantOpd.code}`)).toEqual(['jaringan-wifi:analisis:DINSOS']);

    await ensureLayananDemo(h().ctx, town);
    const again = (await db.execute(sql`select count(*)::int as n from layanan_services`)) as unknown as Rows<{ n: number }>;
    expect(again.rows[0]!.n).toBe(DEMO_SERVICES.length);
  });
});
