import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type Harness } from '../test/harness.js';
import { BAGAN_KELADI, fileReport, step } from '../test/fixtures.js';
import { PERIOD, REPORTER, seed, wib } from './test-seed.js';
import { auditLog } from '../core/audit/schema.js';
import { holidays as holidaysTable } from '../core/reference/schema.js';
import { workingDaysBetween } from '../core/calendar/working-days.js';
import type { Role } from '../core/auth/schema.js';
import { openMap, rankOpds, type OpdRow } from './service.js';

describeEachDatabase('executive dashboard', (h) => {
  let s: Awaited<ReturnType<typeof seed>>;
  let exec: string;
  beforeAll(async () => {
    s = await seed(h());
    exec = (await h().staff('executive')).token;
  });
  const get = (path: string, token = exec) => h().call('GET', `/api/v1/dashboard/${path}`, { token });

  it('counts the period by status, category, kelurahan and OPD', async () => {
    const res = await get(`summary?${PERIOD}`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.period).toMatchObject({ from: '2026-03-02', to: '2026-03-13' });
    expect(b.unit).toBe('working_days');
    expect(b.sla).toEqual({ verifyWorkingDays: 3, followUpWorkingDays: 5 });
    expect(b.exportMaxRows).toBe(100_000);
    expect(b.totals).toMatchObject({ received: 5, open: 2, resolved: 2, overdue: 1 });
    const byStatus = Object.fromEntries(b.byStatus.filter((x: { count: number }) => x.count).map((x: { code: string; count: number }) => [x.code, x.count]));
    expect(byStatus).toEqual({ submitted: 1, in_progress: 1, resolved: 2, rejected: 1 });
    expect(b.byStatus).toHaveLength(12);
    expect(b.byStatus.find((x: { code: string }) => x.code === 'resolved').label).toEqual({ id: 'Selesai ditangani', en: 'Resolved' });
    expect(b.byCategory.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([['INF', 3], ['SOS', 1], ['SPP', 1]]);
    const kel = b.byKelurahan.filter((k: { count: number }) => k.count);
    expect(kel.map((k: { name: string; count: number }) => [k.name, k.count])).toEqual([['Bagan Keladi', 4], ['Purnama', 1]]);
    expect(b.byKelurahan.length).toBeGreaterThan(30);
    expect(b.byOpd.map((o: OpdRow) => [o.code, o.reports, o.dispositions])).toEqual([['DLH', 1, 1], ['PUPR', 2, 2]]);
  });

  it('gives SLA shares and median working days overall and per OPD, and ranks OPDs by responsiveness', async () => {
    const b = (await get(`summary?${PERIOD}`)).body;
    // Verified: A (1 wd), B (0), C (1); D past its deadline unverified; E rejected without verification.
    expect(b.totals.verifySla).toEqual({ met: 3, decided: 4, share: 0.75 });
    // Dispositions: A answered in 1 wd, B late after 6, C resolved after 1 (the resolution is its answer).
    expect(b.totals.followUpSla).toEqual({ met: 2, decided: 3, share: 2 / 3 });
    expect(b.totals.resolveSla).toEqual({ met: 2, decided: 2, share: 1 });
    expect(b.totals.medians).toEqual({ verify: 1, followUp: 1, resolve: 3 });
    const [dlh, pupr] = b.byOpd;
    expect(dlh).toMatchObject({
      code: 'DLH',
      rank: 1,
      followUpSla: { met: 1, decided: 1, share: 1 },
      resolveSla: { met: 1, decided: 1, share: 1 },
      medians: { verify: 1, followUp: 1, resolve: 2 },
    });
    expect(pupr).toMatchObject({
      code: 'PUPR',
      shortName: 'Dinas PUPR',
      rank: 2,
      followUpSla: { met: 1, decided: 2, share: 0.5 },
      resolveSla: { met: 1, decided: 1, share: 1 },
      medians: { verify: 0.5, followUp: 3.5, resolve: 4 },
    });
  });

  it('draws the weekly trend: received by arrival, resolved by resolution (also of older reports)', async () => {
    const b = (await get(`summary?${PERIOD}`)).body;
    expect(b.trend).toEqual([
      { week: '2026-03-02', received: 5, resolved: 2 },
      { week: '2026-03-09', received: 0, resolved: 1 },
    ]);
  });

  it('reads the period in WIB days: a narrower period holds only its own reports', async () => {
    const b = (await get('summary?from=2026-03-04&to=2026-03-04')).body;
    expect(b.totals.received).toBe(2);
    expect(b.trend).toEqual([{ week: '2026-03-02', received: 2, resolved: 0 }]);
    const f = (await get('summary?from=2026-02-27&to=2026-02-27')).body;
    expect(f.totals).toMatchObject({ received: 1, resolved: 1 });
    // F's disposition (Mon 2) was due Mon 9; its first answer was the resolution on Tue 10: late.
    expect(f.byOpd.map((o: OpdRow) => [o.code, o.followUpSla])).toEqual([['PUPR', { met: 0, decided: 1, share: 0 }]]);
    // Sunday to Monday spans two weeks; Monday to Sunday one.
    const weeks = async (query: string) => (await get(`summary?${query}`)).body.trend.map((w: { week: string }) => w.week);
    expect(await weeks('from=2026-03-01&to=2026-03-02')).toEqual(['2026-02-23', '2026-03-02']);
    expect(await weeks('from=2026-03-02&to=2026-03-08')).toEqual(['2026-03-02']);
  });

  it('defaults to the last 30 days up to today (WIB)', async () => {
    const b = (await get('summary')).body;
    expect(b.period).toMatchObject({ from: '2026-02-12', to: '2026-03-13' });
    expect(b.totals.received).toBe(6);
  });

  it('refuses a reversed or too long period with the field at fault', async () => {
    const reversed = await get('summary?from=2026-03-13&to=2026-03-02');
    expect(reversed.status).toBe(422);
    expect(reversed.body).toMatchObject({ code: 'period_order', field: 'to' });
    const long = await get('map?from=2022-01-01&to=2026-03-13');
    expect(long.status).toBe(422);
    expect(long.body).toMatchObject({ code: 'period_too_long', field: 'from' });
    expect((await get('summary?from=2023-03-14&to=2026-03-13')).status).toBe(200);
    const bad = await get('export.csv?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('maps the open reports of the period without confidential ones or personal data', async () => {
    const res = await get(`map?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, confidentialExcluded: 1, mode: 'points', clusters: [], capped: false });
    expect(res.body.points).toEqual([
      {
        trackingNumber: s.B,
        lat: BAGAN_KELADI.lat,
        lng: BAGAN_KELADI.lng,
        status: 'in_progress',
        statusLabel: { id: 'Sedang ditindaklanjuti', en: 'In progress' },
        category: { id: 'Jalan rusak', en: 'Damaged road' },
        overdue: false,
      },
    ]);
    expect(res.body.byKelurahan).toEqual([{ code: BAGAN_KELADI.code, name: 'Bagan Keladi', kecamatan: 'Dumai Barat', count: 1 }]);
    expect(res.text).not.toContain(s.D);
  });

  it('groups the open reports into grid cells above the point cap, and says when cells were left out', async () => {
    const period = { from: '2026-03-02', to: '2026-03-13' };
    const clustered = await openMap(h().ctx, period, { points: 0, clusters: 5 });
    expect(clustered).toMatchObject({ mode: 'clusters', total: 1, points: [], capped: false });
    expect(clustered.clusters).toEqual([{ lat: BAGAN_KELADI.lat, lng: BAGAN_KELADI.lng, count: 1 }]);
    expect(await openMap(h().ctx, period, { points: 0, clusters: 0 })).toMatchObject({ clusters: [], capped: true, total: 1 });
  });

  it('never puts the reporter into a dashboard answer', async () => {
    const texts = [(await get(`summary?${PERIOD}`)).text, (await get(`map?${PERIOD}`)).text, (await get(`export.csv?${PERIOD}`)).text];
    for (const text of texts) {
      expect(text).not.toContain(REPORTER);
      expect(text).not.toContain(s.citizen.nik);
      expect(text).not.toContain(s.citizen.nik.slice(0, 4) + '*');
    }
  });

  it('exports the period as CSV, one row per report, confidential titles left out, and audits who exported', async () => {
    const res = await get(`export.csv?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="khidmat-laporan-2026-03-02-2026-03-13.csv"');
    const [header, ...rows] = parse(res.text, { bom: true }) as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[0])).toEqual([s.A, s.B, s.C, s.D, s.E]);
    const a = rows[0]!;
    expect(a[col('OPD')]).toBe('Dinas PUPR');
    expect(a[col('Status')]).toBe('Selesai ditangani');
    expect(a[col('Kategori')]).toBe('Infrastruktur');
    expect(a[col('Kelurahan')]).toBe('Bagan Keladi');
    expect(a[col('Diterima (WIB)')]).toBe('2026-03-02 09:00');
    expect(a[col('Selesai (WIB)')]).toBe('2026-03-06 10:00');
    expect([col('Verifikasi tepat waktu'), col('Tindak lanjut tepat waktu'), col('Selesai tepat waktu')].map((i) => a[i])).toEqual(['Ya', 'Ya', 'Ya']);
    expect([col('Hari kerja sampai verifikasi'), col('Hari kerja disposisi sampai tindak lanjut'), col('Hari kerja sampai selesai')].map((i) => a[i])).toEqual(['1', '1', '4']);
    const b = rows[1]!;
    expect(b[col('Tindak lanjut tepat waktu')]).toBe('Tidak');
    expect(b[col('Hari kerja disposisi sampai tindak lanjut')]).toBe('6');
    const d = rows[3]!;
    expect(d[col('Judul (kosong bila rahasia)')]).toBe('');
    expect(d[col('Verifikasi tepat waktu')]).toBe('Tidak');
    expect(res.text).not.toContain('Saluran tersumbat');
    expect(rows[4]![col('Judul (kosong bila rahasia)')]).toBe('Bantuan belum cair');

    const logged = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'dashboard.export'), eq(auditLog.entityId, '2026-03-02..2026-03-13')));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.at(-1)).toMatchObject({ actorRole: 'executive', entity: 'dashboard', detail: { format: 'csv', from: '2026-03-02', to: '2026-03-13', rows: 5, lang: 'id' } });
  });

  it('exports the same table as XLSX, headers in English on request', async () => {
    const res = await fetch(`${h().baseUrl}/api/v1/dashboard/export.xlsx?${PERIOD}&lang=en`, { headers: { authorization: `Bearer ${exec}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="Reports"');
    expect(sheet.match(/<row /g)).toHaveLength(6);
    expect(sheet).toContain('>Tracking number</t>');
    expect(sheet).toContain(`>${s.A}</t>`);
    expect(sheet).toContain('>Resolved</t>');
    expect(sheet).not.toContain('Saluran tersumbat');
    const logged = await h().ctx.db.select().from(auditLog).where(eq(auditLog.action, 'dashboard.export'));
    expect(logged.some((l) => (l.detail as { format: string }).format === 'xlsx')).toBe(true);
  });

  it('counts working days in SQL exactly like the calendar: Nyepi, Idul Fitri and cuti bersama do not count', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin');
    h().setNow(wib('2026-03-17T09:00'));
    const tn = await fileReport(h(), citizen.token, { title: 'Jalan berlubang sebelum lebaran' });
    h().setNow(wib('2026-03-27T09:00'));
    expect((await step(h(), await h().login(triage.email), tn, 'verify')).status).toBe(200);
    const holidays = new Set((await h().ctx.db.select().from(holidaysTable)).map((x) => x.date));
    const expected = workingDaysBetween(new Date(wib('2026-03-17T09:00')), new Date(wib('2026-03-27T09:00')), holidays);
    expect(expected).toBe(3);
    const b = (await get('summary?from=2026-03-17&to=2026-03-17', (await h().staff('executive')).token)).body;
    expect(b.totals.medians.verify).toBe(expected);
  });

  describe('who may open it', () => {
    const allowed: Exclude<Role, 'citizen'>[] = ['executive', 'super_admin', 'auditor', 'triage_admin', 'opd_admin'];
    for (const role of allowed) {
      it(`lets ${role} read every dashboard resource`, async () => {
        const token = (await h().staff(role, role === 'opd_admin' ? 'PUPR' : undefined)).token;
        for (const path of ['summary', 'map', 'export.csv', 'export.xlsx']) {
          const res = await get(`${path}?${PERIOD}`, token);
          expect([path, res.status]).toEqual([path, 200]);
        }
        // OPD heads see the city-wide picture, not only their own OPD.
        expect((await get(`summary?${PERIOD}`, token)).body.totals.received).toBe(5);
      });
    }

    it('refuses OPD officers and citizens (403) and visitors (401)', async () => {
      const officer = (await h().staff('opd_officer', 'PUPR')).token;
      for (const path of ['summary', 'map', 'export.csv', 'export.xlsx']) {
        expect((await get(`${path}?${PERIOD}`, officer)).status).toBe(403);
        expect((await get(`${path}?${PERIOD}`, s.citizen.token)).status).toBe(403);
        const anon = await h().call('GET', `/api/v1/dashboard/${path}?${PERIOD}`);
        expect(anon.status).toBe(401);
      }
    });
  });

  it('answers repeat viewers from one computation, and counts a new report at once', async () => {
    // One clock minute throughout: only the report itself can make the summary move.
    h().setNow(wib('2026-03-13T16:00'));
    const token = (await h().staff('executive')).token;
    const before = (await get(`summary?${PERIOD}`, token)).body;
    expect(before.totals).toBeDefined();
    expect((await get(`summary?${PERIOD}`, token)).body).toEqual(before);
    await fileReport(h(), s.citizen.token, { title: 'Jalan amblas di simpang' });
    const after = (await get(`summary?${PERIOD}`, token)).body;
    expect(after.totals.received).toBe(before.totals.received + 1);
    expect(after.byStatus.find((x: { code: string }) => x.code === 'submitted').count).toBe(
      before.byStatus.find((x: { code: string }) => x.code === 'submitted').count + 1,
    );
  });
});

describe('rankOpds', () => {
  const row = (code: string, met: number, missed: number, followUp: number | null): Omit<OpdRow, 'rank'> => ({
    code,
    name: code,
    shortName: code,
    reports: met + missed,
    dispositions: met + missed,
    followUpSla: { met, decided: met + missed, share: met + missed ? met / (met + missed) : null },
    resolveSla: { met: 0, decided: 0, share: null },
    medians: { verify: null, followUp, resolve: null },
  });

  it('orders by share within SLA, then median days to follow-up, then evidence; undecided last', () => {
    const ranked = rankOpds([row('A', 1, 1, 1), row('B', 2, 0, 3), row('C', 4, 0, 1), row('D', 0, 0, null), row('E', 1, 0, 1), row('F', 1, 1, 0.5)]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['C', 1],
      ['E', 2],
      ['B', 3],
      ['F', 4],
      ['A', 5],
      ['D', null],
    ]);
  });
});
