import { beforeAll, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { describeEachDatabase, type Harness } from '../test/harness.js';
import { BAGAN_KELADI, PEKANBARU, fileReport, photo, step, upload } from '../test/fixtures.js';

const xml = new XMLParser();
const XML_TYPE = 'text/xml; charset=utf-8';

const REPORTER = { email: 'budi.open311@mail.test', first_name: 'Budi', last_name: 'Santoso', phone: '081277001122' };

const pothole = (apiKey: string, overrides: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'INF-JALAN',
  lat: String(BAGAN_KELADI.lat),
  long: String(BAGAN_KELADI.lng),
  address_string: 'Jl. Sultan Hasanuddin',
  description: 'Lubang besar di badan jalan dekat sekolah, berbahaya bagi pengendara motor.',
  device_id: 'device-123',
  media_url: 'https://example.org/lubang.jpg',
  ...REPORTER,
  ...overrides,
});

function postForm(h: Harness, format: 'json' | 'xml', fields: Record<string, string>) {
  return h.call('POST', `/open311/v2/requests.${format}`, {
    raw: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** The spec's error list in either format: [{code, description}]. */
function errorsOf(res: { headers: Headers; body: unknown; text: string }): { code: number; description: string }[] {
  if ((res.headers.get('content-type') ?? '').startsWith('text/xml')) {
    const error = xml.parse(res.text).errors.error;
    return Array.isArray(error) ? error : [error];
  }
  return res.body as { code: number; description: string }[];
}

describeEachDatabase('open311: GeoReport v2', (h) => {
  let apiKey: string;
  let superAdmin: string;
  // One triage officer for the whole file: logins are throttled per client address.
  let triage: string;

  beforeAll(async () => {
    superAdmin = (await h().staff('super_admin')).token;
    triage = (await h().staff('triage_admin', 'DISKOMINFOTIKSAN')).token;
    const res = await h().call('POST', '/api/v1/admin/api-keys', { token: superAdmin, body: { name: 'FixMyStreet Dumai' } });
    expect(res.status).toBe(201);
    apiKey = res.body.key;
  });

  it('describes itself in discovery, JSON and XML', async () => {
    const json = await h().call('GET', '/open311/v2/discovery.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${h().baseUrl}/open311/v2`,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(json.body.changeset).toBeTruthy();
    expect(json.body.key_service).toBeTruthy();

    const res = await h().call('GET', '/open311/v2/discovery.xml');
    expect(res.headers.get('content-type')).toBe(XML_TYPE);
    const endpoint = xml.parse(res.text).discovery.endpoints.endpoint;
    expect(endpoint.url).toBe(`${h().baseUrl}/open311/v2`);
    expect(endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists every sub-category as a service and defines it', async () => {
    const json = await h().call('GET', '/open311/v2/services.json');
    expect(json.status).toBe(200);
    const road = json.body.find((s: { service_code: string }) => s.service_code === 'INF-JALAN');
    expect(road).toEqual({
      service_code: 'INF-JALAN',
      service_name: 'Jalan rusak',
      description: 'Damaged road',
      metadata: false,
      type: 'realtime',
      keywords: expect.stringContaining('Infrastruktur'),
      group: 'Infrastruktur',
    });
    // The khidmat themselves are groups, not services.
    expect(json.body.map((s: { service_code: string }) => s.service_code)).not.toContain('INF');

    const res = await h().call('GET', '/open311/v2/services.xml');
    expect(res.headers.get('content-type')).toBe(XML_TYPE);
    const services = xml.parse(res.text).services.service as Record<string, unknown>[];
    expect(services).toHaveLength(json.body.length);
    expect(services.find((s) => s.service_code === 'SPP-SAMPAH')).toMatchObject({ service_name: 'Sampah menumpuk', group: 'Persampahan & Pariwisata', metadata: false, type: 'realtime' });

    expect((await h().call('GET', '/open311/v2/services/INF-JALAN.json')).body).toEqual({ service_code: 'INF-JALAN', attributes: [] });
    const def = await h().call('GET', '/open311/v2/services/INF-JALAN.xml');
    expect(xml.parse(def.text).service_definition.service_code).toBe('INF-JALAN');

    for (const format of ['json', 'xml']) {
      const missing = await h().call('GET', `/open311/v2/services/NOPE.${format}`);
      expect(missing.status).toBe(404);
      expect(errorsOf(missing)[0]!.code).toBe(404);
    }
  });

  it('issues, lists and revokes API keys for super admins only', async () => {
    expect((await h().call('POST', '/api/v1/admin/api-keys', { token: triage, body: { name: 'Nope' } })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/admin/api-keys')).status).toBe(401);

    const issued = await h().call('POST', '/api/v1/admin/api-keys', { token: superAdmin, body: { name: 'Short-lived client' } });
    const list = await h().call('GET', '/api/v1/admin/api-keys', { token: superAdmin });
    expect(list.body.find((k: { id: number }) => k.id === issued.body.id)).toMatchObject({ name: 'Short-lived client', revokedAt: null });
    expect(list.text).not.toContain(issued.body.key);

    expect((await postForm(h(), 'json', pothole(issued.body.key, { service_code: 'NOPE' }))).status).toBe(400);
    expect((await h().call('DELETE', `/api/v1/admin/api-keys/${issued.body.id}`, { token: superAdmin })).status).toBe(204);
    const refused = await postForm(h(), 'json', pothole(issued.body.key));
    expect(refused.status).toBe(403);
    expect((await h().call('DELETE', '/api/v1/admin/api-keys/999999', { token: superAdmin })).status).toBe(404);
  });

  it('refuses to file without a valid api_key, in the spec error format', async () => {
    const { api_key: _, ...withoutKey } = pothole('x');
    const none = await postForm(h(), 'json', withoutKey);
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);

    const wrong = await postForm(h(), 'xml', pothole('not-a-key', { lat: '' }));
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('content-type')).toBe(XML_TYPE);
    expect(xml.parse(wrong.text)).toMatchObject({ errors: { error: { code: 403, description: expect.stringContaining('api_key') } } });
  });

  it('files a report, maps its token, and shows it only once verified, without the reporter', async () => {
    const filed = await postForm(h(), 'json', pothole(apiKey));
    expect(filed.status).toBe(200);
    const [created] = filed.body;
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^DMI-2026-\d{6}$/), token: expect.any(String), service_notice: expect.any(String), account_id: null });
    const tn = created.service_request_id as string;

    expect((await h().call('GET', `/open311/v2/tokens/${created.token}.json`)).body).toEqual([{ service_request_id: tn, token: created.token }]);
    const tokenXml = await h().call('GET', `/open311/v2/tokens/${created.token}.xml`);
    expect(xml.parse(tokenXml.text).service_requests.request).toEqual({ service_request_id: tn, token: created.token });
    expect((await h().call('GET', '/open311/v2/tokens/unknown-token.json')).status).toBe(404);

    // Not public before verification: as if it did not exist.
    const hidden = await h().call('GET', `/open311/v2/requests/${tn}.json`);
    expect(hidden.status).toBe(404);
    expect(errorsOf(hidden)[0]!.code).toBe(404);
    expect((await h().call('GET', '/open311/v2/requests.json')).body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(tn);

    // Staff see who filed it: the contact was stored (encrypted) for them.
    const staffView = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage });
    expect(staffView.body.reporter).toMatchObject({ name: 'Budi Santoso', email: REPORTER.email, phone: REPORTER.phone });
    expect(staffView.body.title).toMatch(/^Jalan rusak: Lubang besar/);

    h().setNow('2026-03-02T03:00:00Z');
    expect((await step(h(), triage, tn, 'verify', { message: 'Laporan valid, segera ditangani.' })).status).toBe(200);

    const json = await h().call('GET', `/open311/v2/requests/${tn}.json`);
    expect(json.status).toBe(200);
    expect(json.body).toEqual([
      {
        service_request_id: tn,
        status: 'open',
        status_notes: 'Laporan valid, segera ditangani.',
        service_name: 'Jalan rusak',
        service_code: 'INF-JALAN',
        description: pothole(apiKey).description,
        agency_responsible: null,
        service_notice: expect.stringContaining('Verified'),
        requested_datetime: '2026-03-02T02:00:00.000Z',
        updated_datetime: '2026-03-02T03:00:00.000Z',
        expected_datetime: null,
        address: 'Jl. Sultan Hasanuddin',
        address_id: null,
        zipcode: null,
        lat: BAGAN_KELADI.lat,
        long: BAGAN_KELADI.lng,
        media_url: null,
      },
    ]);

    const res = await h().call('GET', `/open311/v2/requests/${tn}.xml`);
    expect(res.headers.get('content-type')).toBe(XML_TYPE);
    const request = xml.parse(res.text).service_requests.request;
    expect(request).toMatchObject({ service_request_id: tn, status: 'open', service_code: 'INF-JALAN', lat: BAGAN_KELADI.lat, long: BAGAN_KELADI.lng });
    for (const text of [json.text, res.text]) {
      for (const secret of Object.values(REPORTER)) expect(text).not.toContain(secret);
    }

    // Dispositioned: the lead OPD answers for it, with a due date.
    expect((await step(h(), triage, tn, 'disposition', { opdCodes: ['PUPR'] })).status).toBe(200);
    const handled = (await h().call('GET', `/open311/v2/requests/${tn}.json`)).body[0];
    expect(handled.agency_responsible).toEqual(expect.any(String));
    expect(handled.expected_datetime).toEqual(expect.any(String));
  });

  it('filters public requests by id, service, status and date, and keeps unverified ones out', async () => {
    const [road] = (await postForm(h(), 'json', pothole(apiKey))).body;
    const [rubbish] = (await postForm(h(), 'json', pothole(apiKey, { service_code: 'SPP-SAMPAH', description: 'Sampah menumpuk di pinggir jalan sudah seminggu tidak diangkut.' }))).body;
    const [unverified] = (await postForm(h(), 'json', pothole(apiKey))).body;
    await step(h(), triage, road.service_request_id, 'verify');
    await step(h(), triage, rubbish.service_request_id, 'verify');

    const ids = async (query: string) =>
      ((await h().call('GET', `/open311/v2/requests.json?${query}`)).body as { service_request_id: string }[]).map((r) => r.service_request_id);

    const all = await ids('');
    expect(all).toEqual(expect.arrayContaining([road.service_request_id, rubbish.service_request_id]));
    expect(all).not.toContain(unverified.service_request_id);

    const roads = await ids('service_code=INF-JALAN&status=open');
    expect(roads).toContain(road.service_request_id);
    expect(roads).not.toContain(rubbish.service_request_id);
    expect(await ids('service_code=INF')).toContain(road.service_request_id); // a group code selects its services
    expect(await ids('status=closed')).toEqual([]);
    expect(await ids('status=open,closed')).toEqual(all);

    const byId = await ids(`service_request_id=${rubbish.service_request_id},${unverified.service_request_id}&service_code=INF-JALAN`);
    expect(byId).toEqual([rubbish.service_request_id]);

    expect(await ids('start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z')).toEqual(all);
    expect(await ids('start_date=2026-03-03T00:00:00Z')).toEqual([]);
    expect(await ids('end_date=2026-03-01T00:00:00Z')).toEqual([]);

    const tooLong = await h().call('GET', '/open311/v2/requests.xml?start_date=2025-01-01T00:00:00Z&end_date=2026-03-03T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(errorsOf(tooLong)[0]!.code).toBe(400);
    expect((await h().call('GET', '/open311/v2/requests.json?status=pending')).status).toBe(400);

    const listed = await h().call('GET', '/open311/v2/requests.xml?service_code=SPP-SAMPAH');
    expect(xml.parse(listed.text).service_requests.request).toMatchObject({ service_request_id: rubbish.service_request_id, service_name: 'Sampah menumpuk' });
  });

  it('shows citizens\' public reports with their photo, never confidential ones or the citizen', async () => {
    const citizen = await h().citizen({ fullName: 'Rahmawati Open311', email: 'rahma.open311@mail.test' });
    const up = await upload(h(), citizen.token, await photo());
    const withPhoto = await fileReport(h(), citizen.token, { photoIds: [up.body.id] });
    const confidential = await fileReport(h(), citizen.token, { confidential: true });
    await step(h(), triage, withPhoto, 'verify');
    await step(h(), triage, confidential, 'verify');

    const res = await h().call('GET', `/open311/v2/requests.json?service_request_id=${withPhoto},${confidential}`);
    expect(res.body).toHaveLength(1);
    expect(res.body[0].media_url).toBe(`${h().baseUrl}/api/v1/reports/${withPhoto}/photos/${up.body.id}`);
    expect((await fetch(res.body[0].media_url)).status).toBe(200);
    expect(res.text).not.toContain('Rahmawati');
    expect(res.text).not.toContain('rahma.open311');
    expect((await h().call('GET', `/open311/v2/requests/${confidential}.xml`)).status).toBe(404);
    expect((await h().call('GET', '/open311/v2/requests.json')).text).not.toContain(confidential);
  });

  it('answers refused reports in the spec error format, English then Indonesian', async () => {
    const outside = await postForm(h(), 'json', pothole(apiKey, { lat: String(PEKANBARU.lat), long: String(PEKANBARU.lng) }));
    expect(outside.status).toBe(400);
    expect(outside.body).toEqual([{ code: 400, description: 'The location is outside Kota Dumai. / Lokasi berada di luar wilayah Kota Dumai.' }]);

    const outsideXml = await postForm(h(), 'xml', pothole(apiKey, { lat: String(PEKANBARU.lat), long: String(PEKANBARU.lng) }));
    expect(errorsOf(outsideXml)).toEqual([{ code: 400, description: expect.stringContaining('outside') }]);

    const unknown = await postForm(h(), 'xml', pothole(apiKey, { service_code: 'NOPE' }));
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)).toEqual([{ code: 400, description: 'Unknown category. / Kategori tidak dikenal.' }]);

    const { lat: _, ...noPoint } = pothole(apiKey);
    const missing = await postForm(h(), 'json', noPoint);
    expect(missing.status).toBe(400);
    expect(missing.body[0].description).toContain('lat');

    const noRoute = await h().call('GET', '/open311/v2/nothing.xml');
    expect(noRoute.status).toBe(404);
    expect(errorsOf(noRoute)[0]!.code).toBe(404);
  });
});
