import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { dumaiNik, startHarness } from '../test/harness.js';
import { axe, E2E_DATABASE, launchBrowser, newContext, screenshot } from '../test/browser.js';
import { BAGAN_KELADI, fileReport, step } from '../test/fixtures.js';
import { reports } from '../aduan/schema.js';
import { users } from '../core/auth/schema.js';
import { outbox } from '../core/notifications/schema.js';

// The citizen's path through the web app on a phone: register, file a report with a photo, follow it.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
let publicTn: string;
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  // The browser keeps cookies by its own clock: the app's clock must agree with it.
  h.setNow(new Date());
  browser = await launchBrowser();
  // Something to see on the public pages: one verified report of another resident.
  const other = await h.citizen();
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  publicTn = await fileReport(h, other.token, { title: 'Lampu jalan padam di Jl. Sudirman' });
  await step(h, triage.token, publicTn, 'verify', { message: 'Laporan lengkap, segera diteruskan ke Dinas Perkim.' });
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

async function accessible(page: Page, name: string) {
  expect({ name, violations: await axe(page) }).toEqual({ name, violations: [] });
  await screenshot(page, `citizen-${name}`);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The report form up to its location step: a damaged-road report with this title and description. */
async function toLocationStep(page: Page, title: string, description: string) {
  await page.goto('/lapor');
  await page.getByLabel('Kategori').selectOption('INF-JALAN');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Judul singkat').fill(title);
  await page.getByLabel('Uraian').fill(description);
  await page.getByRole('button', { name: 'Lanjut' }).click();
}

/** The report form's review step, as term → value. */
async function reviewRows(page: Page) {
  const rows: Record<string, string | null> = {};
  for (const row of await page.locator('dl.review > div').all()) rows[(await row.locator('dt').textContent()) ?? ''] = await row.locator('dd').textContent();
  return rows;
}

it('registers, files a road-damage report with a photo, sees the tracking number and follows it', async () => {
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/');
  await expect(heading(page).textContent()).resolves.toBe('Laporkan masalah di Kota Dumai');
  await page.getByText('Lampu jalan padam di Jl. Sudirman').waitFor();
  await accessible(page, 'home');

  // Filing needs an account: the form sends the visitor to log in and back.
  await page.getByRole('link', { name: 'Buat laporan' }).click();
  await page.waitForURL(/\/masuk\?lanjut=%2Flapor$/);
  await accessible(page, 'login');
  await page.getByRole('link', { name: 'Daftar sekarang' }).click();
  await page.waitForURL(/\/daftar\?lanjut=/);

  const nik = dumaiNik();
  await page.getByLabel('NIK (16 digit, sesuai KTP)').fill(nik);
  await page.getByLabel('Nama lengkap').fill('Nur Aisyah');
  await page.getByLabel('Email').fill('nur.aisyah@mail.test');
  await page.getByLabel('Kata sandi').fill('sandi-warga-1');
  await accessible(page, 'register');
  await page.getByRole('button', { name: 'Daftar' }).click();

  await page.waitForURL(/\/lapor$/);
  await expect(heading(page).textContent()).resolves.toBe('Buat laporan');
  await page.getByLabel('Kategori').selectOption('INF-JALAN');
  await accessible(page, 'file-1-category');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await page.getByLabel('Judul singkat').fill('Jalan berlubang di depan SDN 001');
  await page.getByLabel('Uraian').fill('Lubang besar di badan jalan, membahayakan pengendara motor di malam hari.');
  await page.getByLabel('Tanggal kejadian').fill('2026-02-27');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // The map loads lazily; picking is offered once the base map shows (a plain tile here).
  const map = page.getByRole('region', { name: 'Peta: ketuk titik lokasi masalah' });
  await page.locator('.leaflet-container').waitFor();
  await page.getByRole('button', { name: 'Pilih titik tengah peta' }).waitFor();
  // No place yet: the step says so, and the message goes once a point is picked.
  await page.getByRole('button', { name: 'Lanjut' }).click();
  const placeNeeded = page.getByText('Ketuk titik di peta atau pilih kelurahan.');
  await placeNeeded.waitFor();
  // By keyboard: a button picks the map's centre, and the focused map pans with the arrow keys.
  const pickedPoint = async () => (await page.getByText(/^Titik dipilih: /).textContent())!.match(/(-?[\d.]+), (-?[\d.]+)/)!.slice(1).map(Number) as [number, number];
  const centre = page.getByRole('button', { name: 'Pilih titik tengah peta' });
  await centre.press('Enter');
  await placeNeeded.waitFor({ state: 'detached' });
  const [lat0, lng0] = await pickedPoint();
  // Leaflet ignores an arrow key while a pan animation runs (the map re-centres on a new pick), so
  // the key is pressed again until it moved the map, as a person would.
  await expect
    .poll(async () => {
      await map.press('ArrowRight');
      await centre.press('Enter');
      return (await pickedPoint())[1];
    })
    .toBeGreaterThan(lng0);
  expect((await pickedPoint())[0]).toBeCloseTo(lat0, 3);
  // A tap at the map's top-left corner picks a point north-west of the centre.
  const [lat1, lng1] = await pickedPoint();
  await map.click({ position: { x: 60, y: 60 } });
  await expect.poll(async () => (await pickedPoint())[1]).toBeLessThan(lng1);
  expect((await pickedPoint())[0]).toBeGreaterThan(lat1);
  await page.getByLabel('Kelurahan').selectOption(BAGAN_KELADI.code);
  await page.getByLabel('Alamat atau patokan').fill('Jl. Sultan Hasanuddin, dekat SDN 001');
  await accessible(page, 'file-3-location');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // A 4000 px photo: the browser shrinks it to 1600 px before upload.
  const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#7a5230' } }).jpeg().toBuffer();
  await page.getByLabel('Foto (maks. 5)').setInputFiles({ name: 'jalan.jpg', mimeType: 'image/jpeg', buffer: big });
  await page.getByRole('img', { name: 'Foto 1 yang akan dikirim' }).waitFor();
  await page.getByText('Nama dan kontak Anda disembunyikan dari OPD dan publik.', { exact: false }).waitFor();
  await accessible(page, 'file-4-photos');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByText('Periksa kembali sebelum mengirim.').waitFor();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();

  const tn = (await page.getByTestId('tracking-number').textContent())!.trim();
  expect(tn).toMatch(/^DMI-\d{4}-\d{6}$/);
  await accessible(page, 'file-5-sent');

  const [stored] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, tn));
  expect(stored).toMatchObject({ kelurahanCode: BAGAN_KELADI.code, incidentDate: '2026-02-27', status: 'submitted', anonymous: false });
  const detail = await h.call('GET', `/api/v1/reports/${tn}`, { token: await h.login('nur.aisyah@mail.test', 'sandi-warga-1') });
  expect(detail.body.photos).toHaveLength(1);
  expect(Math.max(detail.body.photos[0].width, detail.body.photos[0].height)).toBe(1600);

  await page.getByRole('link', { name: 'Ke Laporan saya' }).click();
  await page.getByRole('link', { name: 'Jalan berlubang di depan SDN 001' }).waitFor();
  await page.getByText(/Batas waktu: .*WIB/).waitFor();
  await accessible(page, 'my-reports');

  await page.getByRole('link', { name: 'Jalan berlubang di depan SDN 001' }).click();
  await page.getByRole('heading', { name: 'Riwayat tindak lanjut' }).waitFor();
  await page.getByText('Laporan dikirim').waitFor();
  await page.getByRole('img', { name: 'Foto laporan 1' }).waitFor();
  await accessible(page, 'report');

  // Withdraw is offered while the report is not yet verified.
  await page.getByRole('button', { name: 'Cabut laporan' }).click();
  await page.getByText('Tersimpan.').waitFor();
  await page.getByText('Dicabut pelapor').first().waitFor();

  await page.goto('/laporan');
  await page.getByRole('link', { name: 'Lampu jalan padam di Jl. Sudirman' }).waitFor();
  await accessible(page, 'public-list');
  await page.getByLabel('Cari').fill('lampu');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await page.waitForURL(/q=lampu/);
  await page.getByRole('button', { name: 'Peta' }).click();
  await page.locator('.leaflet-interactive').first().waitFor();
  await accessible(page, 'public-map');

  await page.goto('/akun');
  await page.getByText(nik).waitFor();
  await accessible(page, 'my-data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh semua data saya (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^khidmat-data-saya-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(data.account).toMatchObject({ nik, fullName: 'Nur Aisyah' });
  expect(data.reports.map((r: { trackingNumber: string }) => r.trackingNumber)).toEqual([tn]);
  await context.close();
});

it("files at the phone's own location, and says so when the location is refused", async () => {
  const citizen = await h.citizen({ fullName: 'Rudi Hartono' });
  const fileHere = async (context: Awaited<ReturnType<typeof newContext>>) => {
    await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
    const page = await context.newPage();
    await toLocationStep(page, 'Jalan retak di depan rumah', 'Retakan memanjang di badan jalan, makin lebar sejak hujan minggu lalu.');
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    return page;
  };

  const refused = await newContext(browser, h.baseUrl);
  await (await fileHere(refused)).getByText('Izin lokasi ditolak.', { exact: false }).waitFor();
  await refused.close();

  const granted = await newContext(browser, h.baseUrl, { geolocation: { latitude: BAGAN_KELADI.lat, longitude: BAGAN_KELADI.lng }, permissions: ['geolocation'] });
  const page = await fileHere(granted);
  await page.getByText(`Titik dipilih: ${BAGAN_KELADI.lat.toFixed(5)}, ${BAGAN_KELADI.lng.toFixed(5)}`).waitFor();
  await accessible(page, 'file-3-my-location');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // The review names the point, and says the kelurahan will be found from it (none was chosen).
  expect(await reviewRows(page)).toMatchObject({ 'Titik di peta': `${BAGAN_KELADI.lat.toFixed(5)}, ${BAGAN_KELADI.lng.toFixed(5)}`, Kelurahan: 'Ditentukan dari titik di peta' });
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const tn = (await page.getByTestId('tracking-number').textContent())!.trim();
  const [stored] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, tn));
  // The kelurahan comes from the point, as for a tap on the map.
  expect(stored).toMatchObject({ lat: BAGAN_KELADI.lat, lng: BAGAN_KELADI.lng, kelurahanCode: BAGAN_KELADI.code });
  await granted.close();
});

it('on a weak connection where the base map cannot load, picks no point on the blank map and files by kelurahan', async () => {
  const citizen = await h.citizen({ fullName: 'Wati Lestari' });
  const context = await newContext(browser, h.baseUrl, { baseMap: 'fails' });
  await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
  const page = await context.newPage();
  await toLocationStep(page, 'Jalan amblas dekat jembatan', 'Badan jalan amblas sepanjang dua meter, motor harus turun ke bahu jalan.');
  await page.getByText('Peta dasar tidak dapat dimuat (koneksi lemah). Anda tetap bisa memilih kelurahan').waitFor();
  // Nothing to aim at: no crosshair, no centre button, and a tap picks nothing.
  expect(await page.getByRole('button', { name: 'Pilih titik tengah peta' }).count()).toBe(0);
  expect(await page.locator('.map-crosshair').count()).toBe(0);
  await page.getByRole('region', { name: 'Peta: ketuk titik lokasi masalah' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByText('Ketuk titik di peta atau pilih kelurahan.').waitFor();
  expect(await page.getByText(/^Titik dipilih: /).count()).toBe(0);
  await page.getByLabel('Kelurahan').selectOption(BAGAN_KELADI.code);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  expect(await reviewRows(page)).toMatchObject({ 'Titik di peta': '—', Kelurahan: 'Bagan Keladi' });
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const tn = (await page.getByTestId('tracking-number').textContent())!.trim();
  const [stored] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, tn));
  expect(stored).toMatchObject({ kelurahanCode: BAGAN_KELADI.code });
  await context.close();
});

it('shows validation errors beside their fields, in Indonesian and in English', async () => {
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/daftar');
  const nikField = page.getByLabel('NIK (16 digit, sesuai KTP)');
  await nikField.fill('1471011208900001'); // a Pekanbaru NIK
  await nikField.blur();
  await page.getByText('Pendaftaran hanya untuk penduduk kota ini (NIK berawalan 1472).').waitFor();
  await expect(nikField.getAttribute('aria-invalid')).resolves.toBe('true');

  // The server's refusal lands beside its field too: an email already in use.
  await nikField.fill(dumaiNik());
  await page.getByLabel('Nama lengkap').fill('Budi Santoso');
  await page.getByLabel('Email').fill('nur.aisyah@mail.test');
  await page.getByLabel('Kata sandi').fill('sandi-budi-1');
  await page.getByRole('button', { name: 'Daftar' }).click();
  const emailError = page.locator('.field', { has: page.getByLabel('Email') }).locator('.field-error');
  await expect(emailError.textContent()).resolves.toBe('Email ini sudah dipakai akun lain.');
  await screenshot(page, 'citizen-register-errors-id');

  await page.getByLabel('Bahasa').selectOption('en');
  await expect(emailError.textContent()).resolves.toBe('This email is already used by another account.');
  await page.getByLabel('NIK (16 digits, as on your KTP)').fill('12345');
  await page.getByText('The NIK must be exactly 16 digits.').waitFor();
  await accessible(page, 'register-errors-en');
  await context.close();
});

it('resets a forgotten password with the emailed code', async () => {
  const email = 'lupa.sandi@mail.test';
  const citizen = await h.citizen({ email });
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Kirim kode' }).click();
  await page.getByText('Jika email tersebut terdaftar, kode atur ulang sudah dikirim.', { exact: false }).waitFor();
  await accessible(page, 'forgot-password');

  const [mail] = await h.ctx.db.select().from(outbox).where(eq(outbox.userId, citizen.userId)).then((rows) => rows.filter((r) => r.channel === 'email'));
  await page.goto(mail!.link!);
  await page.locator('input[name="newPassword"]').fill('sandi-baru-2026');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await page.getByText('Kata sandi sudah diganti.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Masuk' }).last().click();
  await page.getByLabel('NIK, email, atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill('sandi-baru-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/laporan-saya$/);
  await context.close();
});

it('lets the reporter confirm and rate a resolved report, or reopen it with a reason', async () => {
  const citizen = await h.citizen({ fullName: 'Hasan Basri' });
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const pupr = await h.staff('opd_officer', 'PUPR');
  const resolved = async (title: string) => {
    const tn = await fileReport(h, citizen.token, { title });
    await step(h, triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
    await step(h, pupr.token, tn, 'accept');
    expect((await step(h, pupr.token, tn, 'resolve', { message: 'Sudah ditambal dengan aspal.' })).body.status).toBe('resolved');
    return tn;
  };
  const good = await resolved('Jalan berlubang di Jl. Kelakap Tujuh');
  const bad = await resolved('Jalan amblas di Jl. Datuk Laksamana');

  const context = await newContext(browser, h.baseUrl);
  await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`/laporan/${good}`);
  await page.getByText('Sudah ditambal dengan aspal.').waitFor();
  await page.getByText('OPD menyatakan masalah ini sudah selesai.', { exact: false }).waitFor();
  await accessible(page, 'report-resolved');
  await page.getByLabel('Nilai (1–5)').selectOption('4');
  await page.getByLabel('Komentar (opsional)').fill('Cepat, terima kasih.');
  await page.getByRole('button', { name: 'Ya, sudah selesai' }).click();
  await page.getByText('Penilaian: 4 dari 5 — Cepat, terima kasih.').waitFor();
  await page.getByText('Ditutup').first().waitFor();

  await page.goto(`/laporan/${bad}`);
  await page.getByRole('button', { name: 'Belum selesai, buka kembali' }).click();
  const reasonError = page.locator('.field', { has: page.getByLabel('Apa yang belum selesai?') }).locator('.field-error');
  await expect(reasonError.textContent()).resolves.toBe('Wajib diisi untuk tindakan ini.');
  await page.getByLabel('Apa yang belum selesai?').fill('Aspalnya sudah retak lagi setelah hujan.');
  await page.getByRole('button', { name: 'Belum selesai, buka kembali' }).click();
  await page.getByText('Aspalnya sudah retak lagi setelah hujan.').waitFor();
  await expect.poll(async () => (await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, bad)))[0]!.status).toBe('in_progress');
  await context.close();
});

it('deletes the account from "My data": reports stay, the person is gone', async () => {
  const citizen = await h.citizen({ fullName: 'Akun Untuk Dihapus' });
  const tn = await fileReport(h, citizen.token);
  const context = await newContext(browser, h.baseUrl);
  await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
  const page = await context.newPage();
  await page.goto('/akun');
  await page.getByText('Akun Untuk Dihapus').waitFor();
  await page.getByLabel('Kata sandi untuk konfirmasi').fill('kata-sandi-1');
  await page.getByRole('button', { name: 'Hapus akun saya' }).click();
  await page.getByText('Centang konfirmasi terlebih dahulu.').waitFor();
  await page.getByLabel('Saya mengerti bahwa akun saya dihapus permanen.').check();
  await page.getByRole('button', { name: 'Hapus akun saya' }).click();
  await page.getByText('Akun Anda sudah dihapus. 1 laporan tetap tersimpan tanpa identitas Anda.').waitFor();
  await accessible(page, 'account-deleted');
  const [report] = await h.ctx.db.select().from(reports).where(eq(reports.trackingNumber, tn));
  expect(report!.reporterId).toBeNull();
  const [person] = await h.ctx.db.select().from(users).where(eq(users.id, citizen.userId));
  expect([person!.nikHash, person!.email, person!.deletedAt === null]).toEqual([null, null, false]);
  await context.close();
});

it('shows a visitor a public report with its timeline and replies, never the reporter', async () => {
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto(`/laporan/${publicTn}`);
  await page.getByRole('heading', { level: 1, name: 'Lampu jalan padam di Jl. Sudirman' }).waitFor();
  await page.getByText('Laporan diverifikasi').waitFor();
  await page.getByText('Laporan lengkap, segera diteruskan ke Dinas Perkim.').waitFor();
  await expect(page.getByText('Warga Dumai').count()).resolves.toBe(0);
  await accessible(page, 'public-report');
  await page.getByLabel('Bahasa').selectOption('en');
  await page.getByRole('heading', { name: 'What has happened' }).waitFor();
  await page.getByText('Report verified').waitFor();
  // A report that does not exist: said so, with nothing to try again (asking again would not help).
  await page.getByLabel('Language').selectOption('id');
  await page.goto('/laporan/DMI-2026-999999');
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
  await context.close();
});

it('sends staff to their workspace after logging in', async () => {
  const exec = await h.staff('executive');
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel('NIK, email, atau nomor HP').fill(exec.email);
  await page.getByLabel('Kata sandi').fill('rahasia-123');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/dasbor$/);
  const [row] = await h.ctx.db.select({ role: users.role }).from(users).where(eq(users.email, exec.email));
  expect(row!.role).toBe('executive');
  await context.close();
});

it('pages through the public list: "Muat lebih banyak" adds the next reports, each once', async () => {
  const resident = await h.citizen();
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  for (let i = 1; i <= 21; i++) {
    const tn = await fileReport(h, resident.token, { title: `Saluran tersumbat di gang nomor ${i}` });
    await step(h, triage.token, tn, 'verify');
  }
  const all = (await h.call('GET', '/api/v1/reports/public?limit=100')).body.items as { trackingNumber: string }[];
  expect(all.length).toBeGreaterThan(20);
  const context = await newContext(browser, h.baseUrl);
  const page = await context.newPage();
  await page.goto('/laporan');
  const shown = async () => Promise.all((await page.locator('.report-card h3 a').all()).map((link) => link.getAttribute('href')));
  await page.getByRole('button', { name: 'Muat lebih banyak' }).waitFor();
  expect(await shown()).toHaveLength(20);
  await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
  await page.getByRole('button', { name: 'Muat lebih banyak' }).waitFor({ state: 'detached' });
  // The last report arrived; a repeated first page would have put more cards before it.
  await page.locator('.report-card h3 a').nth(all.length - 1).waitFor();
  expect(await shown()).toEqual(all.map((r) => `/laporan/${r.trackingNumber}`));

  // On a phone the first report shows on the first screen: the three lists fold under one line.
  await page.goto('/laporan');
  const firstCard = page.locator('.report-card').first();
  await firstCard.waitFor();
  expect((await firstCard.boundingBox())!.y).toBeLessThan(844);
  expect(await page.getByLabel('Kategori').isVisible()).toBe(false);
  await page.getByText('Saring menurut status, kategori, kelurahan').click();
  await page.getByLabel('Kategori').waitFor();
  // The category filter lists each khidmat followed by its own sub-categories.
  const categories = (await h.call('GET', '/api/v1/categories')).body as unknown as { code: string; parentCode: string | null }[];
  const options = await Promise.all((await page.getByLabel('Kategori').locator('option').all()).map((o) => o.getAttribute('value')));
  let khidmat: string | null = null;
  for (const code of options.filter(Boolean)) {
    const category = categories.find((c) => c.code === code)!;
    if (category.parentCode === null) khidmat = code;
    else expect(category.parentCode, code!).toBe(khidmat);
  }
  expect(options.filter(Boolean)).toHaveLength(categories.length);
  // A list narrowed by one of them opens with them shown, and says how many are in use.
  await page.goto('/laporan?kategori=PEN');
  await page.getByText('Saring menurut status, kategori, kelurahan (1 dipakai)').waitFor();
  expect(await page.getByLabel('Kategori').inputValue()).toBe('PEN');
  await context.close();
});
