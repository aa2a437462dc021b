import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { ADUAN_STAFF } from '../aduan/demo/demo.js';
import { SATUDATA_STAFF, ensureSatudataDemo } from './demo.js';

describeEachDatabase('Satu Data demo data', (h) => {
  it('publishes the road and poverty datasets (a returned version corrected) and the platform figures (complaints, poverty complaints, PPID); once', async () => {
    h().setNow(new Date());
    const staff = await ensureStaff(h().ctx, [...ADUAN_STAFF, ...SATUDATA_STAFF], () => 'rahasia-demo-123');
    const town = { staff, residents: [], registeredAt: h().now() };
    await ensureSatudataDemo(h().ctx, town);

    const all = (await h().call('GET', '/api/v1/data/datasets?limit=100')).body;
    expect(all.items.map((d: { name: string }) => d.name).sort()).toEqual(
      [
        'kondisi-jalan-menurut-kewenangan',
        'ketepatan-waktu-penanganan-pengaduan',
        'pengaduan-masyarakat-bulanan',
        'penduduk-miskin-per-kelurahan',
        'pengaduan-kemiskinan-per-kebutuhan-dan-kelurahan',
        'layanan-informasi-publik-ppid',
      ].sort(),
    );
    const producers = Object.fromEntries(all.items.map((d: { name: string; opd: { code: string } }) => [d.name, d.opd.code]));
    expect(producers).toMatchObject({ 'pengaduan-kemiskinan-per-kebutuhan-dan-kelurahan': 'DINSOS', 'layanan-informasi-publik-ppid': 'DISKOMINFOTIKSAN' });
    const roads = (await h().call('GET', '/api/v1/data/datasets/kondisi-jalan-menurut-kewenangan')).body;
    expect(roads).toMatchObject({ years: [2021, 2022, 2023, 2024, 2025], current: { number: 2, summary: { rowCount: 60 } } });
    expect(roads.current.summary.totals.panjang_km).toBeCloseTo(5 * (62.4 + 88.9 + 714.6), 0);

    const steward = await h().login('walidata@dumai.demo.invalid', 'rahasia-demo-123');
    const poverty = (await h().call('GET', '/api/v1/data/datasets/penduduk-miskin-per-kelurahan', { token: steward })).body;
    expect(poverty.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([[3, 'published'], [2, 'returned'], [1, 'published']]);
    const rows = poverty.current.summary.preview as string[][];
    for (const r of rows) expect(Number(r[4])).toBeGreaterThan(Number(r[3]));
    expect((await h().call('GET', poverty.versions[0].resources[0].url)).status).toBe(200);

    await ensureSatudataDemo(h().ctx, town);
    expect((await h().call('GET', '/api/v1/data/datasets?limit=100')).body.total).toBe(all.total);
  });
});
