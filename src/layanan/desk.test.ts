import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../test/harness.js';
import { act, domisili, publish, scan, upload, wifi } from './test-fixtures.js';
import { demoService } from './demo-services.js';

describeEachDatabase('layanan: desks, counter, internal services, versions and privacy', (h) => {
  it('an internal Wi-Fi request from an OPD goes through Diskominfotiksan’s desk; citizens may not file it', async () => {
    const kominfoAdmin = await h().staff('opd_admin', 'DISKOMINFOTIKSAN');
    const kominfo = await h().staff('opd_officer', 'DISKOMINFOTIKSAN');
    await publish(h, kominfoAdmin.token, 'jaringan-wifi');
    const dinsos = await h().staff('opd_officer', 'DINSOS');
    const dinsosColleague = await h().staff('opd_admin', 'DINSOS');
    const citizen = await h().citizen();

    const refused = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'jaringan-wifi', answers: wifi() } });
    expect([refused.status, refused.body.code]).toEqual([403, 'internal_service']);

    // A condition: the number of access points applies to more points, the symptom to a fault.
    const wrong = await h().call('POST', '/api/v1/layanan/applications', { token: dinsos.token, body: { serviceCode: 'jaringan-wifi', answers: wifi({ jenis: 'gangguan' }), submit: true } });
    expect([wrong.status, wrong.body.errors.map((e: { field: string }) => e.field)]).toEqual([422, ['answers.gejala', 'requirements.nota_dinas']]);

    const filed = await h().call('POST', '/api/v1/layanan/applications', { token: dinsos.token, headers: { 'idempotency-key': 'wifi-dinsos-0001' }, body: { serviceCode: 'jaringan-wifi', answers: wifi() } });
    expect(filed.body).toMatchObject({ status: 'draft', applicantOpd: { code: 'DINSOS' }, applicant: { nik: null } });
    const number = filed.body.number as string;
    // The same key again is the same draft, not a second one.
    const retried = await h().call('POST', '/api/v1/layanan/applications', { token: dinsos.token, headers: { 'idempotency-key': 'wifi-dinsos-0001' }, body: { serviceCode: 'jaringan-wifi', answers: wifi() } });
    expect([retried.body.number, retried.headers.get('idempotent-replayed')]).toEqual([number, 'true']);
    // The memo is a PDF only.
    const photoMemo = await upload(h, dinsos.token, number, 'nota_dinas', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'memo.jpg', 'image/jpeg');
    expect([photoMemo.status, photoMemo.body.code]).toEqual([415, 'file_kind']);
    await upload(h, dinsos.token, number, 'nota_dinas', await scan('Nota dinas'));
    expect((await act(h, dinsos.token, number, 'submit')).body.status).toBe('submitted');

    // Its colleagues at Dinas Sosial follow it; Diskominfotiksan works it; another OPD never sees it.
    expect((await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: dinsosColleague.token })).status).toBe(200);
    expect((await h().call('GET', '/api/v1/layanan/applications', { token: kominfo.token })).body.items.map((i: { number: string }) => i.number)).toEqual([number]);
    expect((await h().call('GET', '/api/v1/layanan/applications', { token: dinsosColleague.token })).body.items).toEqual([]);
    expect((await act(h, dinsos.token, number, 'pass')).status).toBe(403);
    await act(h, kominfo.token, number, 'pass', { message: 'Survei hari Kamis.' });
    await act(h, kominfo.token, number, 'pass');
    await act(h, kominfoAdmin.token, number, 'approve');
    const done = await act(h, kominfo.token, number, 'issue');
    expect(done.body).toMatchObject({ status: 'issued', documentNumber: expect.stringMatching(/^JARINGAN-WIFI\/\d{6}\/DISKOMINFOTIKSAN\/2026$/) });
    const pdf = await h().call('GET', done.body.documentUrl, { token: dinsos.token });
    expect(pdf.status).toBe(200);
  });

  it('counter mode: an officer files for a walk-in, recorded as assisted and linked to their account by NIK', async () => {
    const admin = await h().staff('opd_admin', 'DISDUKCAPIL');
    const counter = await h().staff('opd_officer', 'DISDUKCAPIL');
    await publish(h, admin.token, 'kk-pendatang');
    const newcomer = await h().citizen({ nik: '1472015203880004', fullName: 'Fitriani Lubis' });
    const answers = {
      nomor_skpwni: 'SKPWNI/1471/2026/00123',
      alamat_asal: 'Jl. Tuanku Tambusai No. 12, Pekanbaru',
      alamat: 'Jl. Ombak No. 12, Dumai',
      kelurahan: 'Purnama',
      anggota: [{ nama: 'Fitriani Lubis', nik: '1472015203880004', hubungan: 'kepala', tanggal_lahir: '1988-03-12' }],
      telepon: '081234500011',
      pernyataan: true,
    };
    // Only the service's own OPD keeps a counter for it.
    const elsewhere = await h().staff('opd_officer', 'DINSOS');
    const refused = await h().call('POST', '/api/v1/layanan/applications', { token: elsewhere.token, body: { serviceCode: 'kk-pendatang', answers, applicant: { fullName: 'Fitriani Lubis', nik: '1472015203880004' } } });
    expect(refused.status).toBe(403);
    const badNik = await h().call('POST', '/api/v1/layanan/applications', { token: counter.token, body: { serviceCode: 'kk-pendatang', answers, applicant: { fullName: 'Fitriani Lubis', nik: '1471015203880000' } } });
    expect([badNik.status, badNik.body.field]).toEqual([422, 'applicant.nik']);

    const filed = await h().call('POST', '/api/v1/layanan/applications', { token: counter.token, body: { serviceCode: 'kk-pendatang', answers, applicant: { fullName: 'Fitriani Lubis', nik: '1472015203880004', phone: '081234500011' } } });
    expect(filed.body).toMatchObject({ channel: 'counter', applicant: { assisted: true, name: 'Fitriani Lubis', nik: '1472015203880004' } });
    const number = filed.body.number as string;
    // The counter's draft waits in its own desk's inbox.
    expect((await h().call('GET', '/api/v1/layanan/applications', { token: counter.token })).body.items.map((i: { number: string; status: string }) => `${i.number}:${i.status}`)).toEqual([`${number}:draft`]);
    // The family's NIKs are stored encrypted and shown masked to the applicant, whole to the desk.
    expect(filed.body.answers.anggota[0].nik).toBe('1472015203880004');
    const own = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: newcomer.token });
    expect(own.body.answers.anggota[0].nik).toBe('1472**********04');
    expect((await h().call('GET', '/api/v1/layanan/applications/mine', { token: newcomer.token })).body.items.map((i: { number: string }) => i.number)).toEqual([number]);

    // The counter officer uploads the papers and submits for the walk-in.
    for (const key of ['skpwni', 'kk_lama']) expect((await upload(h, counter.token, number, key, await scan(key))).status).toBe(200);
    expect((await act(h, counter.token, number, 'submit')).body.status).toBe('submitted');
    // Another citizen does not learn it exists.
    const stranger = await h().citizen();
    expect((await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: stranger.token })).status).toBe(404);
    expect((await act(h, stranger.token, number, 'withdraw')).status).toBe(404);
    // The applicant may withdraw while it is undecided.
    expect((await act(h, newcomer.token, number, 'withdraw', { message: 'Batal pindah.' })).body.status).toBe('withdrawn');
    expect((await act(h, counter.token, number, 'pass')).status).toBe(409);
  });

  it('a new form version applies to new applications; filed ones keep theirs; another OPD’s admin cannot edit', async () => {
    const admin = await h().staff('opd_admin', 'SATPOLPP');
    await publish(h, admin.token, 'izin-keramaian');
    const citizen = await h().citizen();
    const first = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'izin-keramaian', answers: { nama_acara: 'Pesta khitanan' } } });
    expect(first.body.version).toBe(1);

    const { version } = demoService('izin-keramaian');
    const v2 = { ...version, form: { fields: [...version.form.fields, { key: 'panitia', type: 'text', label: { id: 'Ketua panitia', en: 'Committee chair' }, required: true }] } };
    const other = await h().staff('opd_admin', 'PUPR');
    expect((await h().call('POST', '/api/v1/layanan/services/izin-keramaian/versions', { token: other.token, body: v2 })).status).toBe(404);
    const bad = await h().call('POST', '/api/v1/layanan/services/izin-keramaian/versions', { token: admin.token, body: { ...v2, steps: [...version.steps].reverse() } });
    expect([bad.status, bad.body.code, bad.body.field]).toEqual([422, 'definition_invalid', 'steps']);
    expect((await h().call('POST', '/api/v1/layanan/services/izin-keramaian/versions', { token: admin.token, body: v2 })).body.version).toBe(2);

    const second = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'izin-keramaian', answers: { panitia: 'Pak RT' } } });
    expect(second.body.version).toBe(2);
    // The first keeps version 1, which has no such field.
    const kept = await h().call('PUT', `/api/v1/layanan/applications/${first.body.number}/answers`, { token: citizen.token, body: { answers: { panitia: 'Pak RT' } } });
    expect([kept.status, kept.body.field]).toEqual([422, 'answers.panitia']);

    // Closed services leave the catalogue and take no applications.
    expect((await h().call('PATCH', '/api/v1/layanan/services/izin-keramaian', { token: admin.token, body: { open: false } })).body.open).toBe(false);
    expect((await h().call('GET', '/api/v1/layanan/services')).body.items.map((s: { code: string }) => s.code)).not.toContain('izin-keramaian');
    const closed = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'izin-keramaian' } });
    expect([closed.status, closed.body.code]).toEqual([409, 'service_closed']);
    // Its admin still sees it among their own.
    const own = await h().call('GET', '/api/v1/layanan/services?mine=true', { token: admin.token });
    expect(own.body.items.map((s: { code: string; open: boolean }) => `${s.code}:${s.open}`)).toEqual(['izin-keramaian:false']);
  });

  it('the inbox puts overdue applications first', async () => {
    const admin = await h().staff('opd_admin', 'PUPR');
    const officer = await h().staff('opd_officer', 'PUPR');
    await publish(h, admin.token, 'rekomendasi-reklame');
    const citizen = await h().citizen();
    const answers = { nama_usaha: 'Toko Sinar Jaya', nib: '1234567890123', jenis_reklame: 'papan_nama', panjang: 3, lebar: 1, lokasi: 'Jl. Jenderal Sudirman No. 88, Dumai', masa: 12, telepon: '081234567890', pernyataan: true };
    const fileOne = async () => {
      const d = await h().call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'rekomendasi-reklame', answers } });
      const n = d.body.number as string;
      for (const key of ['nib_dokumen', 'desain']) await upload(h, citizen.token, n, key, await scan(key));
      await upload(h, citizen.token, n, 'foto_lokasi', Buffer.from(await (await import('../test/fixtures.js')).photo()), 'lokasi.jpg', 'image/jpeg');
      expect((await act(h, citizen.token, n, 'submit')).status).toBe(200);
      return n;
    };
    h().setNow('2026-03-09T02:00:00Z');
    const older = await fileOne();
    h().setNow('2026-03-11T02:00:00Z');
    const newer = await fileOne();
    const token = await h().login(officer.email);
    const inbox = await h().call('GET', '/api/v1/layanan/applications?service=rekomendasi-reklame', { token });
    expect(inbox.body.items.map((i: { number: string; deadline: string }) => `${i.number}:${i.deadline}`)).toEqual([`${older}:overdue`, `${newer}:due_soon`]);
  });

  it('SKTM: a household listed in the welfare register (DTKS) needs no hardship letter; the desk sees its standing, the applicant does not', async () => {
    const admin = await h().staff('opd_admin', 'DINSOS');
    const officer = await h().staff('opd_officer', 'DINSOS');
    await publish(h, admin.token, 'sktm');
    const listed = await h().citizen({ fullName: 'Budi Santoso' });
    const spouse = '1472015708920003';
    // The register holds keyed hashes only, as its import writes them.
    const hash = (nik: string) => h().ctx.cipher.keyedHash(nik);
    await h().ctx.db.execute(sql`insert into kemiskinan_register (nik_hash, kk_hash, kelurahan_code, decile, programmes, period, import_id)
      values (decode(${hash(spouse)}, 'hex'), decode(${hash('1472010101200001')}, 'hex'), '14.72.01.1008', 1, array['PKH', 'BPNT'], '2026-01', 1)`);
    const answers = (nik: string) => ({
      keperluan: 'kesehatan',
      nama_fasilitas: 'RSUD Kota Dumai',
      pekerjaan: 'Buruh harian lepas',
      penghasilan: 1800000,
      anggota: [{ nama: 'Siti Rahma', nik, hubungan: 'istri_suami', tanggal_lahir: '1992-08-17' }],
      telepon: '081365432100',
      pernyataan: true,
    });
    const filed = await h().call('POST', '/api/v1/layanan/applications', { token: listed.token, body: { serviceCode: 'sktm', answers: answers(spouse) } });
    const number = filed.body.number as string;
    expect(filed.body.requirements.map((r: { key: string; satisfiedByData: boolean }) => `${r.key}:${r.satisfiedByData}`)).toEqual(['ktp:true', 'kk:false', 'pengantar_rt:true', 'foto_rumah:false']);
    expect(filed.body.welfare).toBeNull();
    await upload(h, listed.token, number, 'kk', await scan('Kartu Keluarga'));
    expect((await act(h, listed.token, number, 'submit')).body.status).toBe('submitted');
    const desk = await h().call('GET', `/api/v1/layanan/applications/${number}`, { token: officer.token });
    expect(desk.body.welfare).toEqual({ listed: true, period: '2026-01', decile: 1, programmes: ['PKH', 'BPNT'] });

    // A household not in the register brings the RT/RW's letter.
    const other = await h().citizen();
    const second = await h().call('POST', '/api/v1/layanan/applications', { token: other.token, body: { serviceCode: 'sktm', answers: answers('1472016001950002') } });
    await upload(h, other.token, second.body.number, 'kk', await scan('Kartu Keluarga'));
    const refused = await act(h, other.token, second.body.number, 'submit');
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'requirement_missing', 'requirements.pengantar_rt']);
    expect((await h().call('GET', `/api/v1/layanan/applications/${second.body.number}`, { token: officer.token })).status).toBe(404);
  });
});
