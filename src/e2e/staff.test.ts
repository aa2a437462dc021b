import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHarness } from '../test/harness.js';
import { axe, E2E_DATABASE, launchBrowser, newContext, screenshot } from '../test/browser.js';
import { fileReport, photo, upload } from '../test/fixtures.js';

// The staff workspace end to end: triage verifies and dispositions, PUPR handles it to resolution,
// another OPD never sees it, an OPD admin adds an officer and the super admin adds a holiday.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  // The browser drops cookies that expire before its own (real) now: the app's clock must agree.
  h.setNow(new Date());
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await h?.close();
});

const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Logs in through the real log-in page; staff land on /staf. */
async function logIn(email: string, opts = DESKTOP): Promise<Page> {
  const context = await newContext(browser, h.baseUrl, opts);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel('NIK, email, atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill('rahasia-123');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL('**/staf');
  return page;
}

async function expectAccessible(page: Page) {
  expect(await axe(page)).toEqual([]);
}

/** No list still loading (lazy pages and their data). */
const settled = (page: Page) => expect.poll(() => page.locator('.loading').count(), { timeout: 30_000 }).toBe(0);
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const saved = (page: Page, label: string) => page.getByRole('status').filter({ hasText: `Tersimpan: ${label}.` }).waitFor();

let tn: string;

it('triage admin verifies (keyboard only) and dispositions a new report to PUPR', async () => {
  const citizen = await h.citizen({ fullName: 'Warga Bagan Keladi' });
  const up = await upload(h, citizen.token, await photo());
  tn = await fileReport(h, citizen.token, { photoIds: [up.body.id], anonymous: true });
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');

  const page = await logIn(triage.email);
  await expect(heading(page).textContent()).resolves.toBe('Meja triase');
  await page.getByRole('link', { name: tn }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-triage');

  await page.getByRole('link', { name: tn }).click();
  await heading(page).filter({ hasText: tn }).waitFor();
  // Anonymous: the desk sees who it is, marked as such.
  await page.getByText('Warga Bagan Keladi', { exact: false }).waitFor();
  await page.getByText('Pelapor anonim').waitFor();
  await expectAccessible(page);

  // Keyboard only: open the action, tab to its button, press Enter.
  await page.locator('summary', { hasText: /^Verifikasi$/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Balasan publik (dibaca pelapor)').waitFor();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    // A string: the server's TypeScript has no DOM types.
    if ((await page.evaluate('document.activeElement.tagName + ":" + document.activeElement.textContent')) === 'BUTTON:Verifikasi') break;
  }
  await page.keyboard.press('Enter');
  await saved(page, 'Verifikasi');
  // Focus moves to the confirmation, so the keyboard user is not left on a vanished form.
  await expect.poll(() => page.evaluate('document.activeElement.getAttribute("role")')).toBe('status');
  await page.getByText('Diverifikasi', { exact: true }).first().waitFor();

  await page.locator('summary', { hasText: 'Disposisi ke OPD' }).click();
  const pupr = page.getByLabel('Dinas PUPR (OPD bawaan kategori)');
  await pupr.waitFor();
  expect(await pupr.isChecked()).toBe(true); // the category's default OPD is proposed
  await pupr.uncheck();
  expect(await pupr.isChecked()).toBe(false); // …and can be taken back
  await pupr.check();
  await page.getByLabel('Instruksi untuk OPD').fill('Mohon survei dan tambal lubang.');
  await page.getByRole('button', { name: 'Disposisi ke OPD' }).click();
  await saved(page, 'Disposisi ke OPD');
  await page.getByRole('cell', { name: /Dinas PUPR/ }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-report-triage');

  // A duplicate filed nearby: the merge form lists the first report as a likely target.
  const duplicate = await fileReport(h, citizen.token, { title: 'Lubang di jalan depan sekolah', lat: 1.6742 });
  await page.goto(`/staf/laporan/${duplicate}`);
  await page.locator('summary', { hasText: 'Gabungkan (duplikat)' }).click();
  const candidate = page.locator('.staff-similar li', { hasText: tn });
  await candidate.waitFor();
  await candidate.getByRole('button', { name: /Pilih sebagai tujuan/ }).click();
  expect(await page.getByLabel('Nomor laporan tujuan').inputValue()).toBe(tn);
  await expectAccessible(page);
  await screenshot(page, 'staff-merge');
  await page.getByRole('button', { name: 'Gabungkan (duplikat)' }).click();
  await saved(page, 'Gabungkan (duplikat)');
  await page.getByRole('link', { name: `Digabung ke ${tn}` }).waitFor();

  // The whole desk switches to English.
  await page.getByLabel('Bahasa').selectOption('en');
  await page.getByRole('heading', { name: 'Actions' }).waitFor();
  await page.getByLabel('Language').selectOption('id');
});

it('the PUPR officer accepts, replies, notes, uploads evidence and resolves; Perkim never sees it', async () => {
  const officer = await h.staff('opd_officer', 'PUPR');
  const page = await logIn(officer.email);
  await expect(heading(page).textContent()).resolves.toBe('Kotak masuk OPD');
  await page.getByRole('link', { name: tn }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-inbox');

  await page.getByRole('link', { name: tn }).click();
  await heading(page).filter({ hasText: tn }).waitFor();
  // Anonymous reporters stay hidden from the OPD.
  expect(await page.getByText('Warga Bagan Keladi').count()).toBe(0);
  await page.locator('summary', { hasText: 'Terima disposisi' }).click();
  await page.getByRole('button', { name: 'Terima disposisi' }).click();
  await saved(page, 'Terima disposisi');

  await page.locator('summary', { hasText: 'Tindak lanjut / balas' }).click();
  await page.getByLabel('Balasan publik (dibaca pelapor)').fill('Tim Bina Marga sudah survei, penambalan Kamis.');
  await page.getByLabel('Catatan internal (tidak dibaca pelapor)').fill('Pakai anggaran pemeliharaan rutin.');
  await page.getByRole('button', { name: 'Tindak lanjut / balas' }).click();
  await saved(page, 'Tindak lanjut / balas');
  await page.locator('.timeline .internal', { hasText: 'Pakai anggaran pemeliharaan rutin.' }).waitFor();

  await page.locator('summary', { hasText: 'Tandai selesai' }).click();
  await page.getByLabel('Balasan publik (dibaca pelapor)').fill('Lubang sudah ditambal.');
  await page.getByLabel('Foto bukti (maks. 5)').setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: await photo('#333333') });
  await page.getByText('1 foto siap dikirim').waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tandai selesai' }).click();
  await saved(page, 'Tandai selesai');
  await page.getByText('Selesai ditangani', { exact: true }).first().waitFor();
  await page.getByRole('img', { name: 'Foto bukti 1' }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-report-opd');

  const detail = await h.call('GET', `/api/v1/reports/${tn}`);
  expect(detail.body.status).toBe('resolved');
  expect(detail.body.photos.map((p: { kind: string }) => p.kind).sort()).toEqual(['evidence', 'report']);

  const other = await h.staff('opd_officer', 'PERKIM');
  const perkim = await logIn(other.email);
  await expect(heading(perkim).textContent()).resolves.toBe('Kotak masuk OPD');
  await perkim.getByText('Tidak ada laporan di sini.').waitFor();
  expect(await perkim.getByRole('link', { name: tn }).count()).toBe(0);
});

it('an OPD passes a misrouted report on to another OPD and adds a co-handler', async () => {
  const citizen = await h.citizen();
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const misrouted = await fileReport(h, citizen.token, { title: 'Sampah menumpuk di pinggir jalan', categoryCode: 'SPP-SAMPAH', description: 'Sampah tidak diangkut seminggu di pinggir jalan.' });
  expect((await h.call('POST', `/api/v1/reports/${misrouted}/disposition`, { token: triage.token, body: { opdCodes: ['PUPR'] } })).status).toBe(200);

  const page = await logIn((await h.staff('opd_officer', 'PUPR')).email);
  await page.goto(`/staf/laporan/${misrouted}`);
  await page.locator('summary', { hasText: 'Alihkan ke OPD lain' }).click();
  await page.getByRole('button', { name: 'Alihkan ke OPD lain' }).click();
  // The missing agency is named next to its input.
  await page.locator('select[aria-invalid="true"]').waitFor();
  expect(await page.getByRole('combobox', { name: 'OPD', exact: true }).getAttribute('aria-invalid')).toBe('true');
  await page.getByRole('combobox', { name: 'OPD', exact: true }).selectOption('DLH');
  await page.getByLabel('Instruksi untuk OPD').fill('Mohon diangkut.');
  await page.getByLabel('Alasan dialihkan (internal)').fill('Sampah kewenangan DLH.');
  await page.getByRole('button', { name: 'Alihkan ke OPD lain' }).click();
  await saved(page, 'Alihkan ke OPD lain');
  await page.getByRole('cell', { name: /Dinas LH/ }).waitFor();

  const dlh = await logIn((await h.staff('opd_officer', 'DLH')).email);
  await dlh.getByRole('link', { name: misrouted }).click();
  await heading(dlh).filter({ hasText: misrouted }).waitFor();
  await dlh.locator('summary', { hasText: 'Tambah OPD pendamping' }).click();
  await dlh.getByRole('combobox', { name: 'OPD', exact: true }).selectOption('PERKIM');
  await dlh.getByRole('button', { name: 'Tambah OPD pendamping' }).click();
  await saved(dlh, 'Tambah OPD pendamping');
  const disps = (await h.call('GET', `/api/v1/reports/${misrouted}`, { token: triage.token })).body.dispositions as { opdCode: string; status: string; role: string }[];
  expect(disps.map((d) => [d.opdCode, d.status, d.role])).toEqual([
    ['PUPR', 'forwarded', 'lead'],
    ['DLH', 'active', 'lead'],
    ['PERKIM', 'active', 'co'],
  ]);
});

it('an OPD admin adds an officer, who must replace the temporary password at the first log-in', async () => {
  const admin = await h.staff('opd_admin', 'PUPR');
  const page = await logIn(admin.email);
  await page.getByRole('link', { name: 'Petugas' }).click();
  await heading(page).filter({ hasText: 'Petugas OPD' }).waitFor();
  await page.getByLabel('Nama lengkap').fill('Rina Marlina');
  await page.getByLabel('Email dinas').fill('rina.marlina@pupr.test');
  await page.getByRole('button', { name: 'Tambah petugas' }).click();
  const password = (await page.locator('.staff-password').textContent())!;
  expect(password).toMatch(/^[\w-]{12}$/);
  await page.getByRole('cell', { name: 'Rina Marlina', exact: true }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-officers');

  // A taken email is refused next to the field, in Indonesian.
  await page.getByLabel('Nama lengkap').fill('Rina Lagi');
  await page.getByLabel('Email dinas').fill('rina.marlina@pupr.test');
  await page.getByRole('button', { name: 'Tambah petugas' }).click();
  await page.getByText('Email ini sudah dipakai akun lain.').waitFor();
  expect(await page.getByLabel('Email dinas').getAttribute('aria-invalid')).toBe('true');

  // The new officer must replace the admin-chosen password before the workspace opens.
  const context = await newContext(browser, h.baseUrl, DESKTOP);
  contexts.push(context);
  const officer = await context.newPage();
  const logInAs = async (secret: string) => {
    await officer.goto('/masuk');
    await officer.getByLabel('NIK, email, atau nomor HP').fill('rina.marlina@pupr.test');
    await officer.getByLabel('Kata sandi').fill(secret);
    await officer.getByRole('button', { name: 'Masuk', exact: true }).click();
  };
  await logInAs(password);
  await officer.waitForURL('**/ganti-sandi');
  await officer.getByText('Kata sandi Anda dibuat oleh admin').waitFor();
  await expectAccessible(officer);
  await officer.getByLabel('Kata sandi saat ini').fill(password);
  await officer.getByLabel('Kata sandi baru').fill(password);
  await officer.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await officer.getByText('Kata sandi baru harus berbeda dari yang lama.').waitFor();
  await officer.getByLabel('Kata sandi baru').fill('sandi-rina-baru-1');
  await officer.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await officer.getByText('Kata sandi sudah diganti.').waitFor();
  await logInAs('sandi-rina-baru-1');
  await officer.waitForURL('**/staf');
});

it('the super admin adds a holiday, and every admin page passes axe', async () => {
  const admin = await h.staff('super_admin');
  const page = await logIn(admin.email);
  await page.goto('/staf/admin/libur');
  await heading(page).filter({ hasText: 'Hari libur dan cuti bersama' }).waitFor();
  await page.getByLabel('Tanggal').fill('2026-12-24');
  await page.getByLabel('Jenis').selectOption('cuti_bersama');
  await page.getByLabel('Nama').fill('Cuti bersama Natal');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByRole('cell', { name: 'Cuti bersama Natal', exact: true }).waitFor();
  expect((await h.call('GET', '/api/v1/holidays')).body).toContainEqual({ date: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti bersama Natal' });
  await expectAccessible(page);
  await screenshot(page, 'staff-admin-holidays');

  for (const [path, title] of [
    ['/staf/admin', 'Administrasi'],
    ['/staf/admin/opd', 'OPD'],
    ['/staf/admin/kategori', 'Kategori dan OPD bawaan'],
    ['/staf/admin/wilayah', 'Wilayah (kelurahan)'],
    ['/staf/admin/jalan', 'Ruas jalan'],
    ['/staf/petugas', 'Petugas OPD'],
    ['/staf', 'Meja triase'],
  ] as const) {
    await page.goto(path);
    await heading(page).filter({ hasText: title }).waitFor();
    await settled(page);
    expect(await axe(page), path).toEqual([]);
  }
  await page.goto('/staf/admin/kategori');
  await settled(page);
  await screenshot(page, 'staff-admin-categories');
  // A new sub-category with its default OPD.
  await page.getByLabel('Kode').fill('INF-TROTOAR');
  await page.getByLabel('Khidmat induk').selectOption({ label: 'Infrastruktur' });
  await page.getByLabel('Nama (Indonesia)').last().fill('Trotoar rusak');
  await page.getByLabel('Nama (Inggris)').last().fill('Damaged pavement');
  await page.getByLabel('OPD bawaan kategori').last().selectOption('PUPR');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByText('(INF-TROTOAR)').waitFor();
  const categories = (await h.call('GET', '/api/v1/categories')).body as { code: string; parentCode: string; defaultOpdCode: string }[];
  expect(categories.find((c) => c.code === 'INF-TROTOAR')).toMatchObject({ parentCode: 'INF', defaultOpdCode: 'PUPR' });
});

it('the work list reads on a phone: each report a card, every value beside its heading, nothing off-screen', async () => {
  await fileReport(h, (await h.citizen()).token, { title: 'Saluran tersumbat di gang sempit' });
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const page = await logIn(triage.email, { viewport: { width: 390, height: 844 } });
  const row = page.locator('table.staff-table tbody tr').first();
  await row.waitFor();
  const cells = row.locator('td');
  expect(await Promise.all((await cells.all()).map((c) => c.getAttribute('data-label')))).toEqual(['Laporan', 'Kategori', 'Kelurahan', 'Status', 'Tenggat', 'Masuk']);
  // Every cell within the screen's width: the deadline is read without scrolling sideways.
  for (const box of await Promise.all((await cells.all()).map((c) => c.boundingBox()))) if (box) expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate("(() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth; })()")).toBe(true);
  await expectAccessible(page);
  await screenshot(page, 'staff-list-phone');
});

it('the report page works on a phone', async () => {
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const page = await logIn(triage.email, { viewport: { width: 390, height: 844 } });
  await page.goto(`/staf/laporan/${tn}`);
  await heading(page).filter({ hasText: tn }).waitFor();
  await expectAccessible(page);
  await screenshot(page, 'staff-report-phone');

  // Refusals land next to the field they concern, in the user's language.
  const fresh = await fileReport(h, (await h.citizen()).token, { title: 'Jalan nasional rusak parah', lat: 1.66 });
  await page.goto(`/staf/laporan/${fresh}`);
  await page.locator('summary', { hasText: 'Tolak' }).click();
  await page.getByRole('button', { name: 'Tolak' }).click();
  await page.getByText('Wajib diisi untuk tindakan ini.').waitFor();
  expect(await page.getByLabel('Alasan (dibaca pelapor)').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Bahasa').selectOption('en');
  await page.getByText('Required for this action.').waitFor();
  await expectAccessible(page);
});
