import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { accessible, browserSuite } from '../test/browser.js';
import { renderPdf } from '../core/export/pdf.js';
import { photo } from '../test/fixtures.js';
import { file, request, step } from '../ppid/test-fixtures.js';

// Public information requests (PPID) in a real browser against the real server: a requester
// without an account files from a phone and follows the request by its secret link; the PPID
// desks verify, route, extend, answer with a document or refuse; the objection goes to the
// Atasan PPID and on to the Komisi Informasi; the public archive never names who asked.
const { h, as } = await browserSuite();
const H = () => h;
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Opens a step's folded form on the request page and submits it with its own button. */
async function openStep(page: Page, name: string) {
  await page.locator('summary', { hasText: name }).click();
}
async function submitStep(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByText(`Tersimpan: ${name}.`).waitFor();
}

async function downloaded(page: Page, link: string): Promise<{ name: string; head: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), head: fs.readFileSync(path!).subarray(0, 5).toString() };
}

const CATALOGUE_HIT = {
  items: [{ id: 41, opd: { code: 'PUPR', name: 'Dinas PUPR' }, class: 'berkala', classLabel: { id: 'Berkala', en: 'Periodic' }, title: 'Daftar paket pemeliharaan jalan 2026', summary: 'Paket, nilai kontrak, penyedia.' }],
  total: 1,
};

it('takes a non-resident\'s request from a phone without an account to an answered document, and archives it without who asked', async () => {
  const utama = await h.staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const pupr = await h.staff('ppid_pelaksana', 'PUPR');

  // 1. A Pekanbaru resident, no account, on a phone.
  const r = await as(null);
  // The catalogue's search is its own module: answered here, so the suggestion shows whatever it has.
  await r.context.route(/\/api\/v1\/ppid\/catalogue\?/, (route) => route.fulfill({ json: CATALOGUE_HIT }));
  await r.page.goto('/ppid');
  await r.page.getByRole('heading', { level: 2, name: 'Hak Anda' }).waitFor();
  await accessible(r.page, 'ppid-home');
  await r.page.getByRole('main').getByRole('link', { name: 'Ajukan permohonan' }).click();
  await r.page.getByLabel('NIK (16 digit)').fill('1471019999990004');
  await r.page.getByLabel('Nama lengkap').fill('Fitriani Lubis');
  await r.page.getByLabel('Alamat').fill('Jl. Tuanku Tambusai No. 12, Pekanbaru');
  await r.page.getByLabel('Email').fill('fitriani@mail.test');
  await r.page.getByLabel('Informasi apa yang Anda butuhkan?').fill('Dokumen kontrak pemeliharaan Jalan Sultan Syarif Kasim tahun 2026');
  await r.page.getByRole('link', { name: 'Daftar paket pemeliharaan jalan 2026' }).waitFor();
  await r.page.getByLabel('Untuk apa informasi ini?').fill('Bahan liputan tentang kualitas jalan kota.');
  expect(await r.page.getByLabel('Permohonan dan jawabannya boleh ditampilkan di arsip publik').isChecked()).toBe(true);
  await r.page.getByRole('button', { name: 'Kirim permohonan' }).click();
  // The server's refusal, in Indonesian, beside the identity number.
  await r.page.getByText('Tanggal lahir pada NIK tidak valid. Periksa kembali digit ke-7 sampai ke-12.').waitFor();
  expect(await r.page.getByLabel('NIK (16 digit)').getAttribute('aria-invalid')).toBe('true');
  await accessible(r.page, 'ppid-file-form');
  await r.page.getByLabel('NIK (16 digit)').fill('1471015203880004');
  await r.page.getByRole('button', { name: 'Kirim permohonan' }).click();
  await r.page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
  const number = (await r.page.locator('.ppid-number').first().textContent())!.trim();
  expect(number).toMatch(/^DMI-PPID-\d{4}-\d{6}$/);
  const secretLink = await r.page.getByLabel('Tautan rahasia').inputValue();
  expect(secretLink).toContain(`/ppid/permohonan/${number}?kunci=`);
  await r.page.getByRole('link', { name: 'Unduh tanda bukti (PDF)' }).waitFor();
  await accessible(r.page, 'ppid-filed');
  const receipt = await downloaded(r.page, 'Unduh tanda bukti (PDF)');
  expect([receipt.name, receipt.head]).toEqual([`tanda-bukti-${number}.pdf`, '%PDF-']);

  // 2. The PPID Utama verifies and routes it to Dinas PUPR.
  const u = await as(utama.token, DESKTOP);
  await u.page.goto('/ppid/meja');
  await u.page.getByRole('link', { name: number }).waitFor();
  await accessible(u.page, 'ppid-desk');
  await u.page.getByRole('link', { name: number }).click();
  await u.page.getByText('1471**********04').waitFor();
  await openStep(u.page, 'Verifikasi kelengkapan');
  await submitStep(u.page, 'Verifikasi kelengkapan');
  await openStep(u.page, 'Teruskan ke PPID Pelaksana');
  await u.page.getByLabel('OPD tujuan').selectOption('PUPR');
  await u.page.getByLabel('Catatan internal (opsional)').fill('Kontrak ada di Bidang Bina Marga.');
  await submitStep(u.page, 'Teruskan ke PPID Pelaksana');
  await u.page.getByText('Kontrak ada di Bidang Bina Marga.').waitFor();
  await accessible(u.page, 'ppid-request-utama');

  // 3. The PUPR desk answers in time, with the contract as a PDF.
  const p = await as(pupr.token, DESKTOP);
  await p.page.goto(`/ppid/permohonan/${number}`);
  await openStep(p.page, 'Kabulkan seluruhnya');
  await p.page.getByLabel('Isi pemberitahuan tertulis').fill('Salinan kontrak pemeliharaan Jalan Sultan Syarif Kasim 2026 terlampir.');
  const pdf = await renderPdf('Kontrak', (d) => d.text('Kontrak pemeliharaan Jalan Sultan Syarif Kasim 2026'));
  await p.page.getByLabel('Dokumen jawaban (PDF, XLSX, CSV, atau foto halaman)').setInputFiles({ name: 'Kontrak SSK 2026.pdf', mimeType: 'application/pdf', buffer: pdf });
  await p.page.getByRole('button', { name: 'Hapus Kontrak SSK 2026.pdf' }).waitFor();
  await accessible(p.page, 'ppid-answer-form');
  await submitStep(p.page, 'Kabulkan seluruhnya');
  await p.page.getByRole('heading', { name: 'Pemberitahuan tertulis: Dikabulkan seluruhnya' }).waitFor();

  // 4. The requester opens the secret link and downloads the document and the notice.
  await r.page.goto(secretLink);
  await r.page.getByRole('heading', { name: 'Pemberitahuan tertulis: Dikabulkan seluruhnya' }).waitFor();
  expect(await r.page.getByText('Tepat waktu').count() + (await r.page.getByText('Lewat tenggat').count())).toBe(0);
  await accessible(r.page, 'ppid-request-answered');
  expect(await downloaded(r.page, 'Kontrak SSK 2026.pdf')).toEqual({ name: 'Kontrak SSK 2026.pdf', head: '%PDF-' });
  expect(await downloaded(r.page, 'Unduh pemberitahuan tertulis (PDF)')).toEqual({ name: `pemberitahuan-${number}.pdf`, head: '%PDF-' });
  // Without the key the page does not exist.
  await r.page.goto(`/ppid/permohonan/${number}`);
  await r.page.getByRole('heading', { level: 1, name: 'Permohonan tidak ditemukan' }).waitFor();

  // 5. Anyone finds the request and its answer in the archive, never who asked.
  const a = await as(null);
  await a.page.goto('/ppid/arsip');
  await a.page.getByLabel('Cari di arsip').fill('kontrak');
  await a.page.getByRole('button', { name: 'Cari' }).click();
  await a.page.getByRole('heading', { name: number }).waitFor();
  await a.page.getByRole('link', { name: 'Kontrak SSK 2026.pdf' }).waitFor();
  const text = await a.page.locator('main').innerText();
  for (const secret of ['Fitriani', '1471015203880004', '1471**********04', 'fitriani@mail.test', 'Tuanku Tambusai']) expect(text).not.toContain(secret);
  await accessible(a.page, 'ppid-archive');
  for (const x of [r, u, p, a]) await x.context.close();
});

it('keeps a request filed offline for someone else on the phone, sends it and its power of attorney once, and shows the requester the extension\'s reason', async () => {
  const utama = await h.staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const r = await as(null);
  await r.page.goto('/ppid/ajukan');
  await r.page.getByLabel('Jenis identitas').selectOption('passport');
  await r.page.getByLabel('Nomor paspor').fill('C4821937');
  await r.page.getByLabel('Nama lengkap').fill('Tan Mei Ling');
  await r.page.getByLabel('Alamat').fill('12 Jalan Ampang, Kuala Lumpur');
  await r.page.getByLabel('Nomor telepon/HP').fill('+60 12 345 6789');
  await r.page.getByLabel('Cara menerima').selectOption('collect');
  // Filing for her father: the power of attorney, photographed, follows the request.
  await r.page.getByLabel('Saya mengajukan untuk orang lain').check();
  await r.page.getByLabel('Nama orang yang diwakili').fill('Tan Ah Kow (ayah pemohon)');
  await r.page.getByLabel('Surat kuasa (PDF, atau foto: JPEG, PNG, WebP)').setInputFiles({ name: 'surat-kuasa.jpg', mimeType: 'image/jpeg', buffer: await photo('#f4f1e8') });
  await r.page.getByLabel('Informasi apa yang Anda butuhkan?').fill('Data kunjungan wisatawan mancanegara ke Kota Dumai tahun 2025 per bulan.');
  await r.page.getByLabel('Untuk apa informasi ini?').fill('Penelitian pariwisata pesisir.');
  await r.context.setOffline(true);
  await r.page.getByRole('button', { name: 'Kirim permohonan' }).click();
  await r.page.getByText('Tersimpan di perangkat ini.').waitFor();
  await accessible(r.page, 'ppid-file-offline');
  await r.context.setOffline(false);
  await r.page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor({ timeout: 15_000 });
  const number = (await r.page.locator('.ppid-number').first().textContent())!.trim();
  const secretLink = await r.page.getByLabel('Tautan rahasia').inputValue();
  const desk = await h.call('GET', '/api/v1/ppid/requests?status=submitted&limit=100', { token: utama.token });
  expect(desk.body.items.filter((i: { information: string }) => i.information.startsWith('Data kunjungan wisatawan'))).toHaveLength(1);

  // The power of attorney arrived with it, so the request can be verified.
  expect((await step(H, number, 'verify', {}, { token: utama.token })).body).toMatchObject({ status: 'in_progress', requester: { onBehalfOf: 'Tan Ah Kow (ayah pemohon)', hasPowerOfAttorney: true } });
  const u = await as(utama.token, DESKTOP);
  await u.page.goto(`/ppid/permohonan/${number}`);
  await openStep(u.page, 'Perpanjang jangka waktu (7 hari kerja)');
  await u.page.getByLabel('Alasan (dibaca pemohon)').fill('Data bulanan masih direkap dari tiga pintu masuk pelabuhan.');
  await submitStep(u.page, 'Perpanjang jangka waktu (7 hari kerja)');

  await r.page.goto(secretLink);
  await r.page.getByText('Alasan perpanjangan').waitFor();
  await r.page.getByText('Data bulanan masih direkap dari tiga pintu masuk pelabuhan.').first().waitFor();
  await r.page.getByText('Batas jawaban setelah perpanjangan (+7 hari kerja)').waitFor();
  expect((await downloaded(r.page, 'Lihat surat kuasa (PDF)')).head).toBe('%PDF-');
  // The requester may still withdraw; the desks' steps are not theirs.
  await r.page.locator('summary', { hasText: 'Cabut permohonan' }).waitFor();
  expect(await r.page.locator('summary', { hasText: 'Kabulkan seluruhnya' }).count()).toBe(0);
  await accessible(r.page, 'ppid-request-extended');
  for (const x of [r, u]) await x.context.close();
});

it('takes a Pasal 17 refusal through the objection, the Atasan PPID\'s decision and a Komisi Informasi dispute', async () => {
  const utama = await h.staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const atasan = await h.staff('atasan_ppid', 'DISKOMINFOTIKSAN');
  const citizen = await h.citizen({ fullName: 'Rina Marlina' });
  const filed = await file(H, request({ fullName: 'Rina Marlina', identityNumber: citizen.nik, information: 'Daftar nama dan alamat penerima bantuan rehab rumah tahun 2026.' }), citizen.token);
  await step(H, filed.number, 'verify', {}, { token: utama.token });

  const u = await as(utama.token, DESKTOP);
  await u.page.goto(`/ppid/permohonan/${filed.number}`);
  await openStep(u.page, 'Tolak (Pasal 17)');
  await u.page.getByLabel('Isi pemberitahuan tertulis').fill('Daftar memuat data pribadi penerima dan tidak dapat diberikan.');
  await u.page.getByRole('button', { name: 'Tolak (Pasal 17)', exact: true }).click();
  // Without a Pasal 17 letter the server refuses, and says so beside the letters.
  await u.page.locator('.field-error').first().waitFor();
  await u.page.getByLabel('huruf h — rahasia pribadi').check();
  await u.page.getByLabel('Uji konsekuensi').fill('Membuka nama dan alamat mengungkap keadaan ekonomi warga; kepentingan publik terpenuhi oleh data agregat.');
  await accessible(u.page, 'ppid-refuse-form');
  await submitStep(u.page, 'Tolak (Pasal 17)');

  const c = await as(citizen.token);
  await c.page.goto('/ppid/saya');
  await c.page.getByRole('link', { name: filed.number }).click();
  await c.page.getByRole('heading', { name: 'Pemberitahuan tertulis: Ditolak' }).waitFor();
  await openStep(c.page, 'Ajukan keberatan');
  await c.page.getByLabel('a — permohonan ditolak dengan alasan pengecualian Pasal 17').check();
  await c.page.getByLabel('Uraian keberatan').fill('Yang saya perlukan jumlah penerima per kelurahan, bukan data pribadi.');
  await submitStep(c.page, 'Ajukan keberatan');
  await c.page.getByRole('heading', { name: 'Keberatan: Keberatan menunggu keputusan' }).waitFor();
  await accessible(c.page, 'ppid-objection-filed');

  const a = await as(atasan.token, DESKTOP);
  await a.page.goto('/ppid/keberatan');
  await a.page.getByRole('link', { name: filed.number }).waitFor();
  await accessible(a.page, 'ppid-objections');
  await a.page.getByRole('link', { name: filed.number }).click();
  await openStep(a.page, 'Tolak keberatan');
  await a.page.getByLabel('Alasan keputusan (dibaca pemohon)').fill('Pengecualian huruf h tepat; data agregat per kelurahan dapat diminta sebagai permohonan baru.');
  await submitStep(a.page, 'Tolak keberatan');
  await a.page.getByRole('heading', { name: 'Keberatan: Keberatan ditolak' }).waitFor();

  await c.page.reload();
  await c.page.getByText('Batas mengajukan sengketa ke Komisi Informasi').waitFor();
  await openStep(c.page, 'Catat sengketa di Komisi Informasi');
  await c.page.getByLabel('Nomor register Komisi Informasi').fill('031/VII/KI-RIAU-PS/2026');
  await submitStep(c.page, 'Catat sengketa di Komisi Informasi');
  await c.page.getByRole('heading', { name: 'Sengketa di Komisi Informasi' }).first().waitFor();
  await c.page.getByText('031/VII/KI-RIAU-PS/2026').first().waitFor();
  await accessible(c.page, 'ppid-dispute');

  // The PPID Utama records the hearing the Komisi set.
  await u.page.reload();
  await openStep(u.page, 'Catat sidang Komisi Informasi');
  await u.page.getByLabel('Keterangan sidang (opsional)').fill('Sidang pemeriksaan awal');
  await submitStep(u.page, 'Catat sidang Komisi Informasi');
  await u.page.getByText(/Sidang pemeriksaan awal/).first().waitFor();
  // … and the Komisi's decision, whose document the requester then downloads.
  await openStep(u.page, 'Catat putusan Komisi Informasi');
  await u.page.getByLabel('Putusan', { exact: true }).selectOption('partly_granted');
  await u.page.getByLabel('Ringkasan putusan').fill('Jumlah penerima per kelurahan dibuka; nama dan alamat tetap dikecualikan.');
  const putusan = await renderPdf('Putusan', (d) => d.text('Putusan Komisi Informasi Provinsi Riau Nomor 031/VII/KI-RIAU-PS/2026'));
  await Promise.all([
    u.page.waitForResponse((res) => res.url().endsWith('/api/v1/uploads/documents') && res.status() === 201),
    u.page.getByLabel('Dokumen putusan').setInputFiles({ name: 'putusan-031.pdf', mimeType: 'application/pdf', buffer: putusan }),
  ]);
  await u.page.getByText('Mengunggah…').waitFor({ state: 'hidden' });
  await submitStep(u.page, 'Catat putusan Komisi Informasi');
  await c.page.reload();
  await c.page.getByText('Dikabulkan sebagian — Jumlah penerima per kelurahan dibuka; nama dan alamat tetap dikecualikan.').waitFor();
  expect((await downloaded(c.page, 'Putusan Komisi Informasi (PDF)')).head).toBe('%PDF-');

  // The yearly report counts the refusal under letter h.
  const year = new Date(h.now().getTime() + 7 * 3600_000).getUTCFullYear();
  const pub = await as(null, DESKTOP);
  await pub.page.goto(`/ppid/laporan?tahun=${year}`);
  await pub.page.getByRole('table', { name: 'Penolakan menurut Pasal 17' }).getByText('huruf h — rahasia pribadi').waitFor();
  await pub.page.getByRole('link', { name: 'Unduh laporan (XLSX)' }).waitFor();
  await accessible(pub.page, 'ppid-report');
  for (const x of [u, c, a, pub]) await x.context.close();
});

it('keeps PUPR\'s request from another OPD\'s PPID Pelaksana: not in its list, not found at its address', async () => {
  const utama = await h.staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const dishub = await h.staff('ppid_pelaksana', 'DISHUB');
  const pupr = await h.staff('ppid_pelaksana', 'PUPR');
  const filed = await file(H, request({ information: 'Hasil uji laboratorium aspal paket jalan lingkar 2026.' }));
  await step(H, filed.number, 'verify', { opdCode: 'PUPR' }, { token: utama.token });
  const own = await h.call('GET', '/api/v1/ppid/requests?limit=100', { token: pupr.token });
  expect(own.body.items.map((i: { registrationNumber: string }) => i.registrationNumber)).toContain(filed.number);

  const d = await as(dishub.token, DESKTOP);
  await d.page.goto('/ppid/meja');
  await d.page.getByRole('heading', { level: 1, name: 'Permohonan informasi' }).waitFor();
  await d.page.waitForLoadState('networkidle');
  expect(await d.page.getByRole('link', { name: filed.number }).count()).toBe(0);
  await accessible(d.page, 'ppid-desk-other-opd');
  await d.page.goto(`/ppid/permohonan/${filed.number}`);
  await d.page.getByRole('heading', { level: 1, name: 'Permohonan tidak ditemukan' }).waitFor();
  await accessible(d.page, 'ppid-not-found');
  await d.context.close();
});
