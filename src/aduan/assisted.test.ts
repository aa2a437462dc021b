/** Assisted intake: an officer or volunteer files for a resident, who receives the notices (over real HTTP, WhatsApp through a local Cloud API). */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { photo, roadReport, step, upload } from '../test/fixtures.js';
import { withFakeWhatsApp } from '../test/fake-providers.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { deliverMessages, messengersOf } from '../core/notifications/phone-delivery.js';

describeEachDatabase('assisted intake', (h) => {
  const fake = withFakeWhatsApp(h);

  it("files for a resident without an account, recorded as assisted, and the resident's number receives the notices", async () => {
    const officer = await h().staff('opd_officer', 'PUPR');
    const photoId = (await upload(h(), officer.token, await photo())).body.id as string;
    const filed = await h().call('POST', '/api/v1/reports/assisted', {
      token: officer.token,
      headers: { 'idempotency-key': 'loket-pupr-0001' },
      body: { ...roadReport(), photoIds: [photoId], resident: { name: 'Pak Rahmat', phone: '0812 7700 6006' } },
    });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({ status: 'submitted', residentReached: 'whatsapp' });
    const tn = filed.body.trackingNumber as string;
    // A retry of the same filing is answered, not filed again.
    const again = await h().call('POST', '/api/v1/reports/assisted', {
      token: officer.token,
      headers: { 'idempotency-key': 'loket-pupr-0001' },
      body: { ...roadReport(), photoIds: [photoId], resident: { name: 'Pak Rahmat', phone: '0812 7700 6006' } },
    });
    expect(again.body.trackingNumber).toBe(tn);

    const triage = (await h().staff('triage_admin')).token;
    const detail = await h().call('GET', `/api/v1/reports/${tn}`, { token: triage });
    expect(detail.body.reporter).toMatchObject({ name: 'Pak Rahmat', phone: '+6281277006006' });
    expect(detail.body.channel).toBe('assisted');
    const submitted = detail.body.timeline[0];
    expect(submitted.actor).toMatchObject({ role: 'opd_officer', name: expect.stringContaining('Petugas') });
    expect(detail.body.photos).toHaveLength(1);
    await step(h(), triage, tn, 'verify');
    await deliverMessages(h().ctx, messengersOf(h().ctx.config));
    const notices = fake().whatsapp.filter((m) => m.to === '6281277006006');
    expect(notices.map((m) => [m.template!.name, m.template!.params.slice(0, 2)])).toEqual([
      ['status_laporan', [tn, 'Diterima']],
      ['status_laporan', [tn, 'Diverifikasi']],
    ]);
  });

  it("files for a resident with an account: the report is theirs and they are notified in the app", async () => {
    const resident = await h().citizen({ email: 'bu.sari@mail.test' });
    const volunteer = await h().staff('volunteer');
    const filed = await h().call('POST', '/api/v1/reports/assisted', { token: volunteer.token, body: { ...roadReport(), resident: { name: 'Bu Sari', email: 'Bu.Sari@mail.test' } } });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.residentReached).toBe('account');
    const mine = await h().call('GET', '/api/v1/reports/mine', { token: resident.token });
    expect(mine.body.items.map((r: { trackingNumber: string }) => r.trackingNumber)).toEqual([filed.body.trackingNumber]);
    await deliverDue(h().ctx, undefined);
    const inbox = await h().call('GET', '/api/v1/notifications', { token: resident.token });
    expect(inbox.body.items[0].title.id).toBe(`Laporan ${filed.body.trackingNumber}: Diterima`);
  });

  it('refuses a citizen, and a filing that names no way to reach the resident', async () => {
    const citizen = await h().citizen();
    expect((await h().call('POST', '/api/v1/reports/assisted', { token: citizen.token, body: { ...roadReport(), resident: { name: 'Pak Rahmat', phone: '081277006006' } } })).status).toBe(403);
    const officer = await h().staff('triage_admin');
    const none = await h().call('POST', '/api/v1/reports/assisted', { token: officer.token, body: { ...roadReport(), resident: { name: 'Pak Rahmat' } } });
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ code: 'resident_contact_required', field: 'resident.phone' });
    const bad = await h().call('POST', '/api/v1/reports/assisted', { token: officer.token, body: { ...roadReport(), resident: { name: 'Pak Rahmat', phone: '12345' } } });
    expect(bad.body).toMatchObject({ code: 'phone_format', field: 'resident.phone' });
  });
});
