import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { PEKANBARU, photo, roadReport, upload } from '../test/fixtures.js';
import { reports } from './schema.js';

const countReports = async (h: () => { ctx: { db: import('../core/db/client.js').Db } }) =>
  Number((await h().ctx.db.select({ n: sql<number>`count(*)` }).from(reports))[0]!.n);

describeEachDatabase('aduan: bad input is refused clearly and writes nothing', (h) => {
  it('answers malformed, incomplete and out-of-range reports with problem+json naming the field', async () => {
    const citizen = await h().citizen();
    const before = await countReports(h);
    const cases: [unknown, number, string, string][] = [
      [{ ...roadReport(), title: undefined }, 400, 'validation_failed', 'title'],
      [{ ...roadReport(), title: 'abc' }, 400, 'validation_failed', 'title'],
      [{ ...roadReport(), lat: 'north' }, 400, 'validation_failed', 'lat'],
      [{ ...roadReport(), class: 'keluhan' }, 400, 'validation_failed', 'class'],
      [{ ...roadReport(), incidentDate: '2026-02-30' }, 400, 'validation_failed', 'incidentDate'],
      [{ ...roadReport(), photoIds: ['not-a-uuid'] }, 400, 'validation_failed', 'photoIds.0'],
      [roadReport({ lat: PEKANBARU.lat, lng: PEKANBARU.lng }), 422, 'location_outside_city', 'lat'],
      [roadReport({ categoryCode: 'INF' }), 422, 'unknown_category', 'categoryCode'],
      [roadReport({ kelurahanCode: '14.71.01.1002' }), 422, 'unknown_kelurahan', 'kelurahanCode'],
      [roadReport({ incidentDate: '2027-01-01' }), 422, 'incident_date_future', 'incidentDate'],
      [roadReport({ roadId: 99999 }), 422, 'unknown_road', 'roadId'],
      [roadReport({ photoIds: ['00000000-0000-4000-8000-000000000000'] }), 422, 'unknown_photo', 'photoIds'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await h().call('POST', '/api/v1/reports', { token: citizen.token, body });
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status, code, field });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.message.id).toBeTruthy();
      expect(res.body.message.en).toBeTruthy();
    }
    expect(await countReports(h)).toBe(before);
  });

  it('refuses broken JSON, wrong content types and oversized bodies without a 500', async () => {
    const citizen = await h().citizen();
    const broken = await h().call('POST', '/api/v1/reports', { token: citizen.token, raw: '{"title": ', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBeTruthy();
    const xml = await h().call('POST', '/api/v1/reports', { token: citizen.token, raw: '<report/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    const huge = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ description: 'x'.repeat(400_000) }) });
    expect(huge.status).toBe(413);
    const nul = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ title: 'Jalan rusak\u0000parah' }) });
    expect(nul.body).toMatchObject({ status: 400, code: 'nul_character', field: 'title' });
    expect((await h().call('POST', '/api/v1/auth/login', { body: { identifier: 'a\u0000b', password: 'x' } })).status).toBe(400);
    const surrogate = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ title: 'Jalan 語\ude42 rusak' }) });
    expect(surrogate.body).toMatchObject({ status: 400, code: 'malformed_text', field: 'title' });
    // Raw, as a hostile client sends them: a forbidden key spelled out or hidden behind escapes, a raw NUL byte.
    const raw = (text: string) => h().call('POST', '/api/v1/reports', { token: citizen.token, raw: text, headers: { 'content-type': 'application/json' } });
    expect((await raw('{"__proto__": {"admin": true}}')).body).toMatchObject({ status: 400, code: 'forbidden_key' });
    expect((await raw('{"\\u005f_proto__": {"admin": true}}')).body).toMatchObject({ status: 400, code: 'forbidden_key' });
    expect((await raw('{"title": "a\u0000b"}')).body).toMatchObject({ status: 400, code: 'invalid_json_body' });
    // A proper pair (an emoji) is text like any other.
    expect((await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ title: 'Jalan rusak parah 😡' }) })).status).toBe(201);
    expect((await h().call('GET', '/api/v1/reports/public?q=a%00b')).body.code).toBe('nul_character');
    const unknownRoute = await h().call('GET', '/api/v1/nothing-here');
    expect(unknownRoute.body.code).toBe('route_not_found');
    expect((await h().call('GET', '/api/v1/reports/not-a-number')).status).toBe(400);
  });

  it('files a retried submission with the same idempotency key only once', async () => {
    const citizen = await h().citizen();
    const before = await countReports(h);
    const headers = { 'idempotency-key': 'offline-draft-0001' };
    const [a, b] = await Promise.all([
      h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport(), headers }),
      h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport(), headers }),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.trackingNumber).toBe(b.body.trackingNumber);
    expect(await countReports(h)).toBe(before + 1);
    const again = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport(), headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const reused = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ title: 'Laporan yang lain sama sekali' }), headers });
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await countReports(h)).toBe(before + 1);
  });

  it('rejects uploads by content, and does not let one citizen use another\'s photo', async () => {
    const a = await h().citizen();
    const b = await h().citizen();
    const text = await upload(h(), a.token, Buffer.from('<?php system($_GET["c"]); ?>'), 'foto.jpg', 'image/jpeg');
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'upload_type', field: 'photo' });
    const svg = await upload(h(), a.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.png', 'image/png');
    expect(svg.status).toBe(415);
    const nothing = await h().call('POST', '/api/v1/uploads', { token: a.token, body: {} });
    expect(nothing.status).toBe(400);
    expect((await upload(h(), a.token, await photo())).status).toBe(201);
    const mine = await upload(h(), a.token, await photo());
    const theft = await h().call('POST', '/api/v1/reports', { token: b.token, body: roadReport({ photoIds: [mine.body.id] }) });
    expect(theft.body.code).toBe('unknown_photo');
    expect((await h().call('GET', `/api/v1/uploads/${mine.body.id}`, { token: b.token })).status).toBe(404);
    expect((await upload(h(), '', await photo())).status).toBe(401);
  });

  it('lets only citizens file reports', async () => {
    const pupr = await h().staff('opd_officer', 'PUPR');
    expect((await h().call('POST', '/api/v1/reports', { token: pupr.token, body: roadReport() })).status).toBe(403);
    expect((await h().call('POST', '/api/v1/reports', { body: roadReport() })).status).toBe(401);
  });
});
