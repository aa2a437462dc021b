import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { BAGAN_KELADI, fileReport, step } from '../test/fixtures.js';

describeEachDatabase('aduan: similar reports for merging duplicates', (h) => {
  it('finds open reports nearby in the same khidmat, ranked by shared words, and only for triage', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const origin = await fileReport(h(), citizen.token, { title: 'Jalan berlubang di depan pasar', description: 'Lubang besar di jalan depan pasar membahayakan motor.' });
    // ~110 m north, same sub-category, nearly the same words: the best match.
    const twin = await fileReport(h(), citizen.token, { title: 'Lubang jalan depan pasar', description: 'Jalan depan pasar berlubang besar, motor sering jatuh.', lat: BAGAN_KELADI.lat + 0.001 });
    // Same khidmat (infrastructure), another sub-category, different words: listed, ranked lower.
    const drain = await fileReport(h(), citizen.token, { title: 'Drainase tersumbat', description: 'Saluran air tersumbat sampah plastik sehingga banjir.', categoryCode: 'INF-DRAINASE', lat: BAGAN_KELADI.lat - 0.001 });
    // Too far (~3.3 km), another khidmat, already closed for good, or filed months later: never listed.
    const far = await fileReport(h(), citizen.token, { title: 'Jalan berlubang di depan pasar', lat: BAGAN_KELADI.lat + 0.03 });
    const lamp = await fileReport(h(), citizen.token, { title: 'Lampu jalan mati di depan pasar', categoryCode: 'PEN-LAMPU', description: 'Lampu jalan depan pasar mati sejak seminggu.' });
    const rejected = await fileReport(h(), citizen.token, { title: 'Jalan berlubang depan pasar lagi' });
    await step(h(), triage.token, rejected, 'reject', { message: 'Laporan ganda.' });
    h().setNow('2026-06-15T02:00:00Z');
    const later = await fileReport(h(), (await h().citizen()).token, { title: 'Jalan berlubang di depan pasar' });
    h().setNow('2026-03-02T02:00:00Z');

    const res = await h().call('GET', `/api/v1/reports/${origin}/similar`, { token: triage.token });
    expect(res.status).toBe(200);
    const tns = res.body.map((r: { trackingNumber: string }) => r.trackingNumber);
    expect(tns.slice(0, 2)).toEqual([twin, drain]);
    for (const tn of [origin, far, lamp, rejected, later]) expect(tns).not.toContain(tn);
    expect(res.body[0].distanceM).toBeGreaterThan(90);
    expect(res.body[0].distanceM).toBeLessThan(130);
    expect(res.body[0].textScore).toBeGreaterThan(res.body[1].textScore);
    expect(res.body[0].statusLabel.id).toBe('Diterima');

    // A wider radius brings the far one in; a window of days is honoured both ways.
    const wide = await h().call('GET', `/api/v1/reports/${origin}/similar?radius=5000`, { token: triage.token });
    expect(wide.body.map((r: { trackingNumber: string }) => r.trackingNumber)).toContain(far);
    const year = await h().call('GET', `/api/v1/reports/${origin}/similar?days=365`, { token: triage.token });
    expect(year.body.map((r: { trackingNumber: string }) => r.trackingNumber)).toContain(later);

    const pupr = await h().staff('opd_officer', 'PUPR');
    expect((await h().call('GET', `/api/v1/reports/${origin}/similar`, { token: pupr.token })).status).toBe(403);
    expect((await h().call('GET', `/api/v1/reports/${origin}/similar`, { token: citizen.token })).status).toBe(403);
    expect((await h().call('GET', `/api/v1/reports/${origin}/similar`)).status).toBe(401);
    expect((await h().call('GET', '/api/v1/reports/DMI-2026-999999/similar', { token: triage.token })).status).toBe(404);
    expect((await h().call('GET', `/api/v1/reports/${origin}/similar?radius=99999`, { token: triage.token })).status).toBe(400);
  });
});
