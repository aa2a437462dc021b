import { expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { rowsOf } from '../core/db/json-rows.js';
import { demoService } from './demo-services.js';
import { domisili, localWebhooks, publishDomisiliByData, type H } from './test-fixtures.js';

const count = async (h: H, query: SQL) => rowsOf<{ n: number }>(await h().ctx.db.execute(query))[0]!.n;

describeEachDatabase('layanan: filings that arrive together', (h) => {
  it('writes them together once each: submitted at once with deadlines, timeline, audit and webhook; a key sent twice files one; a bad one fails alone', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    await publishDomisiliByData(h, admin.token);
    expect((await h().call('PUT', '/api/v1/layanan/services/sk-domisili/webhook', { token: admin.token, body: { url: 'http://127.0.0.1:9/siak', secret: 'rahasia-webhook-siak-0001' } })).status).toBe(200);
    const citizens: { token: string }[] = [];
    for (let i = 0; i < 4; i++) citizens.push(await h().citizen());

    const twice = { 'idempotency-key': 'layanan-twice-0001' };
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h().call('POST', '/api/v1/layanan/applications', {
          token: citizens[i % 4]!.token,
          headers: i === 0 || i === 4 ? twice : { 'idempotency-key': `layanan-many-${i}` },
          // The eleventh lives at an address too short for the form.
          body: { serviceCode: 'sk-domisili', answers: domisili(i === 10 ? { alamat: 'Jl. A' } : {}), submit: true },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(201), 422, 201]);
    expect([answers[10]!.body.code, answers[10]!.body.field]).toEqual(['form_invalid', 'answers.alamat']);
    const filed = answers.filter((a) => a.status === 201);
    const numbers = filed.map((a) => a.body.number as string);
    // Citizen 0's key twice (the first and the fifth call): one application.
    expect(answers[4]!.body.number).toBe(answers[0]!.body.number);
    expect(new Set(numbers).size).toBe(10);
    // One step's working day and the service's three, from Monday 2 March 2026.
    expect(filed.map((a) => [a.body.status, a.body.stepDueAt, a.body.dueAt])).toEqual(Array(11).fill(['submitted', '2026-03-03T16:59:59.999Z', '2026-03-05T16:59:59.999Z']));

    // The answer is built from what was written: it is what reading it back gives.
    for (const i of [2, 11]) {
      const read = await h().call('GET', `/api/v1/layanan/applications/${answers[i]!.body.number}`, { token: citizens[i % 4]!.token });
      expect(answers[i]!.body).toEqual(read.body);
    }
    expect(answers[2]!.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit']);

    const distinct = sql.join([...new Set(numbers)].map((n) => sql`${n}`), sql`, `);
    expect(await count(h, sql`select count(*)::int as n from layanan_applications where number in (${distinct})`)).toBe(10);
    expect(await count(h, sql`select count(*)::int as n from layanan_applications a where a.service_id = (select id from layanan_services where code = 'sk-domisili')`)).toBe(10);
    // Each one's timeline in order (created, then submitted), its audit lines and its webhook delivery.
    const timelines = rowsOf<{ actions: string }>(
      await h().ctx.db.execute(sql`select string_agg(e.action, ',' order by e.at, e.id) as actions from layanan_events e join layanan_applications a on a.id = e.application_id where a.number in (${distinct}) group by a.id`),
    );
    expect(timelines.map((t) => t.actions)).toEqual(Array(10).fill('create,submit'));
    expect(await count(h, sql`select count(*)::int as n from audit_log where entity = 'layanan_application' and entity_id in (${distinct}) and action in ('layanan.create', 'layanan.submit')`)).toBe(20);
    const deliveries = rowsOf<{ event: string; body: string }>(await h().ctx.db.execute(sql`select event, body from layanan_webhook_deliveries where application_number in (${distinct})`));
    expect(deliveries.map((d) => d.event)).toEqual(Array(10).fill('application.submitted'));
    expect(JSON.parse(deliveries[0]!.body).application).toMatchObject({ status: 'submitted', step: { key: 'verifikasi', dueAt: '2026-03-03T16:59:59.999Z' }, nikMasked: expect.stringMatching(/^\d{4}\*+\d{2}$/) });
  });

  it('a counter filing answers the officer with the walk-in’s identity, that look audited once with the filing', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const counter = await h().staff('opd_officer', 'DISDUKCAPIL');
    // The domicile letter once more, under a code of its own (the database is the first test's).
    const { service, version } = demoService('sk-domisili');
    const { opdCode: _, ...body } = service;
    expect((await h().call('POST', '/api/v1/layanan/services', { token: admin.token, body: { ...body, code: 'domisili-loket' } })).status).toBe(201);
    expect((await h().call('POST', '/api/v1/layanan/services/domisili-loket/versions', { token: admin.token, body: version })).status).toBe(201);
    const filed = await h().call('POST', '/api/v1/layanan/applications', {
      token: counter.token,
      headers: { 'idempotency-key': 'layanan-counter-0001' },
      body: { serviceCode: 'domisili-loket', answers: domisili(), applicant: { fullName: 'Syamsul Bahri', nik: '1471031505850007' } },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'draft', channel: 'counter', applicant: { name: 'Syamsul Bahri', nik: '1471031505850007', assisted: true } });
    const number = filed.body.number as string;
    const views = () => count(h, sql`select count(*)::int as n from audit_log where action = 'layanan.view_applicant' and entity_id = ${number}`);
    expect(await views()).toBe(1);
    // A retry is the same draft, read back (and that look audited too).
    const again = await h().call('POST', '/api/v1/layanan/applications', {
      token: counter.token,
      headers: { 'idempotency-key': 'layanan-counter-0001' },
      body: { serviceCode: 'domisili-loket', answers: domisili(), applicant: { fullName: 'Syamsul Bahri', nik: '1471031505850007' } },
    });
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.number]).toEqual([201, 'true', number]);
    expect(again.body).toEqual(filed.body);
    expect(await views()).toBe(2);
  });
}, localWebhooks());
