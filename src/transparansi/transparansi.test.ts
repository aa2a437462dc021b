/**
 * The transparency figures match their sources (the dashboard's API, the SKM's hand-computed
 * example, the PPID's yearly report), carry no personal data, are kept a while; the status answers
 * from the server's snapshot with the published disruption notice.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { REPORTER, seed, wib } from '../dashboard/test-seed.js';
import { EXAMPLE, EXAMPLE_ROWS } from '../skm/test-fixtures.js';
import { file as filePpid, request as ppidRequest } from '../ppid/test-fixtures.js';
import { disruption, published } from '../portal/test-fixtures.js';
import { PUPR_DPA } from '../emonev/test-fixtures.js';
import { realisationByOpd } from '../emonev/read-model.js';
import { CURRENT_YEAR_TTL_MS } from './figures.js';
import { buildSnapshot } from './monitor.js';
import { openDatabase } from '../core/db/client.js';
import { MODULES } from '../modules.js';

const SUGGESTION = 'Petugas bernama Budi Santoso sangat membantu';

describeEachDatabase('transparansi: public figures and the status page', (h) => {
  let s: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    s = await seed(h());
    const units = (await h().call('GET', '/api/v1/skm/units')).body.items as { kind: string; publicKey: string }[];
    const desk = units.find((u) => u.kind === 'aduan_desk')!;
    for (const [i, scores] of EXAMPLE_ROWS.entries()) {
      const res = await h().call('POST', `/api/v1/skm/units/by-key/${desk.publicKey}/answers`, { body: { scores, sex: 'P', ...(i === 0 ? { suggestion: SUGGESTION } : {}) } });
      expect(res.status).toBe(201);
    }
    await filePpid(h, ppidRequest());
    const bappeda = await h().staff('bappeda');
    expect((await h().call('POST', '/api/v1/emonev/dpa', { token: bappeda.token, body: PUPR_DPA })).status).toBe(201);
  });

  const figures = (year = 2026) => h().call('GET', `/api/v1/transparansi?year=${year}`);

  it('shows complaints per OPD with the SLA shares the dashboard counts for the year', async () => {
    const res = await figures();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(`public, max-age=${CURRENT_YEAR_TTL_MS / 1000}`);
    const exec = (await h().staff('executive')).token;
    const dashboard = (await h().call('GET', '/api/v1/dashboard/summary?from=2026-01-01&to=2026-12-31', { token: exec })).body;
    const ours = res.body.complaints.byOpd;
    expect(ours.map((o: { code: string }) => o.code)).toEqual(dashboard.byOpd.map((o: { code: string }) => o.code));
    for (const o of dashboard.byOpd) {
      expect(ours.find((x: { code: string }) => x.code === o.code)).toMatchObject({ name: o.name, received: o.reports, followUpSla: o.followUpSla, resolveSla: o.resolveSla });
    }
    // The fortnight by hand (dashboard/test-seed.ts): PUPR has A, B and F; A and F resolved, A's follow-up on time, B's and F's late.
    expect(ours.find((x: { code: string }) => x.code === 'PUPR')).toMatchObject({ received: 3, handled: 2, followUpSla: { met: 1, decided: 3 } });
    expect(ours.find((x: { code: string }) => x.code === 'DLH')).toMatchObject({ received: 1, handled: 1, resolveSla: { met: 1, decided: 1, share: 1 } });
    expect(res.body.complaints.total).toMatchObject({ received: 4, handled: 3, followUpSla: { met: dashboard.totals.followUpSla.met, decided: dashboard.totals.followUpSla.decided } });
  });

  it('shows the IKM per unit as the regulation computes it, and the PPID report and e-monev figures as published', async () => {
    const b = (await figures()).body;
    expect(b.ikm).toEqual([expect.objectContaining({ name: 'Layanan Pengaduan Masyarakat', kind: 'aduan_desk', opd: null, respondents: 10, ikm: EXAMPLE.ikm, converted: EXAMPLE.converted, grade: EXAMPLE.grade })]);
    expect(b.ikm[0].label.id).toBe(EXAMPLE.label);
    const report = (await h().call('GET', '/api/v1/ppid/report?year=2026')).body;
    expect(b.ppid.total).toMatchObject({ received: 1, open: 1 });
    expect(b.ppid.total).toMatchObject({ received: report.total.received, open: report.total.open, successful: report.total.successful, rejected: report.total.rejected });
    // PUPR's DPA, nothing reported yet: the budget, nothing spent.
    const source = await realisationByOpd(h().ctx.db, 2026);
    expect(b.emonev).toEqual(source.map(({ opd, year: _year, ...r }) => ({ opd: { code: opd.code, name: opd.name }, ...r })));
    expect(b.emonev).toMatchObject([{ opd: { code: 'PUPR' }, subActivities: 1, reported: 0, budget: 4_000_000_000, financialRp: 0 }]);
  });

  it('carries no personal data: no reporter, requester, suggestion, NIK, e-mail or tracking number', async () => {
    const text = (await figures()).text;
    for (const secret of [REPORTER, SUGGESTION, 'Budi', 'Fitriani Lubis', '1471015203880004', 'fitriani@mail.test', '@mail.test', s.A, s.D]) expect(text).not.toContain(secret);
    // No 16-digit number (a NIK), other than a share's decimals.
    expect(text).not.toMatch(/(?<![\d.])\d{16}(?!\d)/);
  });

  it('keeps a year’s figures a while, then counts again', async () => {
    const before = (await figures()).body.ppid.total.received;
    await filePpid(h, ppidRequest({ information: 'Daftar penerima beasiswa kota tahun 2026.' }));
    expect((await figures()).body.ppid.total.received).toBe(before);
    h().setNow(new Date(h().now().getTime() + CURRENT_YEAR_TTL_MS + 1000));
    expect((await figures()).body.ppid.total.received).toBe(before + 1);
  });

  it('refuses a year outside the platform’s years, naming the field', async () => {
    const future = await figures(2027);
    expect([future.status, future.body.code, future.body.field]).toEqual([422, 'year_out_of_range', 'year']);
    expect(future.body.message.en).toContain('2026');
    const bad = await h().call('GET', '/api/v1/transparansi?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    // A past year is empty, not an error.
    expect((await figures(2025)).body.complaints.byOpd).toEqual([]);
  });

  it('answers the status from the server’s checks, with the published disruption notice, as JSON and as plain HTML', async () => {
    const editor = await h().staff('portal_editor', 'DISKOMINFOTIKSAN');
    const checker = await h().staff('portal_checker', 'DISKOMINFOTIKSAN');
    h().setNow(wib('2026-03-13T16:00'));
    const notice = disruption({ title: 'Gangguan jaringan pusat data', since: '2026-03-13T08:00:00Z', expectedEnd: '2026-03-14T08:00:00Z' });
    await published(h, editor.token, checker.token, notice);
    // The server checks every second here (20 s by default): the notice appears with the next check.
    let status: { body: { disruptions: { title: string }[] } & Record<string, unknown> } | undefined;
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
      status = await h().call('GET', '/api/v1/status');
      if (status.body.disruptions?.length) break;
    }
    expect(status!.body).toMatchObject({ overall: expect.stringMatching(/^(up|degraded)$/), checkSeconds: 1, disruptions: [{ title: notice.title, summary: notice.summary, services: notice.services, expectedEnd: new Date(notice.expectedEnd as string).toISOString() }] });
    const components = Object.fromEntries((status!.body.components as { key: string; status: string }[]).map((c) => [c.key, c.status]));
    // No job runs in the test harness: the queue has no heartbeat yet. No phone provider is configured.
    expect(components).toEqual({ database: 'up', 'job-queue': 'unknown', 'file-storage': 'up' });
    expect((status!.body.modules as { name: string; status: string }[]).map((m) => m.name)).toEqual(expect.arrayContaining(['core', 'aduan', 'ppid', 'portal', 'transparansi']));
    const page = await h().call('GET', '/status.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Gangguan jaringan pusat data');
    expect(page.text).toContain('Basis data <span lang="en">(Database)</span>: <strong class="up">');
  }, 120_000);

  it('shows the database down and keeps the notices last read when the embedded database has stopped', async () => {
    const before = await buildSnapshot(h().ctx, MODULES, null);
    expect(before.disruptions).toHaveLength(1);
    const stopped = await openDatabase({});
    await stopped.close();
    const during = await buildSnapshot({ ...h().ctx, db: stopped.db }, MODULES, before);
    expect(during.overall).toBe('down');
    expect(during.components.find((c) => c.key === 'database')).toMatchObject({ status: 'down', detail: { id: 'Tidak menjawab (galat)', en: 'Not answering (error)' } });
    expect(during.components.find((c) => c.key === 'job-queue')?.status).toBe('unknown');
    expect(during.modules.every((m) => m.status === 'down')).toBe(true);
    expect([during.disruptions, during.disruptionsReadAt]).toEqual([before.disruptions, before.disruptionsReadAt]);
  }, 60_000);
}, { status: { checkMs: 1000, heartbeatMs: 30_000 } });
