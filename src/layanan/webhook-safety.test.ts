import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { checkWebhookUrl, privateAddress } from './webhook-address.js';
import { deliverWebhooks } from './webhook-delivery.js';
import { fileSubmitted, publishDomisiliByData } from './test-fixtures.js';
import * as q from './queries.js';

const INTERNAL = [
  'http://127.0.0.1/hook',
  'http://127.1/hook',
  'http://0x7f.0.0.1/hook',
  'http://2130706433/hook',
  'http://0.0.0.0:8080/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::]/hook',
  'http://localhost:3000/hook',
  'http://siak.localhost/hook',
  'http://10.20.30.40/hook',
  'http://172.16.0.5/hook',
  'http://192.168.1.10/hook',
  'http://100.100.100.200/latest/meta-data',
  'http://169.254.169.254/latest/meta-data/iam',
  'http://[fd00:ec2::254]/latest/meta-data',
  'http://[fe80::1]/hook',
  'http://[64:ff9b::a00:1]/hook',
];

describe('layanan: where a webhook may point', () => {
  it('refuses loopback, private, shared, link-local and metadata addresses however written, and names that are loopback', async () => {
    for (const url of INTERNAL) {
      await expect(checkWebhookUrl(url, false), url).rejects.toMatchObject({ status: 422, code: 'webhook_private_address', field: 'url' });
    }
  });

  it('refuses schemes other than http(s) and credentials in the URL, allowed private addresses or not', async () => {
    for (const url of ['ftp://siak.example.go.id/x', 'file:///etc/passwd', 'gopher://10.0.0.1:70/x', 'https://user:pw@siak.example.go.id/']) {
      await expect(checkWebhookUrl(url, true), url).rejects.toMatchObject({ status: 422, code: 'webhook_url', field: 'url' });
    }
  });

  it('keeps a public address, and an internal one only when private addresses are allowed', async () => {
    expect(await checkWebhookUrl('https://103.10.20.30/siak', false)).toBe('https://103.10.20.30/siak');
    expect(await checkWebhookUrl('http://[2001:df0:1::5]:8443/x', false)).toBe('http://[2001:df0:1::5]:8443/x');
    expect(await checkWebhookUrl('http://127.0.0.1:9/siak', true)).toBe('http://127.0.0.1:9/siak');
    expect([privateAddress('8.8.8.8'), privateAddress('::ffff:10.0.0.1'), privateAddress('2001:df0:1::5')]).toEqual([false, true, false]);
  });
});

// The platform's default: private addresses refused.
describeEachDatabase('layanan: webhooks never reach the platform’s own network', (h) => {
  let hits = 0;
  const listener = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200).end();
  });
  beforeAll(() => new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('the OPD admin is told in both languages which field is wrong; a name that resolves to loopback at delivery (DNS rebinding) is not posted to', async () => {
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    await publishDomisiliByData(h, admin.token);
    const port = (listener.address() as AddressInfo).port;

    const refused = await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: { url: 'http://169.254.169.254/latest/meta-data', secret: 'rahasia-webhook-siak-0001' } });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'webhook_private_address', 'url']);
    expect(refused.body.message).toEqual({ id: expect.stringContaining('jaringan internal'), en: expect.stringContaining('internal network') });
    const loopback = await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: { url: `http://127.0.0.1:${port}/siak`, secret: 'rahasia-webhook-siak-0001' } });
    expect([loopback.status, loopback.body.code]).toEqual([422, 'webhook_private_address']);
    expect((await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body.webhook).toBeNull();

    // A webhook kept under a name that now resolves to this machine, as after DNS rebinding (set
    // straight in the table: configuration would have refused "localhost" itself).
    const service = (await q.serviceByCode(h().ctx.db, 'sk-domisili'))!;
    await q.putWebhook(h().ctx.db, { serviceId: service.id, url: `http://localhost:${port}/siak`, secretEncrypted: h().ctx.cipher.encrypt('rahasia-webhook-siak-0001'), active: true, updatedAt: h().now(), updatedById: null });
    const number = await fileSubmitted(h);
    expect(await deliverWebhooks(h().ctx)).toBe(1);
    expect(hits).toBe(0);
    const log = (await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body;
    expect(log.deliveries).toEqual([expect.objectContaining({ application: number, status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'EPRIVATEADDRESS' })]);

    // And an internal address kept as it is, refused before any connection.
    await q.putWebhook(h().ctx.db, { serviceId: service.id, url: `http://[::ffff:127.0.0.1]:${port}/siak`, secretEncrypted: h().ctx.cipher.encrypt('rahasia-webhook-siak-0001'), active: true, updatedAt: h().now(), updatedById: null });
    h().setNow(new Date(h().now().getTime() + 60 * 60_000));
    expect(await deliverWebhooks(h().ctx)).toBe(1);
    expect(hits).toBe(0);
    expect((await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body.deliveries[0]).toMatchObject({ attempts: 2, lastError: 'EPRIVATEADDRESS' });
  });
});
