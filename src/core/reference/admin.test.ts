import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/harness.js';
import { roadReport } from '../../test/fixtures.js';

describeEachDatabase('reference data is editable by the super admin only', (h) => {
  it('edits OPDs, categories and their default OPD and resolution limit', async () => {
    const admin = await h().staff('super_admin');
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const opd = { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD' };
    expect((await h().call('POST', '/api/v1/opds', { token: triage.token, body: opd })).status).toBe(403);
    expect((await h().call('POST', '/api/v1/opds', { token: admin.token, body: opd })).status).toBe(201);
    expect((await h().call('POST', '/api/v1/opds', { token: admin.token, body: opd })).status).toBe(409);

    const created = await h().call('POST', '/api/v1/categories', {
      token: admin.token,
      body: { code: 'SOS-BENCANA', parentCode: 'SOS', nameId: 'Bencana alam', nameEn: 'Natural disaster', defaultOpdCode: 'BPBD', resolveWorkingDays: 3, isRoad: false, active: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parentCode: 'SOS', defaultOpdCode: 'BPBD', resolveWorkingDays: 3 });
    expect((await h().call('POST', '/api/v1/categories', { token: admin.token, body: { ...created.body, code: 'X-1', parentCode: 'NOPE', nameId: 'x y', nameEn: 'x y', resolveWorkingDays: 3, isRoad: false, active: true } })).body.code).toBe('unknown_category');

    const changed = await h().call('PUT', '/api/v1/categories/INF-JALAN', { token: admin.token, body: { resolveWorkingDays: 10, defaultOpdCode: 'PERKIM' } });
    expect(changed.body).toMatchObject({ code: 'INF-JALAN', resolveWorkingDays: 10, defaultOpdCode: 'PERKIM' });
    expect((await h().call('PUT', '/api/v1/categories/INF-JALAN', { token: admin.token, body: { defaultOpdCode: 'NOPE' } })).body.code).toBe('unknown_opd');
    expect((await h().call('PUT', '/api/v1/categories/NOPE', { token: admin.token, body: { active: false } })).status).toBe(404);

    // Switching a khidmat off hides its sub-categories and refuses new reports in them.
    await h().call('PUT', '/api/v1/categories/SPP', { token: admin.token, body: { active: false } });
    const listed = (await h().call('GET', '/api/v1/categories')).body as { code: string }[];
    expect(listed.map((c) => c.code)).not.toContain('SPP-SAMPAH');
    expect(listed.map((c) => c.code)).toContain('SOS-BENCANA');
    const citizen = await h().citizen();
    const file = (categoryCode: string) => h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ categoryCode }) });
    expect((await file('SPP-SAMPAH')).body).toMatchObject({ code: 'unknown_category', field: 'categoryCode' });
    expect((await file('SOS-BENCANA')).status).toBe(201);
    await h().call('PUT', '/api/v1/categories/SPP', { token: admin.token, body: { active: true } });
    expect((await file('SPP-SAMPAH')).status).toBe(201);
    expect((await h().call('PUT', '/api/v1/opds/BPBD', { token: admin.token, body: { shortName: 'BPBD Dumai' } })).body.shortName).toBe('BPBD Dumai');
  });

  it('edits a kelurahan boundary and the point-to-kelurahan lookup follows at once', async () => {
    const admin = await h().staff('super_admin');
    const citizen = await h().citizen();
    // Sungai Geniot (created 2025) has no boundary yet: give it a small square around a point.
    const [lng, lat] = [101.2, 1.93];
    const square = [[[lng - 0.01, lat - 0.01], [lng + 0.01, lat - 0.01], [lng + 0.01, lat + 0.01], [lng - 0.01, lat + 0.01], [lng - 0.01, lat - 0.01]]];
    const put = await h().call('PUT', '/api/v1/regions/kelurahan/14.72.04.1006', { token: admin.token, body: { boundary: { type: 'Polygon', coordinates: square }, lat, lng } });
    expect(put.status).toBe(200);
    expect(put.body.hasBoundary).toBe(true);
    const filed = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ lat, lng }) });
    expect(filed.body.location.kelurahanCode).toBe('14.72.04.1006');
    expect((await h().call('PUT', '/api/v1/regions/kelurahan/14.72.04.1006', { token: admin.token, body: { boundary: { type: 'Polygon', coordinates: [[[1, 2]]] } } })).status).toBe(400);
    await h().call('PUT', '/api/v1/regions/kelurahan/14.72.04.1006', { token: admin.token, body: { boundary: null } });
  });

  it('keeps the audit log append-only, even against the application itself', async () => {
    await h().staff('super_admin');
    await expect(h().ctx.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(h().ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const res = (await h().ctx.db.execute(sql`select count(*)::int as n from audit_log where action = 'tampered'`)) as unknown as { rows: { n: number }[] };
    const [row] = res.rows;
    expect(row!.n).toBe(0);
  });
});
