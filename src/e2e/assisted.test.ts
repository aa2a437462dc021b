import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startHarness } from '../test/harness.js';
import { accessible, E2E_DATABASE, launchBrowser, signedIn } from '../test/browser.js';
import { photo } from '../test/fixtures.js';
import { fakeProviders, postWhatsApp, waMessage, type FakeProviders } from '../test/fake-providers.js';
import { deliverMessages, messengersOf } from '../core/notifications/phone-delivery.js';
import { quietHoursEnd } from '../core/notifications/quiet-hours.js';

// Assisted intake from the staff app: an officer files a walk-in resident's report on a phone, the
// resident's number gets the notice by WhatsApp (a local Cloud API). A citizen links their number
// and chooses how notices reach them.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
let fake: FakeProviders;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  // Quiet hours (21:00–07:00 WIB) hold WhatsApp notices until morning: the test's clock is the next
  // 10:00 WIB, so it passes whatever the hour the suite runs.
  h.setNow(quietHoursEnd(new Date(), { until: 10 }));
  fake = await fakeProviders();
  h.ctx.config.whatsapp = fake.whatsappConfig();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await fake?.close();
  await h?.close();
});

it("an OPD officer files a resident's report at the counter and the resident is told by WhatsApp", async () => {
  const officer = await h.staff('opd_officer', 'PUPR');
  const { context, page } = await signedIn(browser, h.baseUrl, officer.token);
  contexts.push(context);
  await page.goto('/staf/lapor-untuk-warga');
  await page.getByRole('heading', { level: 1, name: 'Lapor untuk warga' }).waitFor();
  await page.getByLabel('Nama warga').fill('Pak Rahmat');
  await page.getByLabel('Kategori').selectOption('INF-JALAN');
  await page.getByLabel('Judul singkat').fill('Jalan berlubang di Jl. Sultan Syarif Kasim');
  await page.getByLabel('Uraian masalah').fill('Lubang besar di depan pasar, motor sering jatuh.');
  await page.getByLabel('Kelurahan lokasi').selectOption('14.72.01.1008');
  await page.getByLabel('Foto (boleh lebih dari satu)').setInputFiles({ name: 'jalan.jpg', mimeType: 'image/jpeg', buffer: await photo() });

  // Neither number nor email: the server says which field to fill.
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByText('Isi nomor HP atau email warga').first().waitFor();
  await accessible(page, 'staff-assisted-form');

  await page.getByLabel('Nomor HP warga').fill('0812 7700 8008');
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  const tn = (await page.getByTestId('tracking-number').textContent())!.trim();
  expect(tn).toMatch(/^DMI-\d{4}-\d{6}$/);
  await page.getByText('Warga menerima kabar lewat WhatsApp.').waitFor();
  await accessible(page, 'staff-assisted-filed');

  await deliverMessages(h.ctx, messengersOf(h.ctx.config));
  expect(fake.whatsapp.filter((m) => m.to === '6281277008008').map((m) => m.template?.params.slice(0, 2))).toEqual([[tn, 'Diterima']]);
});

it('a citizen links their mobile number by WhatsApp and chooses SMS for their notices', async () => {
  const citizen = await h.citizen({ fullName: 'Bu Sari' });
  const { context, page } = await signedIn(browser, h.baseUrl, citizen.token);
  contexts.push(context);
  await page.goto('/akun');
  await page.getByRole('heading', { name: 'Kabar laporan' }).waitFor();
  await page.getByText('Nomor HP Anda belum terhubung').waitFor();
  // SMS needs a linked number: the refusal is shown at the choice.
  await page.getByLabel('Kirim kabar lewat').selectOption('sms');
  await page.getByRole('button', { name: 'Simpan pilihan' }).click();
  await page.getByText('Hubungkan nomor HP Anda lebih dahulu').first().waitFor();

  await page.getByRole('button', { name: 'Hubungkan nomor HP' }).click();
  const code = (await page.getByTestId('link-code').textContent())!.trim();
  expect(code).toMatch(/^TAUTKAN \S+$/);
  await accessible(page, 'citizen-notice-channel');
  expect((await postWhatsApp(h.baseUrl, waMessage('6281277008118', { text: code }))).status).toBe(200);

  await page.reload();
  await page.getByText('Nomor HP +6281277008118 sudah terhubung.').waitFor();
  await page.getByText('Sekarang dikirim lewat: WhatsApp.').waitFor();
  await page.getByLabel('Kirim kabar lewat').selectOption('sms');
  await page.getByRole('button', { name: 'Simpan pilihan' }).click();
  await page.getByText('Pilihan disimpan.').waitFor();
  await page.getByText('Sekarang dikirim lewat: SMS.').waitFor();
});
