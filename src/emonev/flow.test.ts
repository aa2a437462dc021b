import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { fileReport, photo, step, upload } from '../test/fixtures.js';
import { realisationByOpd } from './read-model.js';
import { DLH_DPA, dpa, PUPR_DPA } from './test-fixtures.js';

const E = '/api/v1/emonev';

describeEachDatabase('e-monev: an OPD reports a month, the desk checks it, the evaluation shows it beside the complaints', (h) => {
  it('enters the DPA, reports March, returns and accepts it, and shows it in the evaluation, the flags and the complaint’s page', async () => {
    const desk = await h().staff('bappeda');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const dlh = await h().staff('opd_officer', 'DLH');
    const mayor = await h().staff('executive');
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const citizen = await h().citizen();
    const login = async () => ({ desk: await h().login(desk.email), pupr: await h().login(pupr.email), dlh: await h().login(dlh.email), mayor: await h().login(mayor.email) });

    // The DPA: bad entries are refused naming where, and nothing is written.
    const post = (token: string, body: unknown) => h().call('POST', `${E}/dpa`, { token, body });
    expect((await post(desk.token, { ...PUPR_DPA, opdCode: undefined })).body).toMatchObject({ status: 422, code: 'opd_required', field: 'opdCode' });
    const falling = dpa('PUPR', '1.03.10', 1_000_000, { plan: { physical: [0, 5, 3, 10, 20, 30, 40, 50, 60, 70, 80, 100], financial: Array(12).fill(0) } });
    expect((await post(desk.token, falling)).body).toMatchObject({ code: 'plan_decreasing', field: 'programmes.0.activities.0.subActivities.0.plan.physical.2' });
    const overBudget = dpa('PUPR', '1.03.10', 1_000, { plan: { physical: Array(12).fill(0), financial: [0, 0, 0, 5_000, ...Array(8).fill(5_000)] } });
    expect((await post(desk.token, overBudget)).body).toMatchObject({ code: 'plan_over_budget', field: 'programmes.0.activities.0.subActivities.0.plan.financial.3' });
    const [programme] = PUPR_DPA.programmes;
    const outside = await post(desk.token, { ...PUPR_DPA, programmes: [{ ...programme, activities: [{ ...programme!.activities[0], code: '9.99.2.01' }] }] });
    expect(outside.body).toMatchObject({ code: 'code_outside_parent', field: 'programmes.0.activities.0.code' });
    const tooMuch = await post(desk.token, dpa('PUPR', '1.03.10', 1_000, { plan: { physical: [0, 0, 101, ...Array(9).fill(101)], financial: Array(12).fill(0) } }));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.field).toContain('plan.physical.2');
    expect((await post(pupr.token, DLH_DPA)).status).toBe(404);
    expect((await post(mayor.token, PUPR_DPA)).status).toBe(403);
    expect((await h().call('GET', `${E}/sub-activities?year=2026`, { token: desk.token })).body.items).toEqual([]);

    expect((await post(desk.token, PUPR_DPA)).body).toEqual({ opdCode: 'PUPR', year: 2026, subActivities: 1 });
    expect((await post(desk.token, PUPR_DPA)).body).toMatchObject({ status: 409, code: 'code_taken', field: 'programmes.0.activities.0.subActivities.0.code' });
    expect((await post(dlh.token, { ...DLH_DPA, opdCode: undefined })).status).toBe(201);
    const list = (token: string) => h().call('GET', `${E}/sub-activities?year=2026`, { token });
    const all = (await list(desk.token)).body.items as { id: number; opd: { code: string } }[];
    expect(all.map((s) => s.opd.code).sort()).toEqual(['DLH', 'PUPR']);
    const road = all.find((s) => s.opd.code === 'PUPR')!.id;
    const bins = all.find((s) => s.opd.code === 'DLH')!.id;

    // March: two road complaints reach PUPR, one is resolved.
    h().setNow('2026-03-10T02:00:00Z');
    let t = await login();
    const triageToken = await h().login(triage.email);
    const tns = [await fileReport(h(), citizen.token), await fileReport(h(), citizen.token, { title: 'Jalan amblas dekat pasar' })];
    const secret = await fileReport(h(), citizen.token, { confidential: true });
    for (const tn of tns) expect((await step(h(), triageToken, tn, 'disposition', { opdCodes: ['PUPR'] })).status).toBe(200);
    expect((await step(h(), t.pupr, tns[0]!, 'resolve', { message: 'Lubang sudah ditambal.' })).status).toBe(200);

    // The package answers them; a wrong number is named, another OPD cannot touch the package.
    const link = (token: string, trackingNumbers: string[]) => h().call('POST', `${E}/sub-activities/${road}/complaints`, { token, body: { trackingNumbers } });
    expect((await link(t.pupr, [tns[0]!, 'DMI-2026-999999'])).body).toMatchObject({ status: 422, code: 'unknown_complaint', field: 'trackingNumbers.1' });
    expect((await link(t.dlh, tns)).status).toBe(404);
    expect((await link(t.pupr, tns)).body.linked).toBe(2);
    expect((await link(t.pupr, tns)).body).toMatchObject({ linked: 0, linkedComplaints: [...tns].sort().map((trackingNumber) => ({ trackingNumber })) });

    // Early April: PUPR reports March with a photo and where the work is.
    h().setNow('2026-04-02T03:00:00Z');
    t = await login();
    const pic = await upload(h(), t.pupr, await photo());
    const report = (token: string, body: unknown, id = road) => h().call('POST', `${E}/sub-activities/${id}/reports`, { token, body });
    const march = { month: 3, physicalPct: 12.5, financialRp: 400_000_000, notes: 'Pengaspalan segmen 1 selesai.', photoIds: [pic.body.id], location: { lat: 1.6861, lng: 101.4482 } };
    expect((await report(t.pupr, { ...march, month: 5 })).body).toMatchObject({ status: 422, code: 'month_not_started', field: 'month' });
    expect((await report(t.pupr, { ...march, financialRp: 5_000_000_000 })).body).toMatchObject({ status: 422, code: 'over_budget', field: 'financialRp' });
    expect((await report(t.pupr, { ...march, physicalPct: 120 })).body).toMatchObject({ status: 400, field: 'physicalPct' });
    expect((await report(t.dlh, march)).status).toBe(404);
    expect((await report(t.desk, march)).status).toBe(403);
    const draft = await report(t.pupr, march);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', month: 3, physicalPct: 12.5, planPhysicalPct: 12, physicalDeviation: 0.5, lagging: false, actions: ['edit', 'submit'] });
    expect(draft.body.photos).toHaveLength(1);
    expect((await report(t.pupr, march)).body).toMatchObject({ status: 409, code: 'month_reported', field: 'month' });
    const id = draft.body.id as number;
    const R = `${E}/reports/${id}`;

    // Another OPD does not see it; the desk cannot accept a draft.
    expect((await h().call('GET', R, { token: t.dlh })).status).toBe(404);
    expect((await h().call('PATCH', R, { token: t.dlh, body: { notes: 'x' } })).status).toBe(404);
    expect((await h().call('GET', `${E}${draft.body.photos[0].url.slice('/api/v1/emonev'.length)}`, { token: t.dlh })).status).toBe(404);
    expect((await list(t.dlh)).body.items.map((s: { id: number }) => s.id)).toEqual([bins]);
    expect((await h().call('POST', `${R}/accept`, { token: t.desk, body: {} })).body).toMatchObject({ status: 409, code: 'invalid_transition' });

    expect((await h().call('POST', `${R}/submit`, { token: t.pupr, body: {} })).body.status).toBe('submitted');
    expect((await h().call('POST', `${R}/accept`, { token: t.pupr, body: {} })).status).toBe(403);
    expect((await h().call('POST', `${R}/return`, { token: t.desk, body: {} })).body).toMatchObject({ status: 422, code: 'reason_required', field: 'note' });
    const returned = await h().call('POST', `${R}/return`, { token: t.desk, body: { note: 'Angka keuangan belum sesuai SP2D.' } });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'Angka keuangan belum sesuai SP2D.' });
    expect((await h().call('PATCH', R, { token: t.pupr, body: { financialRp: 380_000_000 } })).body.financialRp).toBe(380_000_000);
    expect((await h().call('POST', `${R}/resubmit`, { token: t.pupr, body: {} })).body.status).toBe('submitted');
    const accepted = await h().call('POST', `${R}/accept`, { token: t.desk, body: {} });
    expect(accepted.body).toMatchObject({ status: 'accepted', submittedLate: false, actions: [] });
    expect(accepted.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'edit', 'resubmit', 'accept']);
    expect((await h().call('PATCH', R, { token: t.pupr, body: { notes: 'ubah' } })).body.code).toBe('invalid_transition');
    const image = await fetch(`${h().baseUrl}${accepted.body.photos[0].url}`, { headers: { authorization: `Bearer ${t.mayor}` } });
    expect(image.headers.get('content-type')).toBe('image/jpeg');

    // The mayor's evaluation of PUPR's March: the report beside the OPD's complaints of the month.
    const evaluation = await h().call('GET', `${E}/evaluation?opd=PUPR&year=2026&month=3`, { token: t.mayor });
    expect(evaluation.status).toBe(200);
    expect(evaluation.body.opd.code).toBe('PUPR');
    expect(evaluation.body.rows).toMatchObject([{ id: road, planPhysicalPct: 12, report: { id, status: 'accepted', physicalPct: 12.5, financialRp: 380_000_000 }, physicalDeviation: 0.5, late: false, lagging: false, complaints: 2 }]);
    expect(evaluation.body.totals).toMatchObject({ budget: 4_000_000_000, financialRp: 380_000_000, accepted: 1 });
    expect(evaluation.body.complaints).toMatchObject({ received: 2, handled: 1 });
    expect(evaluation.body.complaints.resolveSla).toMatchObject({ met: 1 });
    expect(evaluation.body).toHaveProperty('ikm');
    const workbook = await fetch(`${h().baseUrl}${E}/evaluation.xlsx?opd=PUPR&year=2026&month=3`, { headers: { authorization: `Bearer ${t.mayor}` } });
    expect(workbook.headers.get('content-disposition')).toContain('evaluasi-pupr-2026-03.xlsx');
    expect(Buffer.from(await workbook.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // An OPD's officer sees only its own OPD's month, whatever it asks for; the city's readers must name one.
    expect((await h().call('GET', `${E}/evaluation?opd=PUPR&year=2026&month=3`, { token: t.dlh })).body.opd.code).toBe('DLH');
    expect((await h().call('GET', `${E}/evaluation?year=2026&month=3`, { token: t.mayor })).body).toMatchObject({ status: 422, field: 'opd' });
    expect((await h().call('GET', `${E}/evaluation?opd=PUPR&year=2026&month=13`, { token: t.mayor })).body).toMatchObject({ status: 400, field: 'month' });

    // May: DLH never reported March (late), then reports April far behind plan (lagging).
    h().setNow('2026-05-04T03:00:00Z');
    t = await login();
    const flags = async () => Object.fromEntries(((await list(t.desk)).body.items as { opd: { code: string }; lateMonths: number[]; lagging: boolean }[]).map((s) => [s.opd.code, s]));
    expect((await flags()).DLH).toMatchObject({ lateMonths: [1, 2, 3], lagging: false, latest: null });
    expect((await flags()).PUPR!.lateMonths).toEqual([1, 2]);
    const april = await report(t.dlh, { month: 4, physicalPct: 5, financialRp: 10_000_000 }, bins);
    await h().call('POST', `${E}/reports/${april.body.id}/submit`, { token: t.dlh, body: {} });
    const marchLate = await report(t.dlh, { month: 3, physicalPct: 1, financialRp: 5_000_000 }, bins);
    const lateReport = await h().call('POST', `${E}/reports/${marchLate.body.id}/submit`, { token: t.dlh, body: {} });
    expect(lateReport.body).toMatchObject({ submittedLate: true, lagging: true });
    expect((await flags()).DLH).toMatchObject({ lateMonths: [1, 2], lagging: true, latest: { month: 4, physicalPct: 5, planPhysicalPct: 20, physicalDeviation: -15 } });
    expect((await report(t.dlh, { month: 5, physicalPct: 4, financialRp: 10_000_000 }, bins)).body).toMatchObject({ status: 422, code: 'below_previous', field: 'physicalPct' });

    // The complaint's public page: the package and its accepted progress, nobody's name or notes.
    const pub = await h().call('GET', `${E}/complaints/${tns[1]}/activities`);
    expect(pub.body.items).toEqual([{ code: '1.03.10.2.01.0015', name: 'Rehabilitasi Jalan Sultan Syarif Kasim', output: 'Rehabilitasi jalan 2,4 km', opdName: expect.stringContaining('Pekerjaan Umum'), year: 2026, budget: 4_000_000_000, physicalPct: 12.5, month: 3 }]);
    expect(pub.text).not.toContain('SP2D');
    expect((await h().call('GET', `${E}/complaints/DMI-2026-999999/activities`)).body.items).toEqual([]);
    // A confidential complaint's link is not told to the public.
    expect((await link(t.pupr, [secret])).body.linked).toBe(1);
    expect((await h().call('GET', `${E}/complaints/${secret}/activities`)).body.items).toEqual([]);

    // The transparency page's figures: accepted reports only.
    const figures = await realisationByOpd(h().ctx.db, 2026);
    expect(figures.find((f) => f.opd.code === 'PUPR')).toMatchObject({ subActivities: 1, reported: 1, budget: 4_000_000_000, financialRp: 380_000_000, financialPct: 9.5, physicalPct: 12.5 });
    expect(figures.find((f) => f.opd.code === 'DLH')).toMatchObject({ reported: 0, financialRp: 0, physicalPct: 0 });
  });
});
