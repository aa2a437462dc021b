import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { BAGAN_KELADI, fileReport, photo, roadReport, step, upload } from '../test/fixtures.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { auditLog } from '../core/audit/schema.js';
import { slaSweep } from './sla.js';

describeEachDatabase('aduan: a road-damage report from filing to closure', (h) => {
  it('walks the whole SP4N-LAPOR! path through the API', async () => {
    const citizen = await h().citizen({ fullName: 'Siti Aminah' });
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');

    const up = await upload(h(), citizen.token, await photo());
    expect(up.status).toBe(201);
    const filed = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ photoIds: [up.body.id] }) });
    expect(filed.status).toBe(201);
    const tn = filed.body.trackingNumber as string;
    expect(tn).toMatch(/^DMI-2026-\d{6}$/);
    expect(filed.body.status).toBe('submitted');
    expect(filed.body.location.kelurahanCode).toBe(BAGAN_KELADI.code);
    expect(filed.body.photos).toHaveLength(1);
    expect(filed.body.sla.verifyDueAt).toBe('2026-03-05T16:59:59.999Z'); // Mon + 3 working days, end of Thursday WIB

    // PUPR cannot see it before it is dispositioned to them.
    expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: pupr.token })).status).toBe(404);

    h().setNow('2026-03-02T04:00:00Z');
    expect((await step(h(), triage.token, tn, 'verify', { message: 'Laporan lengkap, diteruskan.' })).body.status).toBe('verified');
    const disp = await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'], instruction: 'Mohon survei dan tambal lubang.' });
    expect(disp.status).toBe(200);
    expect(disp.body.status).toBe('dispositioned');
    expect(disp.body.sla.followUpDueAt).toBe('2026-03-09T16:59:59.999Z'); // 5 working days across the weekend

    h().setNow('2026-03-03T02:00:00Z');
    pupr.token = await h().login(pupr.email); // a new working day, a new staff session
    expect((await step(h(), pupr.token, tn, 'accept')).body.status).toBe('in_progress');
    const followUp = await step(h(), pupr.token, tn, 'follow-up', {
      message: 'Tim Bina Marga sudah survei, penambalan dijadwalkan Kamis.',
      note: 'Anggaran pemeliharaan rutin, pos 5.2.',
    });
    expect(followUp.status).toBe(200);

    const evidence = await upload(h(), pupr.token, await photo('#333333'), 'after.png', 'image/png');
    expect(evidence.status).toBe(201);
    h().setNow('2026-03-05T08:00:00Z');
    pupr.token = await h().login(pupr.email);
    const resolved = await step(h(), pupr.token, tn, 'resolve', { message: 'Lubang sudah ditambal dengan aspal.', photoIds: [evidence.body.id] });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.photos).toHaveLength(2);

    // The citizen sees every public step and reply, never the internal note or officers' names.
    const seen = await h().call('GET', `/api/v1/reports/${tn}`, { token: citizen.token });
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'verify', 'disposition', 'accept', 'follow_up', 'resolve']);
    expect(seen.text).not.toContain('Anggaran pemeliharaan');
    expect(seen.text).not.toContain('Petugas opd_officer');
    expect(seen.body.timeline.find((e: { action: string }) => e.action === 'resolve').photoIds).toEqual([evidence.body.id]);
    const img = await fetch(`${h().baseUrl}${seen.body.photos[1].url}`, { headers: { authorization: `Bearer ${citizen.token}` } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toMatch(/^image\//);

    const confirmed = await step(h(), citizen.token, tn, 'confirm', { rating: 5, comment: 'Cepat, terima kasih.' });
    expect(confirmed.body.status).toBe('closed');
    expect(confirmed.body.rating).toBe(5);
    expect((await step(h(), citizen.token, tn, 'rating', { rating: 4 })).body.code).toBe('already_rated');

    // Each state change notified the reporter through the outbox.
    await deliverDue(h().ctx, undefined);
    const inbox = await h().call('GET', '/api/v1/notifications', { token: citizen.token });
    expect(inbox.body.items.length).toBeGreaterThanOrEqual(6);
    expect(inbox.body.items.some((n: { title: { id: string } }) => n.title.id === `Laporan ${tn}: Selesai ditangani`)).toBe(true);

    const trail = await h().ctx.db.select().from(auditLog).where(eq(auditLog.entityId, tn));
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['report.submit', 'report.verify', 'report.disposition', 'report.resolve', 'report.confirm']),
    );
  });

  it('refuses steps out of order or by the wrong person', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const tn = await fileReport(h(), citizen.token);

    expect((await step(h(), citizen.token, tn, 'verify')).status).toBe(403);
    expect((await step(h(), citizen.token, tn, 'confirm')).body.code).toBe('invalid_transition');
    expect((await step(h(), triage.token, tn, 'reject')).body).toMatchObject({ status: 422, code: 'field_required', field: 'message' });
    expect((await step(h(), triage.token, tn, 'disposition', { opdCodes: ['NOPE'] })).body.code).toBe('unknown_opd');
    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    expect((await step(h(), triage.token, tn, 'verify')).status).toBe(409);
    expect((await step(h(), pupr.token, tn, 'confirm')).status).toBe(403);
    expect((await step(h(), pupr.token, tn, 'resolve')).body.field).toBe('message');
    await step(h(), pupr.token, tn, 'resolve', { message: 'Sudah diperbaiki.' });
    // PUPR's disposition is done: it no longer holds the report.
    expect((await step(h(), pupr.token, tn, 'follow-up', { message: 'lagi' })).status).toBe(403);
    expect((await step(h(), triage.token, tn, 'resolve', { message: 'x' })).status).toBe(403);

    // Reopen sends it back to the OPD with a fresh deadline; a withdrawal is only for unverified reports.
    const reopened = await step(h(), citizen.token, tn, 'reopen', { message: 'Lubangnya muncul lagi setelah hujan.' });
    expect(reopened.body.status).toBe('in_progress');
    expect(reopened.body.dispositions[0].status).toBe('active');
    expect((await step(h(), citizen.token, tn, 'withdraw')).status).toBe(409);
  });

  it('lets triage reject, postpone, archive, withdraw and merge duplicates', async () => {
    const a = await h().citizen();
    const b = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const original = await fileReport(h(), a.token);
    const duplicate = await fileReport(h(), b.token, { title: 'Lubang jalan depan SD', description: 'Ada lubang besar di jalan depan SD, mohon segera diperbaiki.' });

    const postponed = await step(h(), triage.token, duplicate, 'postpone', { message: 'Menunggu konfirmasi lokasi.', postponeUntil: '2026-03-10' });
    expect(postponed.body.status).toBe('postponed');
    const merged = await step(h(), triage.token, duplicate, 'merge', { targetTrackingNumber: original });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: original });

    // The duplicate's reporter now follows the original and is told of its progress.
    await step(h(), triage.token, original, 'verify');
    await deliverDue(h().ctx, undefined);
    const followerInbox = await h().call('GET', '/api/v1/notifications', { token: b.token });
    expect(followerInbox.body.items.some((n: { title: { id: string } }) => n.title.id === `Laporan ${original}: Diverifikasi`)).toBe(true);
    const followed = await h().call('GET', `/api/v1/reports/${original}`, { token: b.token });
    expect(followed.status).toBe(200);
    expect(followed.body.reporter).toBeNull();
    expect((await h().call('GET', '/api/v1/reports/mine', { token: b.token })).body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).toContain(original);

    const spam = await fileReport(h(), a.token, { title: 'Tes tes tes', description: 'Hanya mencoba aplikasi saja.' });
    expect((await step(h(), triage.token, spam, 'reject', { message: 'Bukan pengaduan.' })).body.status).toBe('rejected');
    const old = await fileReport(h(), a.token);
    expect((await step(h(), triage.token, old, 'archive')).body.status).toBe('archived');
    const mistake = await fileReport(h(), a.token);
    expect((await step(h(), a.token, mistake, 'withdraw', { message: 'Salah kirim.' })).body.status).toBe('withdrawn');
  });

  it('routes between OPDs: co-handling, forwarding and returning to triage', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const perkim = await h().staff('opd_officer', 'PERKIM');
    const dlh = await h().staff('opd_officer', 'DLH');
    const tn = await fileReport(h(), citizen.token, { categoryCode: 'INF-DRAINASE', title: 'Gorong-gorong tersumbat', description: 'Air meluap ke jalan setiap hujan karena gorong-gorong tersumbat.' });

    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    const co = await step(h(), pupr.token, tn, 'co-handlers', { opdCode: 'PERKIM', instruction: 'Drainase bagian Perkim.' });
    expect(co.body.dispositions.map((d: { opdCode: string; role: string }) => `${d.opdCode}:${d.role}`)).toEqual(['PUPR:lead', 'PERKIM:co']);
    expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: perkim.token })).status).toBe(200);

    // PUPR hands its part back; Perkim still holds the report, so it stays with the OPDs.
    const back = await step(h(), pupr.token, tn, 'return', { note: 'Bukan ruas jalan kota, murni drainase.' });
    expect(back.body.status).toBe('dispositioned');
    expect((await step(h(), pupr.token, tn, 'accept')).status).toBe(403);

    const fwd = await step(h(), perkim.token, tn, 'forward', { opdCode: 'DLH', note: 'Sumbatan sampah, ranah DLH.' });
    expect(fwd.body.dispositions.find((d: { opdCode: string }) => d.opdCode === 'DLH').status).toBe('active');
    const ret = await step(h(), dlh.token, tn, 'return', { note: 'Perlu dinilai ulang oleh admin.' });
    expect(ret.body.status).toBe('verified');
    expect((await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PERKIM'] })).body.status).toBe('dispositioned');
  });

  it('flags national and provincial roads as outside city authority and records the escalation', async () => {
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const roads = (await h().call('GET', '/api/v1/roads')).body as { id: number; status: string; name: string }[];
    const national = roads.find((r) => r.status === 'nasional')!;
    const filed = await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ roadId: national.id }) });
    expect(filed.body.jurisdiction).toBe('nasional');
    const city = roads.find((r) => r.status === 'kota')!;
    expect((await h().call('POST', '/api/v1/reports', { token: citizen.token, body: roadReport({ roadId: city.id }) })).body.jurisdiction).toBe('kota');

    const escalated = await step(h(), triage.token, filed.body.trackingNumber, 'outside-authority', {
      message: `${national.name} adalah jalan nasional; laporan diteruskan ke BPJN Riau.`,
      outside: { level: 'nasional', agency: 'BPJN Riau (Kementerian PU)' },
    });
    expect(escalated.body.status).toBe('outside_authority');
    expect(escalated.body.outsideAuthority).toMatchObject({ level: 'nasional', agency: 'BPJN Riau (Kementerian PU)' });
  });

  it('closes a resolved report by itself after 10 working days of silence', async () => {
    h().setNow('2026-03-06T03:00:00Z'); // Friday
    const citizen = await h().citizen();
    const triage = await h().staff('triage_admin', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('opd_officer', 'PUPR');
    const tn = await fileReport(h(), citizen.token);
    await step(h(), triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    const resolved = await step(h(), pupr.token, tn, 'resolve', { message: 'Selesai ditambal.' });
    // 10 working days from Fri 6 March skip Nyepi and the Idul Fitri holidays and leave: Fri 27 March.
    expect(resolved.body.sla.autoCloseAt).toBe('2026-03-27T16:59:59.999Z');

    h().setNow('2026-03-27T10:00:00Z');
    await slaSweep(h().ctx);
    expect((await h().call('GET', `/api/v1/reports/${tn}`, { token: citizen.token })).body.status).toBe('resolved');
    h().setNow('2026-03-28T01:00:00Z');
    expect((await slaSweep(h().ctx)).autoClosed).toBeGreaterThanOrEqual(1);
    const closed = await h().call('GET', `/api/v1/reports/${tn}`, { token: citizen.token });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.at(-1).action).toBe('auto_close');
    h().setNow('2026-03-02T02:00:00Z');
  });
});
