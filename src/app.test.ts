import { expect, it } from 'vitest';
import { describeEachDatabase } from './test/harness.js';

describeEachDatabase('platform basics', (h) => {
  it('reports health with the database kind', async () => {
    const res = await h().call('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: h().kind });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers a malformed address with problem+json', async () => {
    const res = await h().call('GET', '/api/v1/ppid/requests/%00%ff');
    expect([res.status, res.headers.get('content-type'), res.body.code, res.body.field]).toEqual([400, 'application/problem+json; charset=utf-8', 'bad_url', 'url']);
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and its UI', async () => {
    const doc = await h().call('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/v1/reports'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['class', 'title', 'description', 'categoryCode', 'lat', 'lng']),
    );
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/reports/{trackingNumber}/disposition', '/api/v1/auth/register']));
    const ui = await h().call('GET', '/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('serves the reference data of Kota Dumai', async () => {
    const regions = (await h().call('GET', '/api/v1/regions')).body as { kelurahan: { hasBoundary: boolean }[] }[];
    expect(regions).toHaveLength(7);
    const kelurahan = regions.flatMap((k) => k.kelurahan);
    expect(kelurahan).toHaveLength(36);
    expect(kelurahan.filter((k) => !k.hasBoundary)).toHaveLength(3);
    const opds = (await h().call('GET', '/api/v1/opds')).body as { code: string }[];
    expect(opds.map((o) => o.code)).toEqual(expect.arrayContaining(['DISKOMINFOTIKSAN', 'PUPR', 'PERKIM', 'DINSOS', 'DINKES', 'DISDIK', 'DLH', 'DISPAR', 'SATPOLPP', 'DISHUB', 'DISDUKCAPIL']));
    const categories = (await h().call('GET', '/api/v1/categories')).body as { code: string; parentCode: string | null }[];
    expect(categories.filter((c) => c.parentCode === null).map((c) => c.code)).toEqual(['KES', 'SOS', 'PEN', 'PDD', 'INF', 'SPP']);
    expect(categories.find((c) => c.code === 'INF-JALAN')).toMatchObject({ parentCode: 'INF', isRoad: true });
    const holidays = (await h().call('GET', '/api/v1/holidays')).body as { date: string; kind: string }[];
    expect(holidays.find((d) => d.date === '2026-03-23')?.kind).toBe('cuti_bersama');
  });

  it('lets a super admin edit holidays and roads, and the calendar follows', async () => {
    const admin = await h().staff('super_admin');
    const citizen = await h().citizen();
    expect((await h().call('PUT', '/api/v1/holidays/2026-03-03', { token: citizen.token, body: { kind: 'libur_nasional', name: 'Libur' } })).status).toBe(403);
    const put = await h().call('PUT', '/api/v1/holidays/2026-03-03', { token: admin.token, body: { kind: 'libur_nasional', name: 'Hari libur daerah (uji)' } });
    expect(put.status).toBe(200);
    // Mon 2 March + 3 working days now skips Tuesday 3 March.
    const res = await h().call('POST', '/api/v1/reports', {
      token: citizen.token,
      body: { class: 'aspirasi', title: 'Usul taman baca', description: 'Mohon dibangun taman baca di kelurahan kami.', categoryCode: 'PDD-SEKOLAH', lat: 1.67376, lng: 101.37077 },
    });
    expect(res.body.sla.verifyDueAt).toBe('2026-03-06T16:59:59.999Z');
    expect((await h().call('DELETE', '/api/v1/holidays/2026-03-03', { token: admin.token })).status).toBe(204);

    const road = await h().call('POST', '/api/v1/roads', {
      token: admin.token,
      body: { name: 'Jalan Uji Coba', status: 'provinsi', geometry: { type: 'LineString', coordinates: [[101.3707, 1.6737], [101.3709, 1.6739]] } },
    });
    expect(road.status).toBe(201);
    expect((await h().call('POST', '/api/v1/roads', { token: admin.token, body: { name: 'Jalan Uji Coba', status: 'kota' } })).status).toBe(409);
    // A point on a mapped provincial road is flagged without the reporter naming the road.
    const onRoad = await h().call('POST', '/api/v1/reports', {
      token: citizen.token,
      body: { class: 'pengaduan', title: 'Jalan amblas', description: 'Badan jalan amblas sepanjang dua meter.', categoryCode: 'INF-JALAN', lat: 1.6738, lng: 101.3708 },
    });
    expect(onRoad.body.jurisdiction).toBe('provinsi');
    await h().call('PUT', `/api/v1/roads/${road.body.id}`, { token: admin.token, body: { name: 'Jalan Uji Coba', status: 'kota', active: false } });
    // Switched off, the road no longer decides who repairs that spot.
    const offRoad = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: { class: 'pengaduan', title: 'Jalan amblas lagi', description: 'Badan jalan amblas sepanjang dua meter.', categoryCode: 'INF-JALAN', lat: 1.6738, lng: 101.3708 } });
    expect(offRoad.body.jurisdiction).toBe('kota');
  });
});
