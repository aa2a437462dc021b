import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { fileReport, step } from '../test/fixtures.js';
import { allowedActions } from './work-desk.js';
import { REPORT_STATUSES, TRANSITIONS } from './lifecycle.js';

describe('allowedActions', () => {
  it('follows the lifecycle table for every status and actor', () => {
    expect(allowedActions('triage', 'submitted').map((a) => a.path)).toEqual(['verify', 'postpone', 'reject', 'outside-authority', 'archive', 'merge', 'disposition', 'comments']);
    expect(allowedActions('opd', 'in_progress').map((a) => a.action)).toEqual(['accept', 'follow_up', 'return_to_triage', 'forward', 'add_co_handler', 'resolve', 'comment']);
    expect(allowedActions('reporter', 'resolved').map((a) => a.path)).toEqual(['confirm', 'reopen', 'rating']);
    expect(allowedActions(null, 'submitted')).toEqual([]);
    for (const status of REPORT_STATUSES) {
      for (const a of allowedActions('opd', status)) expect((TRANSITIONS[a.action].from as readonly string[]).includes(status)).toBe(true);
    }
    // The system's own step is never offered to a person.
    expect(allowedActions('system', 'resolved')).toEqual([]);
  });
});

describeEachDatabase('aduan: the staff view tells what may be done and how many working days are left', (h) => {
  it('lists actions per caller and counts deadlines in working days', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const executive = await h().staff('executive');
    const tn = await fileReport(h(), citizen.token); // Monday 2 March 09:00 WIB: verify due Thursday

    const desk = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage.token });
    expect(desk.body.actions.map((a: { path: string }) => a.path)).toContain('disposition');
    expect(desk.body.sla.nextDueAt).toBe('2026-03-05T16:59:59.999Z');
    expect(desk.body.sla.workingDaysLeft).toBe(3);
    expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: executive.token })).body.actions).toEqual([]);
    const mine = await h().call('GET', `/api/v1/reports/${tn}`, { token: citizen.token });
    expect(mine.body.actions.map((a: { path: string }) => a.path)).toEqual(['withdraw']);
    expect(mine.body.sla.workingDaysLeft).toBeUndefined();

    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    // Friday: the follow-up is due the next Monday (5 working days from Monday 2 March)… 
    h().setNow('2026-03-06T02:00:00Z');
    const token = await h().login(pupr.email);
    const opd = await h().call('GET', `/api/v1/reports/${tn}`, { token });
    expect(opd.body.actions.map((a: { path: string }) => a.path)).toEqual(['accept', 'follow-up', 'return', 'forward', 'co-handlers', 'resolve', 'comments']);
    expect(opd.body.dispositions[0].workingDaysLeft).toBe(1);
    const list = await h().call('GET', '/api/v1/reports?active=true', { token });
    expect(list.body.items.find((r: { trackingNumber: string }) => r.trackingNumber === tn).sla.workingDaysLeft).toBe(1);

    // …and on Wednesday it is two working days late, shown negative and flagged overdue.
    h().setNow('2026-03-11T02:00:00Z');
    const late = await h().call('GET', `/api/v1/reports/${tn}`, { token: await h().login(pupr.email) });
    expect(late.body.sla.overdue).toBe(true);
    expect(late.body.sla.workingDaysLeft).toBe(-2);
    expect(late.body.dispositions[0].workingDaysLeft).toBe(-2);
    h().setNow('2026-03-02T02:00:00Z');
  });
});
