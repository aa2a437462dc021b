import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { photo } from '../test/fixtures.js';
import { act, domisili, localWebhooks, publish, scan, upload } from './test-fixtures.js';
import { deliverWebhooks, FIRST_RETRY_MS, MAX_ATTEMPTS } from './webhook-delivery.js';

const SECRET = 'rahasia-bersama-sistem-siak-2026';

interface Received {
  event: string;
  body: { event: string; at: string; application: Record<string, unknown> };
  signatureValid: boolean;
  delivery: string;
}

/**
 * A small webhook receiver, as an OPD's system would run it: it checks the signature and the
 * timestamp, keeps each delivery once, and answers with `status()` (500 while it is "down").
 */
function receiver(now: () => Date) {
  const received: Received[] = [];
  let answer = 200;
  let onEvent: (r: Received) => Promise<void> = async () => undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const ts = String(req.headers['x-khidmat-timestamp']);
        const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-khidmat-signature']));
        const fresh = Math.abs(now().getTime() / 1000 - Number(ts)) < 300;
        const r: Received = { event: String(req.headers['x-khidmat-event']), body: JSON.parse(raw), signatureValid: fresh && given.length === expected.length && timingSafeEqual(given, expected), delivery: String(req.headers['x-khidmat-delivery']) };
        received.push(r);
        if (answer === 200 && r.signatureValid) await onEvent(r);
        res.writeHead(answer).end();
      })();
    });
  });
  return {
    received,
    server,
    failWith: (status: number) => void (answer = status),
    on: (fn: (r: Received) => Promise<void>) => void (onEvent = fn),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/khidmat`,
  };
}

describeEachDatabase('layanan: webhooks to an OPD system and its incoming API', (h) => {
  let rx: ReturnType<typeof receiver>;
  beforeAll(async () => {
    rx = receiver(() => h().now());
    await new Promise<void>((resolve) => rx.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => rx.server.close(() => resolve())));

  it('a signed event reaches the receiver, which posts the steps and the document back with its key; wrong and foreign keys see nothing; a failing receiver is retried', async () => {
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const officer = await h().staff('opd_officer', 'DISDUKCAPIL');
    const dinsosAdmin = await h().staff('opd_admin', 'DINSOS');
    await publish(h, admin.token, 'sk-domisili');

    // The webhook is the service's own OPD admin's: not an officer's (403), not another OPD's (404).
    const hook = { url: rx.url(), secret: SECRET };
    expect((await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: officer.token, body: hook })).status).toBe(403);
    expect((await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: dinsosAdmin.token, body: hook })).status).toBe(404);
    const badUrl = await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: { ...hook, url: 'ftp://siak.local/x' } });
    expect([badUrl.status, badUrl.body.code, badUrl.body.field]).toEqual([422, 'webhook_url', 'url']);
    const set = await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: hook });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ webhook: { url: rx.url(), active: true, updatedAt: expect.any(String) }, deliveries: [] });
    expect(JSON.stringify(set.body)).not.toContain(SECRET);

    // The OPD's key, shown once; another OPD's key for the foreign-scope checks.
    const issued = await h().call('POST', '/api/v1/layanan/opd-keys', { token: admin.token, body: { name: 'SIAK Disdukcapil' } });
    expect(issued.status).toBe(201);
    const key = issued.body.key as string;
    const keys = await h().call('GET', '/api/v1/layanan/opd-keys', { token: admin.token });
    expect(keys.body).toEqual([expect.objectContaining({ id: issued.body.id, name: 'SIAK Disdukcapil', revokedAt: null })]);
    expect(JSON.stringify(keys.body)).not.toContain(key);
    const foreignKey = (await h().call('POST', '/api/v1/layanan/opd-keys', { token: dinsosAdmin.token, body: { name: 'SIKS Dinsos' } })).body.key as string;
    const withKey = (k: string, headers: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${k}`, ...headers } });

    // The receiver answers a submission by passing the verification step through the incoming API.
    rx.on(async (r) => {
      if (r.event !== 'application.submitted') return;
      const res = await fetch(`${h().baseUrl}/api/v1/layanan/integration/applications/${String(r.body.application.number)}/pass`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': `siak-delivery-${r.delivery}` },
        body: JSON.stringify({ message: 'Data cocok dengan SIAK.' }),
      });
      if (res.status !== 200) throw new Error(`pass back failed: ${res.status} ${await res.text()}`);
    });

    const citizen = await h().citizen({ fullName: 'Rahmawati' });
    const number = (await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili() } })).body.number as string;
    await upload(h, citizen.token, number, 'kk', await scan('Kartu Keluarga'));
    await upload(h, citizen.token, number, 'pengantar_rt', await photo(), 'pengantar.jpg', 'image/jpeg');
    // A draft sends nothing: it is the applicant's alone.
    expect((await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body.deliveries).toEqual([]);
    expect((await act(h, citizen.token, number, 'submit')).body.status).toBe('submitted');

    expect(await deliverWebhooks(h().ctx)).toBe(1);
    expect(rx.received).toHaveLength(1);
    const first = rx.received[0]!;
    expect(first.signatureValid).toBe(true);
    expect(first.body).toMatchObject({ event: 'application.submitted', application: { number, service: 'sk-domisili', status: 'submitted', step: { key: 'verifikasi' }, channel: 'online' } });
    // No NIK in clear, no answer, no name in the payload.
    expect(first.body.application.nikMasked).toMatch(/^1472\*{10}\d{2}$/);
    expect(JSON.stringify(first.body)).not.toMatch(/1472\d{12}|Rahmawati|Sultan Syarif/);

    // The receiver's pass moved it, by the desk's rules.
    const moved = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: citizen.token });
    expect(moved.body).toMatchObject({ status: 'in_process', step: { key: 'persetujuan' } });
    expect(moved.body.timeline.at(-1)).toMatchObject({ action: 'pass', message: 'Data cocok dengan SIAK.' });

    // Refusals: no key or a wrong key is 401, a staff session is no key (403), problem+json either way.
    const none = await h().call('GET', '/api/v1/layanan/integration/applications');
    expect([none.status, none.headers.get('content-type'), none.body.code]).toEqual([401, 'application/problem+json; charset=utf-8', 'api_key_invalid']);
    expect(none.body.title ?? none.body.detail).toBeTruthy();
    const wrong = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/approve`, { ...withKey('khl_bukan-kunci-yang-benar'), body: {} });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'api_key_invalid']);
    const session = await h().call('GET', '/api/v1/layanan/integration/applications', { token: admin.token });
    expect([session.status, session.body.code]).toEqual([403, 'opd_key_required']);

    // Another OPD's key sees nothing of Disdukcapil's applications and moves none.
    expect((await h().call('GET', '/api/v1/layanan/integration/applications', withKey(foreignKey))).body.items).toEqual([]);
    expect((await h().call('GET', `/api/v1/layanan/integration/applications/${number}`, withKey(foreignKey))).status).toBe(404);
    expect((await h().call('POST', `/api/v1/layanan/integration/applications/${number}/approve`, { ...withKey(foreignKey), body: {} })).status).toBe(404);

    // Its own key lists it (changed since before the submission) and reads it as the desk does.
    const listed = await h().call('GET', `/api/v1/layanan/integration/applications?since=${encodeURIComponent('2026-01-01T00:00:00Z')}`, withKey(key));
    expect(listed.body.items).toEqual([expect.objectContaining({ number, status: 'in_process', applicantName: 'Rahmawati', step: expect.objectContaining({ key: 'persetujuan' }) })]);
    expect((await h().call('GET', `/api/v1/layanan/integration/applications/${number}`, withKey(key))).body.applicant.nik).toMatch(/^1472\d{12}$/);

    // The lifecycle table holds for the key as for the desk: issuing before approval is a 409.
    const early = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/issue`, { ...withKey(key), raw: pdfForm(await scan('Surat dari SIAK')) });
    expect([early.status, early.body.code]).toEqual([409, 'invalid_transition']);

    // The receiver is down: the step-changed event fails, is retried after the back-off, and the log shows it.
    rx.failWith(500);
    expect(await deliverWebhooks(h().ctx)).toBe(1);
    let log = (await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body;
    expect(log.deliveries[0]).toMatchObject({ event: 'application.step_changed', status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(new Date(log.deliveries[0].nextAttemptAt).getTime()).toBe(h().now().getTime() + FIRST_RETRY_MS);
    expect(log.deliveries[1]).toMatchObject({ event: 'application.submitted', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(await deliverWebhooks(h().ctx)).toBe(0);
    rx.failWith(200);
    h().setNow(new Date(h().now().getTime() + FIRST_RETRY_MS + 1000));
    expect(await deliverWebhooks(h().ctx)).toBe(1);
    log = (await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body;
    expect(log.deliveries[0]).toMatchObject({ event: 'application.step_changed', status: 'delivered', attempts: 2, lastStatusCode: 200, nextAttemptAt: null });
    const retried = rx.received.filter((r) => r.event === 'application.step_changed');
    expect(retried.map((r) => r.delivery)).toEqual([retried[0]!.delivery, retried[0]!.delivery]);
    // The log is the service's own OPD admin's.
    expect((await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: dinsosAdmin.token })).status).toBe(404);
    expect((await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: officer.token })).status).toBe(403);

    // Approval and the document back, idempotently: a resend is the same answer, nothing issued twice.
    const approved = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/approve`, { ...withKey(key, { 'idempotency-key': 'siak-approve-1' }), body: {} });
    expect(approved.body).toMatchObject({ status: 'approved', step: { key: 'penerbitan' } });
    const document = await scan('Surat Keterangan Domisili dari SIAK');
    const sent = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/issue`, { ...withKey(key, { 'idempotency-key': 'siak-issue-1' }), raw: pdfForm(document) });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'issued', documentNumber: expect.stringMatching(/^SK-DOMISILI\//) });
    const again = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/issue`, { ...withKey(key, { 'idempotency-key': 'siak-issue-1' }), raw: pdfForm(document) });
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.documentNumber]).toEqual([200, 'true', sent.body.documentNumber]);
    const done = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: citizen.token });
    expect(done.body.timeline.filter((e: { action: string }) => e.action === 'issue')).toHaveLength(1);
    const pdf = await h().call('GET', done.body.documentUrl, { token: citizen.token });
    expect([pdf.status, pdf.text.includes('/ByteRange')]).toEqual([200, true]);
    // A file that is no PDF is refused by the pipeline, named by its field.
    const notPdf = await h().call('POST', `/api/v1/layanan/integration/applications/${number}/issue`, { ...withKey(key), raw: pdfForm(Buffer.from('nama,nik\nA,1\n'), 'x.csv') });
    expect([notPdf.status, notPdf.body.field]).toEqual([415, 'file']);

    // A revoked key is refused at once.
    expect((await h().call('DELETE', `/api/v1/layanan/opd-keys/${issued.body.id}`, { token: admin.token })).status).toBe(204);
    expect((await h().call('GET', '/api/v1/layanan/integration/applications', withKey(key))).status).toBe(401);
    expect((await h().call('DELETE', `/api/v1/layanan/opd-keys/${issued.body.id}`, { token: dinsosAdmin.token })).status).toBe(404);

    // A receiver that never answers well is given up after MAX_ATTEMPTS, the last error kept.
    rx.failWith(503);
    await deliverWebhooks(h().ctx);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      h().setNow(new Date(h().now().getTime() + FIRST_RETRY_MS * 2 ** i));
      await deliverWebhooks(h().ctx);
    }
    log = (await h().call('GET', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token })).body;
    const issuedEvent = log.deliveries.find((d: { event: string }) => d.event === 'application.issued');
    expect(issuedEvent).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastStatusCode: 503, nextAttemptAt: null });
  });
}, localWebhooks());

function pdfForm(data: Buffer | Uint8Array, name = 'surat.pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name);
  return form;
}
