import { afterAll, beforeAll, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dumaiNik, startHarness } from '../test/harness.js';
import { E2E_DATABASE, launchBrowser, newContext, screenshot } from '../test/browser.js';
import { BAGAN_KELADI } from '../test/fixtures.js';

/**
 * The whole story of one aduan, every step in the browser: a citizen registers and files a
 * road-damage report with a photo; the triage admin verifies it and dispositions it to Dinas PUPR;
 * the PUPR officer replies and resolves; the citizen reads the timeline, confirms and rates; the
 * executive dashboard counts it.
 */
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  h.setNow(new Date()); // the browser judges cookie expiry by its own clock
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await h?.close();
});

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function open(opts = {}): Promise<Page> {
  const context = await newContext(browser, h.baseUrl, opts);
  contexts.push(context);
  return context.newPage();
}

async function staffLogIn(email: string, landing: RegExp): Promise<Page> {
  const page = await open(DESKTOP);
  await page.goto('/masuk');
  await page.getByLabel('NIK, email, atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill('rahasia-123');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(landing);
  return page;
}

it('walks one road-damage report from the citizen through triage and PUPR back to the citizen and the dashboard', async () => {
  // 1. The citizen registers on a phone and files the report with a photo.
  const citizen = await open();
  await citizen.goto('/lapor');
  await citizen.waitForURL(/\/masuk\?lanjut=%2Flapor$/);
  await citizen.getByRole('link', { name: 'Daftar sekarang' }).click();
  await citizen.getByLabel('NIK (16 digit, sesuai KTP)').fill(dumaiNik());
  await citizen.getByLabel('Nama lengkap').fill('Siti Rahmawati');
  await citizen.getByLabel('Email').fill('siti.rahmawati@mail.test');
  await citizen.getByLabel('Kata sandi').fill('sandi-siti-2026');
  await citizen.getByRole('button', { name: 'Daftar' }).click();
  await citizen.waitForURL(/\/lapor$/);
  await citizen.getByLabel('Kategori').selectOption('INF-JALAN');
  await citizen.getByRole('button', { name: 'Lanjut' }).click();
  await citizen.getByLabel('Judul singkat').fill('Jalan Sultan Hasanuddin berlubang');
  await citizen.getByLabel('Uraian').fill('Lubang selebar satu meter di depan SDN 001, sudah dua motor jatuh.');
  await citizen.getByRole('button', { name: 'Lanjut' }).click();
  await citizen.locator('.leaflet-container').waitFor();
  await citizen.getByRole('region', { name: 'Peta: ketuk titik lokasi masalah' }).click();
  await citizen.getByLabel('Kelurahan').selectOption(BAGAN_KELADI.code);
  await citizen.getByLabel('Alamat atau patokan').fill('Depan SDN 001 Bagan Keladi');
  await citizen.getByRole('button', { name: 'Lanjut' }).click();
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#5a4632' } }).jpeg().toBuffer();
  await citizen.getByLabel('Foto (maks. 5)').setInputFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: photo });
  await citizen.getByRole('img', { name: 'Foto 1 yang akan dikirim' }).waitFor();
  await citizen.getByRole('button', { name: 'Lanjut' }).click();
  await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
  const tn = (await citizen.getByTestId('tracking-number').textContent())!.trim();
  expect(tn).toMatch(/^DMI-\d{4}-\d{6}$/);

  // 2. The triage admin verifies it and dispositions it to Dinas PUPR (the category's default OPD).
  const triageAccount = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const triage = await staffLogIn(triageAccount.email, /\/staf$/);
  await triage.getByRole('link', { name: tn }).click();
  await heading(triage).filter({ hasText: tn }).waitFor();
  await triage.getByRole('img', { name: /Foto/ }).first().waitFor();
  await triage.locator('summary', { hasText: /^Verifikasi$/ }).click();
  await triage.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await triage.getByRole('status').filter({ hasText: 'Tersimpan: Verifikasi.' }).waitFor();
  await triage.locator('summary', { hasText: 'Disposisi ke OPD' }).click();
  expect(await triage.getByLabel('Dinas PUPR (OPD bawaan kategori)').isChecked()).toBe(true);
  await triage.getByLabel('Instruksi untuk OPD').fill('Mohon tambal sebelum musim hujan.');
  await triage.getByRole('button', { name: 'Disposisi ke OPD' }).click();
  await triage.getByRole('status').filter({ hasText: 'Tersimpan: Disposisi ke OPD.' }).waitFor();

  // 3. The PUPR officer finds it in the inbox, accepts, replies and resolves.
  const puprAccount = await h.staff('opd_officer', 'PUPR');
  const pupr = await staffLogIn(puprAccount.email, /\/staf$/);
  await pupr.getByRole('link', { name: tn }).click();
  await heading(pupr).filter({ hasText: tn }).waitFor();
  await pupr.locator('summary', { hasText: 'Terima disposisi' }).click();
  await pupr.getByRole('button', { name: 'Terima disposisi' }).click();
  await pupr.getByRole('status').filter({ hasText: 'Tersimpan: Terima disposisi.' }).waitFor();
  await pupr.locator('summary', { hasText: 'Tindak lanjut / balas' }).click();
  await pupr.getByLabel('Balasan publik (dibaca pelapor)').fill('Tim Bina Marga sudah survei; penambalan hari Kamis.');
  await pupr.getByRole('button', { name: 'Tindak lanjut / balas' }).click();
  await pupr.getByRole('status').filter({ hasText: 'Tersimpan: Tindak lanjut / balas.' }).waitFor();
  await pupr.locator('summary', { hasText: 'Tandai selesai' }).click();
  await pupr.getByLabel('Balasan publik (dibaca pelapor)').fill('Lubang sudah ditambal dan diaspal ulang.');
  await pupr.getByRole('button', { name: 'Tandai selesai' }).click();
  await pupr.getByRole('status').filter({ hasText: 'Tersimpan: Tandai selesai.' }).waitFor();

  // 4. The citizen reads every step, confirms the fix and rates it.
  await citizen.goto('/laporan-saya');
  await citizen.getByRole('link', { name: 'Jalan Sultan Hasanuddin berlubang' }).click();
  await citizen.getByRole('heading', { name: 'Riwayat tindak lanjut' }).waitFor();
  for (const text of ['Laporan dikirim', 'Tim Bina Marga sudah survei; penambalan hari Kamis.', 'Lubang sudah ditambal dan diaspal ulang.']) {
    await citizen.getByText(text).first().waitFor();
  }
  // The triage desk's internal workings stay internal; the PUPR officer's name is not shown either.
  expect(await citizen.getByText('Mohon tambal sebelum musim hujan.').count()).toBe(0);
  await citizen.getByText('OPD menyatakan masalah ini sudah selesai. Apakah benar sudah beres?').waitFor();
  await citizen.getByLabel('Nilai (1–5)').first().selectOption('5');
  await citizen.getByRole('button', { name: 'Ya, sudah selesai' }).click();
  await citizen.getByText('Tersimpan.').waitFor();
  await citizen.getByText('Penilaian: 5 dari 5').waitFor();
  await screenshot(citizen, 'story-citizen-closed');

  const detail = await h.call('GET', `/api/v1/reports/${tn}`);
  expect(detail.body).toMatchObject({ status: 'closed', rating: 5 });

  // 5. The executive dashboard counts it: received, resolved, handled by PUPR.
  const exec = await h.staff('executive');
  const dashboard = await staffLogIn(exec.email, /\/dasbor$/);
  await dashboard.locator('[data-kpi="received"] .kpi-value').waitFor();
  expect(await dashboard.locator('[data-kpi="received"] .kpi-value').textContent()).toBe('1');
  expect(await dashboard.locator('[data-kpi="resolved"] .kpi-value').textContent()).toBe('1');
  await dashboard.locator('tr[data-opd="PUPR"]').waitFor();
  await screenshot(dashboard, 'story-dashboard');
});
