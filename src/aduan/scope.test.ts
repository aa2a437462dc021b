import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { fileReport, step } from '../test/fixtures.js';
import { auditLog } from '../core/audit/schema.js';
import { rowsOf } from '../core/db/json-rows.js';

describeEachDatabase('aduan: who sees what', (h) => {
  it('keeps each OPD inside its own dispositions', async () => {
    const citizen = await h().citizen({ fullName: 'Pelapor Rahasia' });
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const perkim = await h().staff('opd_officer', 'PERKIM');
    const secret = await fileReport(h(), citizen.token, { confidential: true });
    const open = await fileReport(h(), citizen.token);
    for (const tn of [secret, open]) await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });

    expect((await h().call('GET', `/api/v1/reports/${secret}`, { token: pupr.token })).status).toBe(200);
    // Another OPD cannot read a confidential report, nor act on it, nor tell that it exists.
    const other = await h().call('GET', `/api/v1/reports/${secret}`, { token: perkim.token });
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect((await step(h(), perkim.token, secret, 'accept')).status).toBe(404);
    // A public report it may read as any resident can: without the reporter, and without acting.
    const pub = await h().call('GET', `/api/v1/reports/${open}`, { token: perkim.token });
    expect(pub.status).toBe(200);
    expect(pub.body.reporter).toBeNull();
    expect(pub.text).not.toContain('Pelapor Rahasia');
    expect((await step(h(), perkim.token, open, 'accept')).status).toBe(403);

    const perkimList = await h().call('GET', '/api/v1/reports?limit=100', { token: perkim.token });
    expect(perkimList.body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).not.toContain(secret);
    // …even when asking for another OPD's list by name.
    const asked = await h().call('GET', '/api/v1/reports?opd=PUPR&limit=100', { token: perkim.token });
    expect(asked.body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).not.toContain(secret);
    const puprList = await h().call('GET', '/api/v1/reports?limit=100', { token: pupr.token });
    expect(puprList.body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).toEqual(expect.arrayContaining([secret, open]));
  });

  it("lists an OPD's live work newest first, and everything it was ever given in its history, each report once", async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const perkim = await h().staff('opd_officer', 'PERKIM');
    const dlh = await h().staff('opd_officer', 'DLH');
    const filed: string[] = [];
    for (let i = 0; i < 4; i++) {
      h().setNow(new Date(Date.parse('2026-03-02T02:00:00Z') + i * 60_000));
      filed.push(await fileReport(h(), citizen.token));
    }
    const [first, second, third, fourth] = filed as [string, string, string, string];
    await fileReport(h(), citizen.token); // never dispositioned: in no OPD's list
    // Dispositioned out of arrival order: the lists still follow arrival.
    for (const tn of [third, first, fourth, second]) await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PERKIM'] });
    // Perkim hands one on and gets it back later: twice in its dispositions, once in its lists.
    await step(h(), perkim.token, second, 'forward', { opdCode: 'DLH', note: 'Ranah DLH.' });
    await step(h(), dlh.token, second, 'return', { note: 'Perlu dinilai ulang.' });
    await step(h(), triage.token, second, 'disposition', { opdCodes: ['PERKIM'] });
    await step(h(), perkim.token, third, 'forward', { opdCode: 'DLH', note: 'Ranah DLH.' });

    const numbers = async (query: string) =>
      (await h().call('GET', `/api/v1/reports?${query}`, { token: perkim.token })).body.items.map((r: { trackingNumber: string }) => r.trackingNumber);
    expect(await numbers('active=true&limit=100')).toEqual([fourth, second, first]);
    expect(await numbers('limit=100')).toEqual([fourth, third, second, first]);
    // Paging walks the same order.
    expect([...(await numbers('active=true&limit=2')), ...(await numbers('active=true&limit=2&offset=2'))]).toEqual([fourth, second, first]);
    expect(await numbers('active=true&limit=100&opd=DLH')).toEqual([fourth, second, first]); // an OPD's own list, whatever it asks
    expect(await numbers('active=true&limit=100&status=in_progress')).toEqual([]);
    h().setNow('2026-03-02T02:00:00Z');
  });

  it('fills the report\'s arrival into a disposition written without it (an older release during a rolling deploy)', async () => {
    const citizen = await h().citizen();
    const tn = await fileReport(h(), citizen.token);
    const [row] = rowsOf<{ filled: boolean }>(
      await h().ctx.db.execute(sql`insert into dispositions (report_id, opd_id, role, follow_up_due_at)
        select r.id, o.id, 'lead', now() from reports r, opds o where r.tracking_number = ${tn} and o.code = 'DLH'
        returning report_created_at = (select created_at from reports where tracking_number = ${tn}) as filled`),
    );
    expect(row!.filled).toBe(true);
  });

  it('hides an anonymous reporter from everyone but the triage desk, and audits each look', async () => {
    const citizen = await h().citizen({ fullName: 'Rahasia Sekali', email: 'rahasia.sekali@mail.test', phone: '081234567890' });
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_admin', 'PUPR');
    const mayor = await h().staff('executive');
    const auditor = await h().staff('auditor');
    const admin = await h().staff('super_admin');
    const tn = await fileReport(h(), citizen.token, { anonymous: true });
    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });

    for (const token of [pupr.token, mayor.token, auditor.token, admin.token]) {
      const res = await h().call('GET', `/api/v1/reports/${tn}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.reporter).toBeNull();
      for (const secret of ['Rahasia Sekali', 'rahasia.sekali', '81234567890', citizen.nik.slice(0, 4) + '*']) expect(res.text).not.toContain(secret);
    }
    const pub = await h().call('GET', `/api/v1/reports/${tn}`);
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain('Rahasia Sekali');

    const identityLooks = () => h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, tn), eq(auditLog.action, 'report.view_anonymous_identity')));
    const before = (await identityLooks()).length;
    const desk = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage.token });
    expect(desk.body.reporter).toMatchObject({ name: 'Rahasia Sekali', email: 'rahasia.sekali@mail.test', phone: '+6281234567890' });
    expect(desk.body.reporter.nikMasked).toMatch(/^1472\*{10}\d{2}$/);
    const looks = await identityLooks();
    expect(looks).toHaveLength(before + 1);
    expect(looks.every((l) => l.actorId === triage.userId)).toBe(true);
    // The reporter still sees their own identity on their report.
    expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: citizen.token })).body.reporter.name).toBe('Rahasia Sekali');
  });

  it('shows a named reporter to the handling OPD but never the full NIK', async () => {
    const citizen = await h().citizen({ fullName: 'Budi Santoso' });
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const tn = await fileReport(h(), citizen.token);
    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    const res = await h().call('GET', `/api/v1/reports/${tn}`, { token: pupr.token });
    expect(res.body.reporter.name).toBe('Budi Santoso');
    expect(res.text).not.toContain(citizen.nik);
    const me = await h().call('GET', '/api/v1/auth/me', { token: citizen.token });
    expect(me.body.nik).toBe(citizen.nik);
  });

  it('keeps confidential and unverified reports off the public record', async () => {
    const owner = await h().citizen();
    const stranger = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const secret = await fileReport(h(), owner.token, { confidential: true, title: 'Pungutan liar di kantor kelurahan', description: 'Petugas meminta uang untuk surat pengantar, saya punya buktinya.' });
    const fresh = await fileReport(h(), owner.token, { title: 'Lampu jalan mati total', categoryCode: 'PEN-LAMPU', description: 'Semua lampu jalan di gang kami mati sejak seminggu.' });
    const open = await fileReport(h(), owner.token, { title: 'Sampah menumpuk di TPS pasar', categoryCode: 'SPP-SAMPAH', description: 'Sampah di TPS pasar tidak diangkut berhari-hari, bau menyengat.' });
    await step(h(), triage.token, secret, 'verify');
    await step(h(), triage.token, open, 'verify');

    for (const tn of [secret, fresh]) {
      expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: stranger.token })).status).toBe(404);
      expect((await h().call('GET', `/api/v1/reports/${tn}`)).status).toBe(404);
    }
    expect((await h().call('GET', `/api/v1/reports/${secret}`, { token: owner.token })).status).toBe(200);
    const pub = await h().call('GET', '/api/v1/reports/public?limit=100');
    const listed = pub.body.items.map((r: { trackingNumber: string }) => r.trackingNumber);
    expect(listed).toContain(open);
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain(fresh);
    expect(pub.text).not.toContain('reporter');
    // Citizens and anonymous callers have no staff list.
    expect((await h().call('GET', '/api/v1/reports', { token: stranger.token })).status).toBe(403);
    expect((await h().call('GET', '/api/v1/reports')).status).toBe(401);
  });

  it('filters the public list by category, kelurahan, date, full-text search and map bounds', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const tn = await fileReport(h(), citizen.token, { title: 'Drainase tersumbat sampah plastik', categoryCode: 'INF-DRAINASE', description: 'Saluran air tersumbat sampah plastik sehingga banjir saat hujan deras.' });
    await step(h(), triage.token, tn, 'verify');
    const find = async (query: string) =>
      ((await h().call('GET', `/api/v1/reports/public?limit=100&${query}`)).body.items as { trackingNumber: string }[]).map((r) => r.trackingNumber);

    expect(await find('category=INF-DRAINASE')).toContain(tn);
    expect(await find('category=INF')).toContain(tn); // the khidmat includes its sub-categories
    expect(await find('category=KES')).not.toContain(tn);
    expect(await find('kelurahan=14.72.01.1008')).toContain(tn);
    expect(await find('kecamatan=14.72.06')).not.toContain(tn);
    expect(await find('q=banjir')).toContain(tn);
    expect(await find('q=tersumbatnya saluran')).toContain(tn); // Indonesian stemming
    expect(await find('q=ambulans')).not.toContain(tn);
    expect(await find('bbox=101.36,1.66,101.38,1.68')).toContain(tn);
    expect(await find('bbox=101.40,1.60,101.50,1.65')).not.toContain(tn);
    expect(await find('from=2026-03-01&to=2026-03-31')).toContain(tn);
    expect(await find('from=2026-04-01')).not.toContain(tn);
    expect(await find('status=verified')).toContain(tn);
    expect((await h().call('GET', '/api/v1/reports/public?status=bogus')).body.code).toBe('unknown_status');
    expect((await h().call('GET', '/api/v1/reports/public?bbox=1,2,3')).body.code).toBe('bbox_format');
  });
});
