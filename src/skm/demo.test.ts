import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { platform } from '../core/platform.js';
import { ADUAN_STAFF } from '../aduan/demo/demo.js';
import { PPID_STAFF } from '../ppid/demo.js';
import { LAYANAN_STAFF, ensureLayananDemo } from '../layanan/demo.js';
import { ensureSkmDemo } from './demo.js';

describeEachDatabase('skm demo data', (h) => {
  it('fills the ended quarter and the quarter so far for the units, publishes all but one, once', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const staff = await ensureStaff(h().ctx, [...platform.demo!.staff!, ...ADUAN_STAFF, ...PPID_STAFF, ...LAYANAN_STAFF], () => 'rahasia-demo-123');
    const residents = await Promise.all([0, 1, 2].map(async () => ({ ...(await h().citizen()), role: 'citizen' as const, opdId: null, fullName: 'Warga Demo' })));
    const town = { staff, residents, registeredAt: h().now() };
    await ensureLayananDemo(h().ctx, town);
    await ensureSkmDemo(h().ctx, town);

    const periods = (await h().call('GET', '/api/v1/skm/periods')).body.items as { id: number; name: string; startsOn: string; endsOn: string }[];
    expect(periods.map((p) => `${p.name}:${p.startsOn}:${p.endsOn}`)).toEqual(['Triwulan IV 2025:2025-10-01:2025-12-31', 'Triwulan I 2026:2026-01-01:2026-03-31']);
    const published = (await h().call('GET', `/api/v1/skm/periods/${periods[0]!.id}/results`)).body.items as { unit: { name: string }; respondents: number; converted: number; band: { grade: string }; minimumSample: number }[];
    expect(published).toHaveLength(10);
    for (const r of published) {
      expect(r.respondents).toBeGreaterThanOrEqual(24);
      expect(r.converted).toBeGreaterThan(25);
      expect(r.minimumSample).toBeGreaterThan(0);
    }
    // Units rated differently land in different bands.
    expect(new Set(published.map((r) => r.band.grade)).size).toBeGreaterThan(1);

    // The one left unpublished: its officers see it, the public does not.
    const units = (await h().call('GET', '/api/v1/skm/units')).body.items as { id: number; ref: string }[];
    const reklame = units.find((u) => u.ref === 'rekomendasi-reklame')!;
    expect((await h().call('GET', `/api/v1/skm/periods/${periods[0]!.id}/units/${reklame.id}/results`)).status).toBe(404);
    // Disdukcapil's paper sheets, copied by its counter officer.
    const dukcapil = units.find((u) => u.ref === 'DISDUKCAPIL')!;
    const raw = await h().call('GET', `/api/v1/skm/periods/${periods[0]!.id}/units/${dukcapil.id}/answers?limit=500`, { token: (await h().staff('super_admin')).token });
    expect(new Set(raw.body.items.map((a: { source: string }) => a.source))).toEqual(new Set(['paper', 'public_link']));

    // The warga's issued application of this week invited them; a second start adds nothing.
    const mine = await h().call('GET', '/api/v1/account/data', { token: residents[0]!.token });
    expect(mine.body.surveyInvitations).toMatchObject([{ caseKind: 'layanan', unit: 'Surat Keterangan Domisili' }]);
    const count = async () => (await h().call('GET', `/api/v1/skm/periods/${periods[1]!.id}/units/${dukcapil.id}/results`, { token: (await h().staff('super_admin')).token })).body.respondents as number;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await ensureSkmDemo(h().ctx, town);
    expect(await count()).toBe(before);
  });
});
