import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { uploadDocument } from '../test/fixtures.js';
import { renderPdf } from '../core/export/pdf.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { file, request, step, type H } from './test-fixtures.js';

/** Refused under Pasal 17 on Tuesday 2 June 2026 (between the Pancasila and 1 Muharam holidays). */
async function refused(h: H, token?: string) {
  h().setNow('2026-06-02T02:00:00Z');
  const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const filed = await file(h, request(), token);
  await step(h, filed.number, 'verify', {}, { token: utama.token });
  const res = await step(h, filed.number, 'refuse', { message: 'Memuat data pribadi penerima.', exemptions: ['h'], consequenceTest: 'Membukanya mengungkap rahasia pribadi warga.' }, { token: utama.token });
  expect(res.body.status).toBe('rejected');
  return { ...filed, utama };
}

describeEachDatabase('ppid: objections and Komisi Informasi disputes', (h) => {
  it('a refusal is objected, dismissed with the 14-day notice, taken to the Komisi Informasi, heard and decided', async () => {
    h().setNow('2026-06-02T02:00:00Z');
    const citizen = await h().citizen({ email: 'pemohon-keberatan@mail.test' });
    const { number, utama } = await refused(h, citizen.token);
    const atasan = await h().staff('atasan_ppid', 'DISKOMINFOTIKSAN');
    const dishub = await h().staff('ppid_pelaksana', 'DISHUB');
    expect((await step(h, number, 'objection/dismiss', { message: 'x' }, { token: atasan.token })).status).toBe(404);

    h().setNow('2026-06-09T02:00:00Z');
    const token = await h().login('pemohon-keberatan@mail.test', 'kata-sandi-1');
    const noReason = await step(h, number, 'objection', { reasons: [], statement: 'Saya keberatan.' }, { token });
    expect([noReason.status, noReason.body.field]).toEqual([400, 'reasons']);
    const objected = await step(h, number, 'objection', { reasons: ['a', 'f'], statement: 'Data yang saya minta adalah data agregat, bukan data pribadi.' }, { token });
    expect(objected.status, objected.text).toBe(200);
    // 30 working days, skipping 1 Muharam (16 June) and the weekends.
    expect(objected.body.objection).toMatchObject({ status: 'filed', reasons: ['a', 'f'], answerDueAt: '2026-07-22T16:59:59.999Z', allowedActions: [] });
    expect((await step(h, number, 'objection', { reasons: ['c'], statement: 'Lagi.' }, { token })).body.code).toBe('objection_exists');

    // Only the Atasan PPID decides; another OPD's desk does not learn the request exists.
    const [atasanToken, utamaToken, dishubToken] = await Promise.all([atasan.email, utama.email, dishub.email].map((e) => h().login(e)));
    expect((await step(h, number, 'objection/uphold', { message: 'x' }, { token })).status).toBe(403);
    expect((await step(h, number, 'objection/uphold', { message: 'x' }, { token: dishubToken })).status).toBe(404);
    expect((await step(h, number, 'objection/uphold', { message: 'x' }, { token: utamaToken })).status).toBe(403);
    const list = await h().call('GET', '/api/v1/ppid/objections', { token: atasanToken });
    expect(list.body.items.find((i: { registrationNumber: string }) => i.registrationNumber === number)).toMatchObject({ status: 'filed', overdue: false });
    expect((await h().call('GET', '/api/v1/ppid/objections', { token })).status).toBe(403);

    h().setNow('2026-06-23T02:00:00Z');
    const atasanLater = await h().login(atasan.email);
    const dismissed = await step(h, number, 'objection/dismiss', { message: 'Daftar memuat nama dan alamat penerima; pengecualian huruf h tepat.' }, { token: atasanLater });
    expect(dismissed.body.objection).toMatchObject({ status: 'dismissed', disputeDueAt: '2026-07-13T16:59:59.999Z' });
    await deliverDue(h().ctx, undefined);
    const citizenToken = await h().login('pemohon-keberatan@mail.test', 'kata-sandi-1');
    const inbox = JSON.stringify((await h().call('GET', '/api/v1/notifications', { token: citizenToken })).body);
    expect(inbox).toContain('Komisi Informasi paling lambat 13 Juli 2026');

    const disputed = await step(h, number, 'objection/dispute', { register: '031/VII/KI-RIAU-PS/2026' }, { token: citizenToken });
    expect(disputed.body.objection).toMatchObject({ status: 'disputed', dispute: { register: '031/VII/KI-RIAU-PS/2026', hearings: [] } });
    const utamaLater = await h().login(utama.email);
    const badDate = await step(h, number, 'objection/hearings', { date: '2026-13-40' }, { token: utamaLater });
    expect(badDate.status).toBe(400);
    await step(h, number, 'objection/hearings', { date: '2026-07-21', message: 'Sidang ajudikasi kedua' }, { token: utamaLater });
    await step(h, number, 'objection/hearings', { date: '2026-07-07', message: 'Sidang pemeriksaan awal' }, { token: utamaLater });
    const scan = await uploadDocument(h(), utamaLater, await renderPdf('Putusan', (d) => d.text('Putusan Komisi Informasi Provinsi Riau Nomor 031/VII/KI-RIAU-PS/2026')), 'putusan.pdf');
    const noDoc = await step(h, number, 'objection/dispute-outcome', { outcome: 'granted', message: 'Dikabulkan.', documentId: '00000000-0000-4000-8000-000000000000' }, { token: utamaLater });
    expect([noDoc.status, noDoc.body.code]).toEqual([422, 'unknown_document']);
    const decided = await step(h, number, 'objection/dispute-outcome', { outcome: 'partly_granted', message: 'Daftar diberikan tanpa alamat penerima.', documentId: scan.body.id }, { token: utamaLater });
    expect(decided.body.objection).toMatchObject({
      status: 'dispute_decided',
      dispute: { outcome: 'partly_granted', hearings: [{ date: '2026-07-07' }, { date: '2026-07-21' }], decisionUrl: `/api/v1/ppid/requests/${number}/documents/${scan.body.id}` },
      allowedActions: [],
    });
    const seen = await h().call('GET', `/api/v1/ppid/requests/${number}`, { token: citizenToken });
    // The requester reads the Komisi's decision; the public does not.
    const decision = await h().call('GET', seen.body.objection.dispute.decisionUrl, { token: citizenToken });
    expect([decision.status, decision.headers.get('content-type'), decision.text.slice(0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    expect((await h().call('GET', seen.body.objection.dispute.decisionUrl)).status).toBe(404);
    expect(seen.body.timeline.map((e: { action: string }) => e.action).slice(-6)).toEqual(['object', 'dismiss', 'file_dispute', 'record_hearing', 'record_hearing', 'record_dispute_outcome']);
  });

  it('keeps the law’s windows: 30 working days to object, 14 to take it to the Komisi Informasi; not before the reason arises', async () => {
    const open = await (async () => {
      h().setNow('2026-06-02T02:00:00Z');
      return file(h);
    })();
    const early = await step(h, open.number, 'objection', { reasons: ['c'], statement: 'Belum dijawab.' }, { kunci: open.kunci });
    expect([early.status, early.body.code]).toEqual([409, 'objection_not_open']);

    const late = await refused(h);
    const inTime = await refused(h);
    // The requester is told until when (the desk is not: it is the requester's step).
    const mine = await h().call('GET', `/api/v1/ppid/requests/${inTime.number}?kunci=${inTime.kunci}`);
    expect(mine.body.objectionDueAt).toBe('2026-07-15T16:59:59.999Z');
    expect((await h().call('GET', `/api/v1/ppid/requests/${inTime.number}`, { token: inTime.utama.token })).body.objectionDueAt).toBeNull();
    h().setNow('2026-07-15T02:00:00Z'); // the 30th working day after 2 June
    const ok = await step(h, inTime.number, 'objection', { reasons: ['a'], statement: 'Keberatan.' }, { kunci: inTime.kunci });
    expect([ok.body.objection.status, ok.body.objectionDueAt]).toEqual(['filed', null]);
    h().setNow('2026-07-16T02:00:00Z');
    const tooLate = await step(h, late.number, 'objection', { reasons: ['a'], statement: 'Keberatan.' }, { kunci: late.kunci });
    expect([tooLate.status, tooLate.body.code]).toEqual([409, 'objection_too_late']);
    // Reason a is for a Pasal 17 refusal only.
    const wrong = await step(h, open.number, 'objection', { reasons: ['a'], statement: 'Keberatan.' }, { kunci: open.kunci });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'objection_reason_mismatch']);
    // An unanswered request is objectable once overdue, on reason c.
    const overdue = await step(h, open.number, 'objection', { reasons: ['c'], statement: 'Tidak ada jawaban.' }, { kunci: open.kunci });
    expect(overdue.body.objection.status).toBe('filed');

    const atasan = await h().staff('atasan_ppid', 'DISKOMINFOTIKSAN');
    await step(h, inTime.number, 'objection/uphold', { message: 'Berikan daftar tanpa data pribadi.' }, { token: atasan.token });
    h().setNow('2026-08-06T02:00:00Z'); // 15 working days after 16 July (17 August not yet)
    const disputeLate = await step(h, inTime.number, 'objection/dispute', { register: '040/KI/2026' }, { kunci: inTime.kunci });
    expect([disputeLate.status, disputeLate.body.code]).toEqual([409, 'dispute_too_late']);
  });
});
