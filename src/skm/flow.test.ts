import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { fileReport, step } from '../test/fixtures.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { inviteFinishedCases } from './invitations.js';
import { EXAMPLE, EXAMPLE_ROWS } from './test-fixtures.js';

describeEachDatabase('skm: a closed complaint invites its reporter; the IKM follows the regulation', (h) => {
  it('invites once, counts one answer per invitation, and publishes the hand-computed table', async () => {
    const citizen = await h().citizen({ fullName: 'Rahmat Hidayat' });
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const admin = await h().staff('super_admin');

    const tn = await fileReport(h(), citizen.token);
    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    await step(h(), pupr.token, tn, 'resolve', { message: 'Sudah diperbaiki.' });
    expect((await step(h(), citizen.token, tn, 'confirm', { rating: 4 })).body.status).toBe('closed');

    // One invitation per case, however often the job runs.
    expect(await inviteFinishedCases(h().ctx)).toBe(1);
    expect(await inviteFinishedCases(h().ctx)).toBe(0);
    await deliverDue(h().ctx, undefined);
    const inbox = await h().call('GET', '/api/v1/notifications', { token: citizen.token });
    const invitation = inbox.body.items.find((n: { link: string | null }) => n.link?.startsWith('/skm/isi/'));
    expect(invitation.title.id).toBe('Bagaimana pelayanan kami?');
    expect(invitation.body.id).toContain(tn);
    const token = (invitation.link as string).slice('/skm/isi/'.length);

    const form = await h().call('GET', `/api/v1/skm/invitations/${token}`);
    expect(form.body).toMatchObject({ unit: { name: 'Layanan Pengaduan Masyarakat' }, answered: false });

    // Bad answers are refused with the field named, and nothing is counted.
    const short = await h().call('POST', `/api/v1/skm/invitations/${token}/answers`, { body: { scores: [4, 4, 4] } });
    expect(short.status).toBe(400);
    const outOfScale = await h().call('POST', `/api/v1/skm/invitations/${token}/answers`, { body: { scores: [5, 4, 4, 4, 4, 4, 4, 4, 4] } });
    expect(outOfScale.status).toBe(400);

    const first = await h().call('POST', `/api/v1/skm/invitations/${token}/answers`, {
      body: { scores: EXAMPLE_ROWS[0], sex: 'L', ageBand: '30_39', education: 'sma', occupation: 'wirausaha', suggestion: 'Petugas ramah. Hubungi saya, Rahmat, 0812-1111-2222.' },
    });
    expect(first.status).toBe(201);
    const again = await h().call('POST', `/api/v1/skm/invitations/${token}/answers`, { body: { scores: EXAMPLE_ROWS[1] } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_answered');
    expect((await h().call('GET', `/api/v1/skm/invitations/${token}`)).body.answered).toBe(true);

    // The person's data rights: the invitation is theirs, the answer carries no identity.
    const mine = await h().call('GET', '/api/v1/account/data', { token: citizen.token });
    expect(mine.status).toBe(200);
    expect(mine.body.surveyInvitations).toMatchObject([{ caseKind: 'aduan', caseRef: tn, unit: 'Layanan Pengaduan Masyarakat' }]);

    // Eight anonymous answers through the desk's public link, one paper form entered by its officer.
    const units = (await h().call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; ref: string; publicKey: string }[];
    const desk = units.find((u) => u.kind === 'aduan_desk')!;
    expect(units.some((u) => u.kind === 'opd' && u.ref === 'PUPR')).toBe(true);
    expect(units.some((u) => u.kind === 'ppid_desk')).toBe(true);
    for (const scores of EXAMPLE_ROWS.slice(1, 9)) {
      expect((await h().call('POST', `/api/v1/skm/units/by-key/${desk.publicKey}/answers`, { body: { scores, sex: 'P' } })).status).toBe(201);
    }
    const paper = { scores: EXAMPLE_ROWS[9], answeredOn: '2026-03-02', education: 's1' };
    expect((await h().call('POST', `/api/v1/skm/units/${desk.id}/paper-answers`, { token: pupr.token, body: paper })).status).toBe(404);
    expect((await h().call('POST', `/api/v1/skm/units/${desk.id}/paper-answers`, { token: triage.token, body: { ...paper, answeredOn: '2026-03-09' } })).body.field).toBe('answeredOn');
    expect((await h().call('POST', `/api/v1/skm/units/${desk.id}/paper-answers`, { token: triage.token, body: paper })).status).toBe(201);

    const period = await h().call('POST', '/api/v1/skm/periods', { token: admin.token, body: { name: 'Maret 2026', startsOn: '2026-03-01', endsOn: '2026-03-31' } });
    expect(period.status).toBe(201);
    expect((await h().call('POST', '/api/v1/skm/periods', { token: admin.token, body: { name: 'Maret 2026', startsOn: '2026-03-01', endsOn: '2026-03-31' } })).status).toBe(409);
    expect((await h().call('POST', '/api/v1/skm/periods', { token: triage.token, body: { name: 'April 2026', startsOn: '2026-04-01', endsOn: '2026-04-30' } })).status).toBe(403);
    const results = `/api/v1/skm/periods/${period.body.id}/units/${desk.id}/results`;

    expect((await h().call('PUT', `/api/v1/skm/units/${desk.id}/population`, { token: triage.token, body: { population: 100 } })).body.population).toBe(100);

    // Before publication: the desk's staff see it, the public and another OPD do not.
    expect((await h().call('GET', results)).status).toBe(404);
    expect((await h().call('GET', results, { token: pupr.token })).status).toBe(404);
    const own = await h().call('GET', results, { token: triage.token });
    expect(own.status).toBe(200);
    expect(own.body.respondents).toBe(10);
    expect(own.body.unsur.map((u: { total: number }) => u.total)).toEqual(EXAMPLE.totals);
    expect(own.body.unsur.map((u: { nrr: number }) => u.nrr)).toEqual(EXAMPLE.nrr);
    expect(own.body.unsur.map((u: { weighted: number }) => u.weighted)).toEqual(EXAMPLE.weighted);
    expect(own.body.unsur[7].name.id).toBe('Penanganan pengaduan, saran dan masukan');
    expect(own.body.ikm).toBe(EXAMPLE.ikm);
    expect(own.body.converted).toBe(EXAMPLE.converted);
    expect(own.body.band).toEqual({ grade: 'B', label: { id: 'Baik', en: 'Good' } });
    expect(own.body).toMatchObject({ population: 100, minimumSample: 80, sampleSufficient: false, publishedAt: null });
    expect(own.body.profile.find((p: { question: string }) => p.question === 'sex').counts).toEqual(expect.arrayContaining([{ value: 'L', n: 1 }, { value: 'P', n: 8 }, { value: null, n: 1 }]));

    // Raw answers with their suggestions: the unit's staff only.
    const raw = await h().call('GET', `/api/v1/skm/periods/${period.body.id}/units/${desk.id}/answers`, { token: triage.token });
    expect(raw.body.items).toHaveLength(10);
    expect(raw.body.items.map((a: { source: string }) => a.source).sort()).toEqual(['invitation', 'paper', ...Array(8).fill('public_link')].sort());
    expect(raw.text).toContain('Petugas ramah');
    expect((await h().call('GET', `/api/v1/skm/periods/${period.body.id}/units/${desk.id}/answers`, { token: pupr.token })).status).toBe(404);

    // Published only once the period has ended, then for everyone, without any suggestion.
    expect((await h().call('POST', `${results.replace('/results', '/publish')}`, { token: triage.token })).body.code).toBe('period_not_ended');
    h().setNow('2026-04-01T02:00:00Z');
    const triageToken = await h().login(triage.email);
    expect((await h().call('POST', results.replace('/results', '/publish'), { token: await h().login(pupr.email) })).status).toBe(403);
    const published = await h().call('POST', results.replace('/results', '/publish'), { token: triageToken });
    expect(published.status).toBe(200);
    expect((await h().call('POST', results.replace('/results', '/publish'), { token: triageToken })).status).toBe(409);
    const pub = await h().call('GET', results);
    expect(pub.status).toBe(200);
    expect(pub.body.converted).toBe(81.11);
    expect(pub.body.publishedAt).not.toBeNull();
    expect(pub.text).not.toContain('Petugas ramah');
    expect(pub.text).not.toContain('0812');
    const list = await h().call('GET', `/api/v1/skm/periods/${period.body.id}/results`);
    expect(list.body.items.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([desk.id]);

    const csv = await h().call('GET', `${results}.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('U8,"Penanganan pengaduan, saran dan masukan",27,2.7,0.3');
    expect(csv.text).toContain('IKM unit pelayanan (IKM × 25),,,81.11');
    expect(csv.text).toContain('B (Baik)');
    const xlsx = await fetch(`${h().baseUrl}${results}.xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetch(`${h().baseUrl}${results}.pdf`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    // A paper form of the period entered late counts at once: the tally kept since is not served again.
    expect((await h().call('POST', `/api/v1/skm/units/${desk.id}/paper-answers`, { token: triageToken, body: { scores: Array(9).fill(1), answeredOn: '2026-03-31' } })).status).toBe(201);
    const late = await h().call('GET', results);
    expect(late.body.respondents).toBe(11);
    expect(late.body.unsur[0].total).toBe(EXAMPLE.totals[0]! + 1);
  });
});
