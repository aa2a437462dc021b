import { expect, it } from 'vitest';
import { describeEachDatabase } from '../test/harness.js';
import { file, request, step, type H } from './test-fixtures.js';

/** Files a request in 2025 (a year no other test uses) and answers it with `action`. */
async function answered(h: H, information: string, action: string | null, body: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const filed = await file(h, request({ information, ...overrides }));
  if (!action) return filed;
  await step(h, filed.number, 'verify', {}, { token: utama.token });
  const res = await step(h, filed.number, action, body, { token: utama.token });
  expect(res.status, res.text).toBe(200);
  return filed;
}

describeEachDatabase('ppid: the public archive and the yearly report', (h) => {
  it('publishes requests and answers without who asked; withheld answers and non-consenting requests stay out', async () => {
    h().setNow('2025-09-01T02:00:00Z');
    const granted = await answered(h, 'Daftar penerima beasiswa prestasi kota tahun 2025 per sekolah.', 'grant', { message: 'Daftar terlampir dalam bentuk PDF.' });
    const refused = await answered(h, 'Salinan surat rahasia antar OPD tentang pengadaan lampu jalan.', 'refuse', { message: 'Memorandum internal yang dirahasiakan.', exemptions: ['i'], consequenceTest: 'Membukanya menghambat proses pengadaan.' });
    const hidden = await answered(h, 'Rincian anggaran perjalanan dinas sekretariat tahun 2025.', 'grant', { message: 'Terlampir.' }, { publicConsent: false });
    const withdrawn = await answered(h, 'Jadwal pemadaman listrik kelurahan Bukit Batrem.', null);
    // Not yet answered: nobody at the PPID has read it to the end, so it is not public yet (filed in
    // another year, so the yearly report below counts without it).
    h().setNow('2023-05-02T02:00:00Z');
    const waiting = await answered(h, 'Saya Rina NIK 1471015203880004 minta data honorer.', null);
    h().setNow('2025-09-01T02:00:00Z');
    await step(h, withdrawn.number, 'withdraw', {}, { kunci: withdrawn.kunci });

    const all = await h().call('GET', '/api/v1/ppid/archive?limit=100');
    expect(all.status).toBe(200);
    const numbers = all.body.items.map((i: { registrationNumber: string }) => i.registrationNumber);
    expect(numbers).toEqual(expect.arrayContaining([granted.number, refused.number]));
    expect(numbers).not.toContain(hidden.number);
    expect(numbers).not.toContain(withdrawn.number);
    expect(numbers).not.toContain(waiting.number);
    // Newest first, each counted.
    expect(all.body).toMatchObject({ total: numbers.length, totalCapped: false });
    const received = all.body.items.map((i: { receivedAt: string }) => i.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    const text = JSON.stringify(all.body);
    for (const secret of ['Fitriani', 'fitriani@mail.test', '1471015203880004', 'Tuanku Tambusai', 'liputan']) expect(text).not.toContain(secret);

    const byNumber = (n: string) => all.body.items.find((i: { registrationNumber: string }) => i.registrationNumber === n);
    expect(byNumber(granted.number)).toMatchObject({ status: 'successful', answer: { notice: 'Daftar terlampir dalam bentuk PDF.' } });
    expect(byNumber(refused.number)).toMatchObject({ status: 'rejected', answer: null, exemptions: ['i'] });

    // Indonesian full-text search: a stemmed word finds the request, an absent one finds nothing.
    const found = await h().call('GET', '/api/v1/ppid/archive?q=beasiswa');
    expect(found.body.items.map((i: { registrationNumber: string }) => i.registrationNumber)).toEqual([granted.number]);
    expect((await h().call('GET', '/api/v1/ppid/archive?q=kapal%20selam')).body).toEqual({ items: [], total: 0, totalCapped: false });
    expect((await h().call('GET', '/api/v1/ppid/archive?limit=0')).status).toBe(400);
  });

  it('counts the year per OPD: outcomes, Pasal 17 letters, lateness, objections; as JSON, CSV, XLSX and PDF', async () => {
    h().setNow('2025-10-06T02:00:00Z');
    const utama = await h().staff('ppid_utama', 'DISKOMINFOTIKSAN');
    const dishub = await h().staff('ppid_pelaksana', 'DISHUB');
    const routed = await file(h, request({ information: 'Data jumlah angkutan kota yang beroperasi tahun 2025.' }));
    await step(h, routed.number, 'verify', {}, { token: utama.token });
    await step(h, routed.number, 'route', { opdCode: 'DISHUB' }, { token: utama.token });
    // Answered twelve working days later: late.
    h().setNow('2025-10-22T02:00:00Z');
    const dishubToken = await h().login(dishub.email);
    const partly = await step(h, routed.number, 'grant-partly', { message: 'Diberikan tanpa nomor polisi.', exemptions: ['h'], consequenceTest: 'Nomor polisi menunjuk pemilik.' }, { token: dishubToken });
    expect(partly.status, partly.text).toBe(200);
    await step(h, routed.number, 'objection', { reasons: ['a'], statement: 'Nomor polisi bukan rahasia pribadi.' }, { kunci: routed.kunci });

    const report = await h().call('GET', '/api/v1/ppid/report?year=2025');
    expect(report.status).toBe(200);
    const dishubRow = report.body.rows.find((r: { opd: { code: string } | null }) => r.opd?.code === 'DISHUB');
    expect(dishubRow).toMatchObject({ received: 1, partiallySuccessful: 1, rejected: 0, answeredLate: 1, averageWorkingDays: 12, objections: 1, disputes: 0, open: 0 });
    // The first test's requests are the PPID Utama's own: one granted, one refused under letter i, one withdrawn, one not public.
    const utamaRow = report.body.rows.find((r: { opd: unknown }) => r.opd === null);
    expect(utamaRow).toMatchObject({ received: 4, successful: 2, rejected: 1, withdrawn: 1, answeredLate: 0, averageWorkingDays: 0 });
    expect(utamaRow.rejectedByExemption).toMatchObject({ i: 1, h: 0 });
    expect(report.body.total).toMatchObject({ received: 5, successful: 2, partiallySuccessful: 1, rejected: 1, withdrawn: 1, objections: 1 });
    expect((await h().call('GET', '/api/v1/ppid/report?year=2024')).body.total.received).toBe(0);
    expect((await h().call('GET', '/api/v1/ppid/report?year=abc')).status).toBe(400);

    const csv = await h().call('GET', '/api/v1/ppid/report.csv?year=2025');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Ditolak Pasal 17 huruf i');
    expect(csv.text).toContain('Putusan sengketa: Dikabulkan sebagian');
    expect(csv.text.split('\n').find((l: string) => l.startsWith('Jumlah'))).toMatch(/^Jumlah,5,2,1,1,/);
    const xlsx = await h().call('GET', '/api/v1/ppid/report.xlsx?year=2025');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.text.slice(0, 2)).toBe('PK');
    const pdf = await h().call('GET', '/api/v1/ppid/report.pdf?year=2025');
    expect(pdf.text.slice(0, 5)).toBe('%PDF-');
  });
});
