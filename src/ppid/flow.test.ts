import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { file, request, step } from './test-fixtures.js';
import { auditLog } from '../core/audit/schema.js';
import { deliverDue } from '../core/notifications/delivery.js';

describeEachDatabase('ppid: information requests', (h) => {
  it('a non-resident files without an account, gets a receipt and a secret link; routed to PUPR and answered in time', async () => {
    h().setNow('2026-04-02T02:00:00Z'); // Thursday 09:00 WIB, before Good Friday
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const pupr = await h().staff('ppid_pelaksana', 'PUPR');
    const dishub = await h().staff('ppid_pelaksana', 'DISHUB');

    const { number, kunci, body } = await file(h);
    expect(number).toMatch(/^DMI-PPID-2026-\d{6}$/);
    expect(body).toMatchObject({ status: 'submitted', channel: 'web', deadline: 'on_time' });
    // 3 and 10 working days, skipping Good Friday (3 Apr) and the weekend: end of 8 and 17 April WIB.
    expect([body.verifyDueAt, body.answerDueAt]).toEqual(['2026-04-08T16:59:59.999Z', '2026-04-17T16:59:59.999Z']);

    const receipt = await h().call('GET', body.receiptUrl);
    expect([receipt.status, receipt.headers.get('content-type'), receipt.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    // Without the key the request does not exist; with it the requester sees their own view.
    expect((await h().call('GET', `/api/v1/ppid/requests/${number}`)).status).toBe(404);
    expect((await h().call('GET', `/api/v1/ppid/requests/${number}?kunci=${'x'.repeat(32)}`)).status).toBe(404);
    const own = await h().call('GET', `/api/v1/ppid/requests/${number}?kunci=${kunci}`);
    expect(own.body.requester).toMatchObject({ identityNumber: '1471**********04', fullName: 'Fitriani Lubis' });
    expect(own.body.allowedActions).toEqual(['withdraw']);

    const verified = await step(h, number, 'verify', {}, { token: utama.token });
    expect(verified.body.status).toBe('in_progress');
    const routed = await step(h, number, 'route', { opdCode: 'PUPR', message: 'Dokumen kontrak ada di Bidang Bina Marga.' }, { token: utama.token });
    expect(routed.body.opd.code).toBe('PUPR');

    // Scope: another OPD's PPID Pelaksana neither lists nor opens it.
    expect((await h().call('GET', '/api/v1/ppid/requests', { token: dishub.token })).body.items.map((i: { registrationNumber: string }) => i.registrationNumber)).not.toContain(number);
    expect((await h().call('GET', `/api/v1/ppid/requests/${number}`, { token: dishub.token })).status).toBe(404);
    expect((await step(h, number, 'grant', { message: 'x' }, { token: dishub.token })).status).toBe(404);
    const list = await h().call('GET', '/api/v1/ppid/requests', { token: pupr.token });
    expect(list.body.items.map((i: { registrationNumber: string }) => i.registrationNumber)).toContain(number);

    h().setNow('2026-04-15T03:00:00Z');
    const puprToken = await h().login(pupr.email); // staff sessions last 12 hours of the app's clock
    const granted = await step(h, number, 'grant', { message: 'Salinan kontrak kami kirim ke email Anda.', costRupiah: 0 }, { token: puprToken });
    expect(granted.body).toMatchObject({ status: 'successful', deadline: null, answer: { notice: 'Salinan kontrak kami kirim ke email Anda.' } });
    expect(new Date(granted.body.answeredAt).getTime()).toBeLessThan(new Date(granted.body.answerDueAt).getTime());
    const seen = await h().call('GET', `/api/v1/ppid/requests/${number}?kunci=${kunci}`);
    expect(seen.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'verify', 'route', 'grant']);
    // The routing note stays with the desks.
    expect(JSON.stringify(seen.body.timeline)).not.toContain('Bina Marga');
    const views = await h().ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, number), eq(auditLog.action, 'ppid.view_requester')));
    expect(views.length).toBeGreaterThan(0);
  });

  it('extends once by 7 working days with a written reason the requester receives', async () => {
    h().setNow('2026-04-02T02:00:00Z');
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const citizen = await h().citizen();
    const { number } = await file(h, request({ identityNumber: '1472011208900123' }), citizen.token);
    await step(h, number, 'verify', {}, { token: utama.token });
    const noReason = await step(h, number, 'extend', {}, { token: utama.token });
    expect([noReason.status, noReason.body.field]).toEqual([400, 'message']);
    const extended = await step(h, number, 'extend', { message: 'Dokumen tersebar di tiga bidang.' }, { token: utama.token });
    expect(extended.body).toMatchObject({ extensionReason: 'Dokumen tersebar di tiga bidang.', answerDueAt: '2026-04-28T16:59:59.999Z' });
    const again = await step(h, number, 'extend', { message: 'Lagi.' }, { token: utama.token });
    expect([again.status, again.body.code]).toEqual([409, 'already_extended']);
    await deliverDue(h().ctx, undefined);
    const inbox = await h().call('GET', '/api/v1/notifications', { token: citizen.token });
    expect(JSON.stringify(inbox.body)).toContain('Dokumen tersebar di tiga bidang.');
    const mine = await h().call('GET', '/api/v1/ppid/requests/mine', { token: citizen.token });
    expect(mine.body.items.map((i: { registrationNumber: string }) => i.registrationNumber)).toEqual([number]);
  });

  it('refuses only with Pasal 17 grounds and a consequence test; clarification restarts the clock; withdrawal by link', async () => {
    h().setNow('2026-03-02T02:00:00Z');
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const { number } = await file(h);
    await step(h, number, 'verify', {}, { token: utama.token });
    const bare = await step(h, number, 'refuse', { message: 'Ditolak.', exemptions: [], consequenceTest: 'x' }, { token: utama.token });
    // No letter ticked: the action's own refusal says what is missing.
    expect([bare.status, bare.body.code, bare.body.field]).toEqual([422, 'exemption_required', 'exemptions']);
    const noTest = await step(h, number, 'refuse', { message: 'Ditolak.', exemptions: ['a'] }, { token: utama.token });
    expect([noTest.status, noTest.body.field]).toEqual([400, 'consequenceTest']);
    const refused = await step(h, number, 'refuse', { message: 'Dikecualikan: masih dalam penyidikan.', exemptions: ['a'], consequenceTest: 'Membukanya menghambat penyidikan.' }, { token: utama.token });
    expect(refused.body).toMatchObject({ status: 'rejected', answer: { exemptions: ['a'], consequenceTest: 'Membukanya menghambat penyidikan.' } });
    expect((await step(h, number, 'grant', { message: 'x' }, { token: utama.token })).status).toBe(409);

    const vague = await file(h, request({ information: 'Mohon data tentang anggaran.' }));
    await step(h, vague.number, 'ask-clarification', { message: 'Anggaran apa dan tahun berapa?' }, { token: utama.token });
    h().setNow('2026-03-06T02:00:00Z'); // Friday
    const clarified = await step(h, vague.number, 'clarify', { information: 'Anggaran pemeliharaan jalan kota tahun 2026 (DPA Dinas PUPR).' }, { kunci: vague.kunci });
    expect(clarified.body).toMatchObject({ status: 'submitted', receivedAt: '2026-03-06T02:00:00.000Z', verifyDueAt: '2026-03-11T16:59:59.999Z' });
    const withdrawn = await step(h, vague.number, 'withdraw', {}, { kunci: vague.kunci });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await step(h, vague.number, 'withdraw', {}, {})).status).toBe(404);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ identityNumber: '1234567890123456' }, 'identityNumber', 422],
      [{ identityType: 'passport', identityNumber: 'A1' }, 'identityNumber', 400],
      [{ identityType: 'passport', identityNumber: 'A1-!!' }, 'identityNumber', 422],
      [{ identityType: 'entity', identityNumber: 'AHU-0012345' }, 'entityName', 422],
      [{ email: undefined, deliveryMethod: 'email' }, 'email', 422],
      [{ channel: 'walk_in' }, 'channel', 422],
      [{ obtainMethod: 'telepati' }, 'obtainMethod', 400],
    ];
    const before = (await h().call('GET', '/api/v1/ppid/requests', { token: (await h().staff('ppid_utama')).token })).body.total;
    for (const [overrides, field, status] of cases) {
      const res = await h().call('POST', '/api/v1/ppid/requests', { body: request(overrides) });
      expect([res.status, res.body.field, typeof res.body.message?.id], JSON.stringify(overrides)).toEqual([status, field, 'string']);
    }
    const after = (await h().call('GET', '/api/v1/ppid/requests', { token: (await h().staff('ppid_utama')).token })).body.total;
    expect(after).toBe(before);
  });

  it('lets a desk officer record a walk-in request', async () => {
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const res = await h().call('POST', '/api/v1/ppid/requests', { token: utama.token, body: request({ channel: 'letter', email: undefined, phone: '0765 31234', deliveryMethod: 'post' }) });
    expect([res.status, res.body.channel]).toEqual([201, 'letter']);
  });
});
