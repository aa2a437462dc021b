import { expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { dumaiNik } from '../test/harness.js';
import { accessible, browserSuite } from '../test/browser.js';
import { BAGAN_KELADI, complaintBody, dinsos, household, importRegister, kkNumber, operator, REGISTER_HEADER, registerLines } from '../kemiskinan/test-fixtures.js';

// The poverty-complaint pages in a real browser against the real server: intake by a citizen and by
// an operator, the desk's queue and household view, the volunteer's offline visit form, the
// musyawarah kelurahan, the register import, the figures and an OPD's referral inbox.
const { h, as } = await browserSuite();
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

it('says so when the form\'s lists of needs cannot load, and fills them when asked again', async () => {
  const citizen = await h.citizen({ fullName: 'Rahmat Hidayat' });
  const c = await as(citizen.token);
  await c.context.route('**/api/v1/kemiskinan/needs', (route) => route.abort());
  await c.page.goto('/kemiskinan/ajukan');
  const retry = c.page.getByRole('alert').getByRole('button', { name: 'Coba lagi' });
  await retry.waitFor();
  await c.context.unroute('**/api/v1/kemiskinan/needs');
  await retry.click();
  // The alert goes as the list is asked again; the choices fill when it arrives.
  await expect.poll(() => c.page.getByLabel('Kategori kebutuhan').locator('option').count()).toBeGreaterThan(1);
  expect(await c.page.getByRole('alert').count()).toBe(0);
  await c.context.close();
});

it('takes a registered household from the citizen\'s form through the desk, an offline visit and assistance', async () => {
  const H = () => h;
  const desk = await dinsos(H, 'dinsos_desk');
  const section = await dinsos(H, 'dinsos_section', 'sosial_ekonomi');
  const volunteer = await h.staff('volunteer');
  const citizen = await h.citizen({ fullName: 'Nur Aisyah' });
  const hh = household(citizen.nik, 'Nur Aisyah');
  await importRegister(H, desk.token, '2026-01', [REGISTER_HEADER, ...registerLines([hh], '2026-01')].join('\n'));

  // 1. The citizen files from a phone.
  const c = await as(citizen.token);
  await c.page.goto('/kemiskinan/ajukan');
  await c.page.getByLabel('Nomor Kartu Keluarga (KK)').fill(hh.kk);
  await c.page.getByLabel('Alamat').fill('Jl. Nelayan Gg. Damai No. 4');
  await c.page.getByLabel('Kelurahan').selectOption(BAGAN_KELADI);
  await c.page.getByLabel(/^RT/).fill('3');
  await c.page.getByLabel(/^RW/).fill('2');
  await c.page.getByLabel('Nama anggota 1').fill('Nur Aisyah');
  await c.page.getByLabel('NIK anggota 1').fill(citizen.nik);
  await c.page.getByRole('button', { name: 'Tambah anggota' }).click();
  await c.page.getByLabel('Nama anggota 2').fill('Rahmat');
  await c.page.getByLabel('NIK anggota 2').fill('1472019999990001');
  await c.page.getByLabel('Hubungan anggota 2').selectOption('istri_suami');
  await c.page.getByLabel('Kategori kebutuhan').selectOption('sosial_ekonomi');
  await c.page.getByLabel('Kebutuhan', { exact: true }).selectOption('bpnt_sembako');
  await c.page.getByLabel('Ceritakan keadaan keluarga').fill('Suami sakit sejak Januari, tidak ada penghasilan, beras tinggal sedikit.');
  await c.page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  // The server's refusal appears beside the member's NIK, in Indonesian.
  await c.page.getByText('Tanggal lahir pada NIK tidak valid. Periksa kembali digit ke-7 sampai ke-12.').waitFor();
  await accessible(c.page, 'kemiskinan-intake');
  await c.page.getByLabel('NIK anggota 2').fill(hh.members[1]!.nik);
  await c.page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await c.page.waitForURL(/\/kemiskinan\/pengaduan\/DMI-KM-\d{4}-\d{6}$/);
  const tn = c.page.url().split('/').pop()!;
  await c.page.getByRole('heading', { level: 2, name: 'Riwayat' }).waitFor();
  expect(await c.page.getByText('Menunggu verifikasi Dinas Sosial').count()).toBeGreaterThan(0);
  await accessible(c.page, 'kemiskinan-complaint-citizen');

  // 2. The desk's queue on a desktop, then the household view, and the routing.
  const d = await as(desk.token, DESKTOP);
  await d.page.goto('/kemiskinan');
  await d.page.getByRole('link', { name: tn }).waitFor();
  await accessible(d.page, 'kemiskinan-queue');
  await d.page.getByRole('link', { name: tn }).click();
  await d.page.getByText(citizen.nik).first().waitFor(); // the desk reads the whole NIK
  await accessible(d.page, 'kemiskinan-household');
  await d.page.getByRole('button', { name: 'Verifikasi dan teruskan' }).click();
  await d.page.getByText('Diteruskan ke seksi').first().waitFor();

  // 3. The section sends the volunteer.
  const s = await as(section.token, DESKTOP);
  await s.page.goto(`/kemiskinan/pengaduan/${tn}`);
  await s.page.getByLabel('Relawan pendamping').selectOption(volunteer.userId);
  await s.page.getByRole('button', { name: 'Tugaskan relawan' }).click();
  await s.page.getByText('Kunjungan rumah dijadwalkan').first().waitFor();

  // 4. The volunteer records the visit with no connection; it is sent when the connection returns.
  // The visit form works offline: the app's service worker keeps it.
  const v = await as(volunteer.token, { geolocation: { latitude: 1.6741, longitude: 101.3712, accuracy: 10 }, permissions: ['geolocation'], pwa: true });
  await v.page.goto('/kemiskinan/kunjungan');
  await v.page.getByRole('link', { name: 'Isi hasil kunjungan' }).click();
  await v.page.getByRole('button', { name: 'Ambil titik GPS' }).click();
  await v.page.getByText(/Titik: 1\.674100, 101\.371200/).waitFor();
  await v.page.getByLabel('Lantai').selectOption('tanah');
  await v.page.getByLabel('Atap').selectOption('seng_bocor');
  await v.page.getByLabel('Ada anggota sakit menahun/disabilitas').check();
  await v.page.getByLabel('Catatan kunjungan').fill('Lantai tanah, atap bocor di dapur. Suami terbaring sakit.');
  await v.context.setOffline(true);
  await v.page.getByRole('button', { name: 'Simpan hasil kunjungan' }).click();
  await v.page.getByText('Tersimpan di perangkat. Akan dikirim otomatis saat ada koneksi.').waitFor();
  await accessible(v.page, 'kemiskinan-visit-offline');
  expect((await h.call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: desk.token })).body.status).toBe('visit_assigned');
  h.setNow(new Date()); // the server's clock catches up with the phone's
  await v.context.setOffline(false);
  await expect.poll(async () => (await h.call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: desk.token })).body.status, { timeout: 15_000 }).toBe('visited');
  const visited = (await h.call('GET', `/api/v1/kemiskinan/complaints/${tn}`, { token: desk.token })).body;
  expect(visited.visits[0]).toMatchObject({ lat: 1.6741, lng: 101.3712, recommendation: 'assist', checklist: { floor: 'tanah', roof: 'seng_bocor', sickOrDisabled: true } });

  // 5. The section records the help; the citizen reads it.
  await s.page.reload();
  // The section reads the volunteer's checklist in words, not codes.
  const checklist = s.page.locator('.kms-checklist');
  await checklist.getByText('Seng bocor', { exact: true }).waitFor();
  expect(await checklist.getByText('Tanah', { exact: true }).count()).toBe(1);
  await s.page.getByLabel('Barang').fill('20 kg beras, 4 L minyak goreng');
  await s.page.getByRole('button', { name: 'Catat bantuan' }).click();
  await s.page.getByText('Bantuan yang diberikan').waitFor();
  await c.page.reload();
  await c.page.getByText(/20 kg beras, 4 L minyak goreng/).first().waitFor();
  for (const x of [c, d, s, v]) await x.context.close();
});

it('lets an operator file on behalf, decide in the musyawarah and export; shows register, figures and referrals', async () => {
  const H = () => h;
  const desk = await dinsos(H, 'dinsos_desk');
  const op = await operator(H, BAGAN_KELADI);
  const capil = await h.staff('opd_officer', 'DISDUKCAPIL');
  const section = await dinsos(H, 'dinsos_section', 'kesehatan');

  const o = await as(op.token);
  await o.page.goto('/kemiskinan/ajukan');
  await o.page.getByText('Anda mengajukan atas nama warga').waitFor();
  await o.page.getByText('Bagan Keladi').waitFor();
  await o.page.getByLabel('Nomor Kartu Keluarga (KK)').fill(kkNumber());
  await o.page.getByLabel('Alamat').fill('Jl. Kelakap Tujuh No. 12');
  await o.page.getByLabel(/^RT/).fill('5');
  await o.page.getByLabel(/^RW/).fill('1');
  await o.page.getByLabel('Nama anggota 1').fill('Jamaluddin');
  await o.page.getByLabel('NIK anggota 1').fill(dumaiNik());
  await o.page.getByLabel('Kategori kebutuhan').selectOption('darurat');
  await o.page.getByLabel('Kebutuhan', { exact: true }).selectOption('tidak_ada_makanan');
  await o.page.getByText('Pengaduan darurat langsung berada di urutan teratas').waitFor();
  await o.page.getByLabel('Ceritakan keadaan keluarga').fill('Lansia tinggal sendiri, dua hari tidak makan, belum terdaftar bantuan apa pun.');
  await accessible(o.page, 'kemiskinan-intake-operator');
  await o.page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await o.page.waitForURL(/\/kemiskinan\/pengaduan\//);
  await o.page.getByText('Belum terdaftar DTSEN: diusulkan ke musyawarah kelurahan').first().waitFor();

  await o.page.goto('/kemiskinan/musyawarah');
  await o.page.getByLabel('Keputusan untuk Jamaluddin').selectOption('proposed');
  await accessible(o.page, 'kemiskinan-musyawarah');
  await o.page.getByRole('button', { name: 'Simpan hasil musyawarah' }).click();
  await o.page.getByRole('link', { name: 'Unduh CSV' }).waitFor();
  const csvHref = await o.page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
  const csv = await o.page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
  expect(csv).toContain('Jamaluddin');
  expect(csv).toContain('Diusulkan');

  // A registered household's complaint referred to Disdukcapil shows in that OPD's inbox.
  const hh = household();
  await importRegister(H, desk.token, '2026-02', [REGISTER_HEADER, ...registerLines([hh], '2026-02')].join('\n'));
  const filed = await h.call('POST', '/api/v1/kemiskinan/complaints', { token: op.token, body: complaintBody(hh, { needCategory: 'kesehatan', needType: 'kis_pbi_jk' }) });
  await h.call('POST', `/api/v1/kemiskinan/complaints/${filed.body.trackingNumber}/route`, { token: desk.token, body: {} });
  await h.call('POST', `/api/v1/kemiskinan/complaints/${filed.body.trackingNumber}/refer`, { token: section.token, body: { opdCode: 'DISDUKCAPIL', instruction: 'NIK anak belum masuk KK; mohon pemutakhiran.' } });
  const r = await as(capil.token, DESKTOP);
  await r.page.goto('/kemiskinan/rujukan');
  await r.page.getByText('NIK anak belum masuk KK; mohon pemutakhiran.').waitFor();
  await accessible(r.page, 'kemiskinan-referrals');

  const d = await as(desk.token, DESKTOP);
  await d.page.goto('/kemiskinan/dtsen');
  await d.page.getByText('Berlaku: periode 2026-02').waitFor();
  await accessible(d.page, 'kemiskinan-register');
  const wib = new Date(h.now().getTime() + 7 * 3600_000);
  await d.page.goto(`/kemiskinan/angka?tahun=${wib.getUTCFullYear()}&bulan=${wib.getUTCMonth() + 1}`);
  await d.page.getByRole('link', { name: 'Laporan bulanan (PDF)' }).waitFor();
  await d.page.getByRole('table', { name: 'Menurut kebutuhan' }).waitFor();
  await accessible(d.page, 'kemiskinan-figures');
  await d.page.getByLabel('Bahasa').selectOption('en');
  await d.page.getByRole('heading', { level: 1, name: 'Poverty complaint figures' }).waitFor();

  // Someone outside the circle opening a household page gets the not-found answer, not the data.
  const pupr = await h.staff('opd_officer', 'PUPR');
  const p = await as(pupr.token, DESKTOP);
  await p.page.goto(`/kemiskinan/pengaduan/${filed.body.trackingNumber}`);
  await p.page.getByRole('heading', { level: 1 }).waitFor();
  expect(await p.page.content()).not.toContain(hh.members[0]!.name);
  for (const x of [o, r, d, p]) await x.context.close();
});
