import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { photo } from '../test/fixtures.js';
import { layananApplications } from './schema.js';
import { act, domisili, publish, scan, upload } from './test-fixtures.js';

describeEachDatabase('layanan: a citizen’s application through every step', (h) => {
  it('an OPD admin defines a service; anyone reads its standar pelayanan; a citizen applies, corrects, and gets a signed document', async () => {
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const officer = await h().staff('opd_officer', 'DISDUKCAPIL');
    const otherOpd = await h().staff('opd_officer', 'DINSOS');
    await publish(h, admin.token, 'sk-domisili');

    // The standar pelayanan before logging in: requirements, steps, time, fee; the search finds it.
    const found = await h().call('GET', '/api/v1/layanan/services?q=domisili');
    expect(found.body.items.map((s: { code: string }) => s.code)).toEqual(['sk-domisili']);
    const detail = await h().call('GET', '/api/v1/layanan/services/sk-domisili');
    expect(detail.body).toMatchObject({ feeRupiah: 0, standardDays: 3, opd: { code: 'DISDUKCAPIL' }, editable: false, version: { version: 1 } });
    expect(detail.body.version.requirements.map((r: { key: string }) => r.key)).toEqual(['ktp', 'kk', 'pengantar_rt']);
    expect(detail.body.version.steps.map((s: { key: string; role: string }) => `${s.key}:${s.role}`)).toEqual(['verifikasi:opd_officer', 'persetujuan:opd_admin', 'penerbitan:opd_officer']);

    const citizen = await h().citizen({ fullName: 'Rahmawati' });
    // A form answer that breaks the service's own rules: 422 naming each field, in both languages.
    const bad = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili({ sejak: '2099-01-01', telepon: '021-555', rahasia: 'x' }) } });
    expect([bad.status, bad.body.code, bad.body.field]).toEqual([422, 'form_invalid', 'answers.rahasia']);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['answers.rahasia', 'answers.sejak', 'answers.telepon']);
    expect(bad.body.errors[1].message.id).toContain('tidak boleh setelah');
    expect(bad.body.errors[1].message.en).toContain('may not be after');
    expect(await h().ctx.db.select().from(layananApplications)).toEqual([]);

    const draft = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: { alamat: 'Jl. Sultan Syarif Kasim No. 45' } } });
    expect(draft.status).toBe(201);
    const number = draft.body.number as string;
    expect(number).toMatch(/^DMI-LYN-2026-\d{6}$/);
    expect(draft.body).toMatchObject({ status: 'draft', channel: 'online', applicant: { name: 'Rahmawati', nik: expect.stringMatching(/^1472\*{10}\d{2}$/) } });
    // The KTP is the NIK on the verified account: nothing to upload for it.
    expect(draft.body.requirements.map((r: { key: string; satisfiedByData: boolean }) => `${r.key}:${r.satisfiedByData}`)).toEqual(['ktp:true', 'kk:false', 'pengantar_rt:false']);

    // Submitting an incomplete application names every missing field and requirement; nothing moves.
    const early = await act(h, citizen.token, number, 'submit');
    expect([early.status, early.body.code]).toEqual([422, 'form_invalid']);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['answers.rt', 'answers.pernyataan', 'requirements.kk', 'requirements.pengantar_rt']));
    expect((await h().call('PUT', `/api/v1/layanan/applications/${number}/answers`, { token: citizen.token, body: { answers: domisili() } })).status).toBe(200);
    // A table is no paper; a requirement keeps to its kinds.
    const csv = await upload(h, citizen.token, number, 'kk', Buffer.from('nama,nik\nA,1\n'), 'kk.csv', 'text/csv');
    expect([csv.status, csv.body.code]).toEqual([415, 'paper_type']);
    expect((await upload(h, citizen.token, number, 'kk', await scan('Kartu Keluarga'))).status).toBe(200);
    const rt = await upload(h, citizen.token, number, 'pengantar_rt', await photo(), 'pengantar.jpg', 'image/jpeg');
    expect(rt.status).toBe(200);
    expect(rt.body.requirements.find((r: { key: string }) => r.key === 'pengantar_rt').file.name).toMatch(/\.pdf$/);

    const submitted = await act(h, citizen.token, number, 'submit');
    expect(submitted.body).toMatchObject({ status: 'submitted', step: { key: 'verifikasi' }, deadline: 'due_soon' });
    // One working day for the check, three for the whole service (Monday 2 March 2026).
    expect([submitted.body.stepDueAt, submitted.body.dueAt]).toEqual(['2026-03-03T16:59:59.999Z', '2026-03-05T16:59:59.999Z']);
    expect(submitted.body.steps.map((s: { state: string }) => s.state)).toEqual(['current', 'pending', 'pending']);

    // The OPD's inbox has it; another OPD neither lists nor opens it.
    const inbox = await h().call('GET', '/api/v1/layanan/applications?step=verifikasi', { token: officer.token });
    expect(inbox.body.items.map((i: { number: string }) => i.number)).toEqual([number]);
    expect((await h().call('GET', '/api/v1/layanan/applications', { token: otherOpd.token })).body.items).toEqual([]);
    expect((await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: otherOpd.token })).status).toBe(404);
    expect((await act(h, otherOpd.token, number, 'pass')).status).toBe(404);
    const seen = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: officer.token });
    expect(seen.body.applicant.nik).toMatch(/^1472\d{12}$/);
    expect(seen.body.allowedActions).toEqual(['pass', 'request_correction', 'reject', 'comment']);

    // Sent back: the family card again. The clock stops; a resubmission without it is refused.
    const back = await act(h, officer.token, number, 'request-correction', { message: 'Foto KK buram, unggah ulang.', requirements: ['kk'] });
    expect(back.body).toMatchObject({ status: 'correction_requested', stepDueAt: null, correction: { requirements: ['kk'] } });
    h().setNow('2026-03-04T02:00:00Z');
    const stale = await act(h, citizen.token, number, 'resubmit');
    expect([stale.status, stale.body.code, stale.body.field]).toEqual([422, 'correction_file_missing', 'requirements.kk']);
    await upload(h, citizen.token, number, 'kk', await scan('Kartu Keluarga (jelas)'));
    const again = await act(h, citizen.token, number, 'resubmit', { message: 'Sudah saya unggah ulang.' });
    // Back at the same step, its time and the service's running anew.
    expect(again.body).toMatchObject({ status: 'in_process', step: { key: 'verifikasi' }, correction: null, stepDueAt: '2026-03-05T16:59:59.999Z', dueAt: '2026-03-09T16:59:59.999Z' });

    const officerToken = await h().login(officer.email);
    const passed = await act(h, officerToken, number, 'pass');
    expect(passed.body.step.key).toBe('persetujuan');
    // The approval is the head's: the officer may not take it.
    expect((await act(h, officerToken, number, 'approve')).status).toBe(403);
    const adminToken = await h().login(admin.email);
    expect((await act(h, adminToken, number, 'approve')).body).toMatchObject({ status: 'approved', step: { key: 'penerbitan' } });
    const issued = await act(h, officerToken, number, 'issue', { message: 'Silakan unduh surat Anda.' });
    expect(issued.body).toMatchObject({ status: 'issued', documentNumber: expect.stringMatching(/^SK-DOMISILI\/\d{6}\/DISDUKCAPIL\/2026$/) });
    expect(issued.body.steps.map((s: { state: string }) => s.state)).toEqual(['done', 'done', 'done']);

    const pdf = await h().call('GET', issued.body.documentUrl, { token: citizen.token });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(pdf.text).toContain('/ByteRange');
    expect((await h().call('GET', issued.body.documentUrl, { token: await h().login(otherOpd.email) })).status).toBe(404);

    const mine = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: citizen.token });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'upload', 'upload', 'submit', 'request_correction', 'upload', 'resubmit', 'pass', 'approve', 'issue']);
    expect(mine.body.timeline.every((e: Record<string, unknown>) => !('note' in e))).toBe(true);

    // The NIK is kept encrypted.
    const [row] = await h().ctx.db.select().from(layananApplications).where(eq(layananApplications.number, number));
    expect(row!.nikEncrypted).toMatch(/^v1\./);
  });
});
