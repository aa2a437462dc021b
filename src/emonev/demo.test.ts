import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { ensureStaff } from '../demo/accounts.js';
import { ADUAN_STAFF } from '../aduan/demo/demo.js';
import { fileReport, step } from '../test/fixtures.js';
import { EMONEV_STAFF, ensureEmonevDemo } from './demo.js';

describeEachDatabase('e-monev demo data', (h) => {
  it('enters four OPDs’ DPA and reports their months in every state, links the road package to road complaints; once', async () => {
    // The demo city on 7 December 2026: January to November are reportable.
    h().setNow('2026-12-07T03:00:00Z');
    const staff = await ensureStaff(h().ctx, [...ADUAN_STAFF, ...EMONEV_STAFF], () => 'rahasia-demo-123');
    const citizen = await h().citizen();
    const road = await fileReport(h(), citizen.token);
    await step(h(), (await h().staff('triage_admin', 'DISKOMINFOTIKSAN')).token, road, 'disposition', { opdCodes: ['PUPR'] });
    const town = { staff, residents: [], registeredAt: h().now() };
    await ensureEmonevDemo(h().ctx, town);

    const desk = await h().login('bappeda@dumai.demo.invalid', 'rahasia-demo-123');
    const list = (await h().call('GET', '/api/v1/emonev/sub-activities?year=2026', { token: desk })).body.items as {
      id: number; opd: { code: string }; reports: { id: number; status: string; month: number }[]; lateMonths: number[]; lagging: boolean; complaints: number;
    }[];
    const by = Object.fromEntries(list.map((s) => [s.opd.code, s]));
    expect(Object.keys(by).sort()).toEqual(['DINKES', 'DLH', 'PERKIM', 'PUPR']);
    expect(by.PUPR).toMatchObject({ lagging: false, lateMonths: [], complaints: 1 });
    expect(by.PUPR!.reports.map((r) => r.status)).toEqual(Array(11).fill('accepted'));
    expect(by.PERKIM!.reports.at(-1)).toMatchObject({ month: 11, status: 'submitted' });
    expect(by.DLH!.lagging).toBe(true);
    expect(by.DINKES!.reports).toHaveLength(9);
    expect(by.DINKES!.lateMonths).toEqual([10]);
    const february = (await h().call('GET', `/api/v1/emonev/sub-activities/${by.DINKES!.id}`, { token: desk })).body.reports.find((r: { month: number }) => r.month === 2);
    const returned = await h().call('GET', `/api/v1/emonev/reports/${february.id}`, { token: desk });
    expect(returned.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'resubmit', 'accept']);
    expect((await h().call('GET', `/api/v1/emonev/complaints/${road}/activities`)).body.items).toHaveLength(1);

    await ensureEmonevDemo(h().ctx, town);
    expect((await h().call('GET', '/api/v1/emonev/sub-activities?year=2026', { token: desk })).body.items).toHaveLength(4);
  });
});
