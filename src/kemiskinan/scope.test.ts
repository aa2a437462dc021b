import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { BAGAN_KELADI, CHECKLIST, OTHER_KELURAHAN, complaintBody, dinsos, household, importRegister, operator, REGISTER_HEADER, registerLines, step } from './test-fixtures.js';
import { sharePercent } from './figures.js';
import { kemiskinanSlaSweep } from './sla.js';
import { deliverDue } from '../core/notifications/delivery.js';

describeEachDatabase('kemiskinan: visibility boundaries, urgency and figures', (h) => {
  it('refuses a household to everyone outside its circle', async () => {
    const desk = await dinsos(h, 'dinsos_desk');
    const section = await dinsos(h, 'dinsos_section', 'sosial_ekonomi');
    const health = await dinsos(h, 'dinsos_section', 'kesehatan');
    const volunteer = await h().staff('volunteer');
    const stranger = await h().staff('volunteer');
    const op = await operator(h, BAGAN_KELADI);
    const otherOp = await operator(h, OTHER_KELURAHAN);
    const pupr = await h().staff('opd_officer', 'PUPR');
    const executive = await h().staff('executive');
    const citizen = await h().citizen();
    const otherCitizen = await h().citizen();
    const hh = household(citizen.nik);
    await importRegister(h, desk.token, '2026-01', [REGISTER_HEADER, ...registerLines([hh], '2026-01')].join('\n'));
    const filed = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: citizen.token, body: complaintBody(hh) });
    const tn = filed.body.trackingNumber as string;
    const householdId = filed.body.household.id as number;
    await step(h, desk.token, tn, 'route', {});
    const assigned = await step(h, section.token, tn, 'assign-visit', { volunteerId: volunteer.userId });
    const visitId = assigned.body.visits[0].id as number;

    const get = (token: string | undefined, url: string) => h().call('GET', url, { token });
    const complaint = `/api/v1/kemiskinan/complaints/${tn}`;
    const home = `/api/v1/kemiskinan/households/${householdId}`;

    // Inside the circle: Dinas Sosial, the assigned volunteer, the kelurahan's operator, the citizen (complaint only).
    for (const token of [desk.token, section.token, health.token, volunteer.token, op.token, citizen.token]) expect((await get(token, complaint)).status).toBe(200);
    for (const token of [desk.token, volunteer.token, op.token]) expect((await get(token, home)).status).toBe(200);
    expect((await get(op.token, home)).body.members[0].nik).toBeNull();

    // Outside it: as if the household did not exist.
    for (const token of [pupr.token, otherCitizen.token, stranger.token, otherOp.token, executive.token]) {
      expect((await get(token, complaint)).status).toBe(404);
      expect((await get(token, home)).status).toBe(404);
      expect((await get(token, `${complaint}/photos/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    }
    expect((await get(citizen.token, home)).status).toBe(404);
    expect((await get(undefined, complaint)).status).toBe(401);
    expect((await get(pupr.token, '/api/v1/kemiskinan/complaints')).status).toBe(403);
    expect((await get(executive.token, '/api/v1/kemiskinan/complaints')).status).toBe(403);
    expect((await get(undefined, '/api/v1/kemiskinan/complaints')).status).toBe(401);
    expect((await get(otherCitizen.token, '/api/v1/kemiskinan/complaints')).body.items).toEqual([]);
    expect((await get(otherOp.token, '/api/v1/kemiskinan/complaints')).body.items).toEqual([]);
    expect((await get(stranger.token, '/api/v1/kemiskinan/complaints')).body.items).toEqual([]);
    expect((await get(op.token, '/api/v1/kemiskinan/complaints')).body.items.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(tn);
    for (const url of ['/api/v1/kemiskinan/musyawarah', '/api/v1/kemiskinan/figures?year=2026', '/api/v1/kemiskinan/register', '/api/v1/kemiskinan/visits']) {
      expect((await get(pupr.token, url)).status).toBe(403);
      expect((await get(citizen.token, url)).status).toBe(403);
    }
    expect((await get(otherOp.token, `/api/v1/kemiskinan/musyawarah?kelurahan=${BAGAN_KELADI}`)).body.kelurahanCode).toBe(OTHER_KELURAHAN);

    // Acting: only the complaint's own section, the assigned volunteer, the citizen for their own.
    expect((await step(h, health.token, tn, 'assist', { assistance: { programme: 'TUNAI', amount: 500000, givenOn: '2026-03-02', givenBy: 'Dinas Sosial' } })).status).toBe(403);
    expect((await step(h, pupr.token, tn, 'refuse', { message: 'x' })).status).toBe(404);
    expect((await step(h, otherOp.token, tn, 'comments', { note: 'x' })).status).toBe(404);
    expect((await step(h, citizen.token, tn, 'route', {})).status).toBe(403);
    const visit = { visitedAt: '2026-03-02T02:30:00Z', lat: 1.67, lng: 101.37, checklist: CHECKLIST, recommendation: 'assist' };
    expect((await h().call('POST', `/api/v1/kemiskinan/visits/${visitId}/record`, { token: stranger.token, body: visit })).status).toBe(404);
    expect((await h().call('POST', `/api/v1/kemiskinan/visits/${visitId}/record`, { token: volunteer.token, body: { ...visit, visitedAt: '2026-03-01T02:30:00Z' } })).body).toMatchObject({ code: 'visit_time', field: 'visit.visitedAt' });
    expect((await get(pupr.token, '/api/v1/kemiskinan/referrals')).body).toEqual([]);
    expect((await get(section.token, '/api/v1/kemiskinan/referrals')).status).toBe(403);

    // A filer who is not a member of the household is refused; bad input names its field.
    const notMine = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: otherCitizen.token, body: complaintBody(household()) });
    expect(notMine.body).toMatchObject({ status: 422, code: 'filer_not_member' });
    const badNik = complaintBody(household(otherCitizen.nik));
    badNik.household.members[1]!.nik = '1472019999990001';
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: otherCitizen.token, body: badNik })).body).toMatchObject({ code: 'nik_birth_date', field: 'household.members.1.nik' });
    expect((await h().call('POST', '/api/v1/kemiskinan/complaints', { token: otherCitizen.token, body: complaintBody(household(otherCitizen.nik), { needType: 'kip_pip' }) })).body.field).toBe('needType');
  });

  it('puts emergencies at the top of the queue and counts handled complaints per period', async () => {
    h().setNow('2026-04-06T02:00:00Z');
    const desk = await dinsos(h, 'dinsos_desk');
    const section = await dinsos(h, 'dinsos_section', 'kesehatan');
    const executive = await h().staff('executive');
    const op = await operator(h, BAGAN_KELADI);
    const a = household();
    const b = household();
    await importRegister(h, desk.token, '2026-04', [REGISTER_HEADER, ...registerLines([a, b], '2026-04')].join('\n'));
    const plain = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(a, { needCategory: 'kesehatan', needType: 'kis_pbi_jk' }) });
    const sick = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(b, { needCategory: 'darurat', needType: 'sakit', description: 'Kepala keluarga stroke, tidak bisa berjalan, tidak ada biaya berobat.' }) });
    const unregistered = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(household(), { needCategory: 'pendidikan', needType: 'biaya_sekolah' }) });
    expect(sick.body).toMatchObject({ urgent: true, suggestedSection: 'kesehatan' });
    expect(sick.body.sla.verifyDueAt).toBe('2026-04-06T16:59:59.999Z'); // an emergency is verified the same working day
    const queue = await h().call('GET', '/api/v1/kemiskinan/complaints?status=submitted', { token: desk.token });
    expect(queue.body.items[0].trackingNumber).toBe(sick.body.trackingNumber);
    expect(queue.body.items.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(plain.body.trackingNumber);
    expect((await h().call('GET', '/api/v1/kemiskinan/complaints?status=nope', { token: desk.token })).body.field).toBe('status');

    await step(h, desk.token, sick.body.trackingNumber, 'route', {});
    h().setNow('2026-04-08T02:00:00Z');
    section.token = await h().login(section.email);
    executive.token = await h().login(executive.email);
    await step(h, section.token, sick.body.trackingNumber, 'assist', { assistance: { programme: 'BIAYA_BEROBAT', amount: 2_500_000, givenOn: '2026-04-08', givenBy: 'Dinas Sosial Kota Dumai' } });

    const fig = await h().call('GET', '/api/v1/kemiskinan/figures?year=2026&month=4', { token: executive.token });
    expect(fig.status).toBe(200);
    expect(fig.body).toMatchObject({ year: 2026, month: 4, received: 3, handled: 1, sharePercent: 33, averageDaysToHandle: 2 });
    expect(fig.body.byRegistered).toEqual([
      { registered: true, received: 2, handled: 1, sharePercent: 50 },
      { registered: false, received: 1, handled: 0, sharePercent: 0 },
    ]);
    expect(fig.body.byNeed.find((n: { key: string }) => n.key === 'darurat')).toMatchObject({ received: 1, handled: 1, sharePercent: 100 });
    expect(fig.body.byKelurahan).toEqual([expect.objectContaining({ code: BAGAN_KELADI, name: 'Bagan Keladi', received: 3 })]);
    expect(unregistered.body.status).toBe('musyawarah');
    // Only an emergency may skip the register; the desk takes an unregistered one in at once.
    desk.token = await h().login(desk.email);
    op.token = await h().login(op.email);
    expect((await step(h, desk.token, unregistered.body.trackingNumber, 'take-emergency')).body.code).toBe('not_urgent');
    const hungry = await h().call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(household(), { needCategory: 'darurat', needType: 'tidak_ada_makanan' }) });
    expect(hungry.body).toMatchObject({ status: 'musyawarah', urgent: true });
    const taken = await step(h, desk.token, hungry.body.trackingNumber, 'take-emergency');
    expect(taken.body).toMatchObject({ status: 'submitted', registered: false });
    expect(taken.body.actions).toContain('route');
    // The seed's table: 2018 — 45,832 received, 25,995 handled, 57%.
    expect(sharePercent(25_995, 45_832)).toBe(57);

    const fresh = await h().login(desk.email);
    const report = await fetch(`${h().baseUrl}/api/v1/kemiskinan/figures/monthly-report?year=2026&month=4`, { headers: { authorization: `Bearer ${fresh}` } });
    expect(report.headers.get('content-type')).toBe('application/pdf');
    expect(report.headers.get('content-disposition')).toContain('laporan-kemiskinan-2026-04.pdf');
    expect(Buffer.from(await report.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h().call('GET', '/api/v1/kemiskinan/figures?year=2026&month=13', { token: executive.token })).status).toBe(400);

    // Friday: the plain complaint was due for verification on Thursday; the desk is told once.
    h().setNow('2026-04-10T02:00:00Z');
    expect(await kemiskinanSlaSweep(h().ctx)).toBeGreaterThanOrEqual(1);
    expect(await kemiskinanSlaSweep(h().ctx)).toBe(0);
    await deliverDue(h().ctx, undefined);
    const inbox = await h().call('GET', '/api/v1/notifications', { token: await h().login(desk.email) });
    expect(inbox.body.items.some((n: { title: { id: string } }) => n.title.id === `Lewat tenggat: ${plain.body.trackingNumber}`)).toBe(true);
    expect((await h().call('GET', '/api/v1/kemiskinan/complaints?overdue=true', { token: await h().login(desk.email) })).body.items.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(plain.body.trackingNumber);
  });
});
