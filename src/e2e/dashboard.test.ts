import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { startHarness } from '../test/harness.js';
import { axe, E2E_DATABASE, launchBrowser, newContext, screenshot } from '../test/browser.js';
import { seed } from '../dashboard/test-seed.js';

// The executive opens /dasbor on a desktop (the meeting room's projector), reads numbers that match
// the API, switches the period, and downloads the table.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
let exec: { email: string };
beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  await seed(h);
  exec = await h.staff('executive');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/**
 * Logs in through the API. The session cookie's Expires follows the app's fake clock (March 2026),
 * which the real browser clock already passed, so the token goes in as a session cookie instead.
 */
async function logIn(context: BrowserContext, email: string) {
  const res = await context.request.post('/api/v1/auth/login', { data: { identifier: email, password: 'rahasia-123' } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  await context.clearCookies();
  await context.addCookies([{ name: 'khidmat_session', value: token, url: h.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] .kpi-value`);

it('shows the executive the period figures, the ranking and the map fallback, lets them switch the period and download CSV', async () => {
  // A weak connection: the base map fails, and the page must still carry every number.
  const context = await newContext(browser, h.baseUrl, { viewport: { width: 1366, height: 768 }, acceptDownloads: true, baseMap: 'fails' });
  await logIn(context, exec.email);
  const page = await context.newPage();

  await page.goto('/dasbor?dari=2026-03-02&sampai=2026-03-13');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Dasbor Eksekutif');
  const api = (await (await page.request.get('/api/v1/dashboard/summary?from=2026-03-02&to=2026-03-13')).json()) as {
    totals: { received: number; open: number; resolved: number; overdue: number };
  };
  await kpi(page, 'received').waitFor();
  expect(await kpi(page, 'received').textContent()).toBe(String(api.totals.received));
  expect(await kpi(page, 'open').textContent()).toBe(String(api.totals.open));
  expect(await kpi(page, 'resolved').textContent()).toBe(String(api.totals.resolved));
  expect(await kpi(page, 'overdue').textContent()).toBe(String(api.totals.overdue));
  // Indonesian number format, units named.
  expect(await kpi(page, 'verifySla').textContent()).toBe('75%');
  expect(await kpi(page, 'followUpSla').textContent()).toBe('66,7%');
  expect(await kpi(page, 'medianFollowUp').textContent()).toBe('1 hari kerja');
  expect(await page.locator('.dash-showing').textContent()).toContain('2 Mar 2026');
  // Ranking: DLH answered every disposition on time, PUPR half of them.
  const ranked = page.locator('tr[data-opd]');
  expect([await ranked.count(), await ranked.nth(0).getAttribute('data-opd'), await ranked.nth(1).getAttribute('data-opd')]).toEqual([2, 'DLH', 'PUPR']);
  await expect(page.getByText('Cara menghitung:').count()).resolves.toBe(1);
  // Every chart has a caption and its numbers as a table.
  expect(await page.locator('figure.chart figcaption').allTextContents()).toEqual([
    'Tren mingguan: laporan masuk dan selesai',
    'Laporan per status',
    'Laporan per kategori (khidmat)',
    'Laporan per OPD',
    'Laporan per kelurahan',
  ]);
  // The map tiles cannot load: the list per kelurahan still carries the numbers.
  await page.locator('.leaflet-container').waitFor();
  await page.getByText('Peta dasar tidak dapat dimuat').waitFor();
  const openRow = page.getByRole('table', { name: 'Laporan terbuka per kelurahan' }).getByRole('row', { name: /Bagan Keladi/ });
  expect(await openRow.locator('td.num').textContent()).toBe('1');
  expect(await page.locator('.leaflet-interactive').count()).toBe(1);

  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'dashboard');

  // Switch the period to one day: 4 March (two reports arrived).
  await page.getByLabel('Dari tanggal').fill('2026-03-04');
  await page.getByLabel('Sampai tanggal').fill('2026-03-04');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.waitForURL(/dari=2026-03-04&sampai=2026-03-04/);
  await page.locator('.dash-showing', { hasText: '4 Mar 2026 – 4 Mar 2026' }).waitFor();
  expect(await kpi(page, 'received').textContent()).toBe('2');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('khidmat-laporan-2026-03-04-2026-03-04.csv');
  const [header, ...rows] = parse(fs.readFileSync((await download.path())!), { bom: true }) as string[][];
  expect(header![0]).toBe('Nomor laporan');
  expect(rows).toHaveLength(2);

  // A reversed period is refused next to the field, in Indonesian.
  await page.getByLabel('Dari tanggal').fill('2026-03-13');
  await page.getByLabel('Sampai tanggal').fill('2026-03-02');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.getByText('Tanggal awal harus sebelum atau sama dengan tanggal akhir.').waitFor();
  expect(await page.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');
  // The figures of the period shown stay on screen, and so does its address.
  expect(await kpi(page, 'received').textContent()).toBe('2');
  expect(page.url()).toMatch(/dari=2026-03-04&sampai=2026-03-04/);
  // With no end date the period runs to today (the server's default), and the refusal goes.
  await page.getByLabel('Sampai tanggal').fill('');
  await page.getByLabel('Dari tanggal').fill('2026-03-04');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.waitForURL(/dari=2026-03-04$/);
  await page.getByText('Tanggal awal harus sebelum atau sama dengan tanggal akhir.').waitFor({ state: 'detached' });
  // An address that arrives reversed (typed or shared) gets the server's refusal, beside the same field.
  await page.goto('/dasbor?dari=2026-03-13&sampai=2026-03-02');
  await page.getByText('Tanggal awal harus sebelum atau sama dengan tanggal akhir.').waitFor();
  expect(await page.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');

  // And in English.
  await page.getByLabel('Bahasa').selectOption('en');
  await page.goto('/dasbor?dari=2026-03-02&sampai=2026-03-13');
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Executive Dashboard');
  await kpi(page, 'followUpSla').waitFor();
  expect(await kpi(page, 'followUpSla').textContent()).toBe('66.7%');
  await context.close();
});

it('reads on a phone: the OPD ranking as cards, each figure beside its heading, nothing off-screen', async () => {
  const context = await newContext(browser, h.baseUrl);
  await logIn(context, exec.email);
  const page = await context.newPage();
  await page.goto('/dasbor?dari=2026-03-02&sampai=2026-03-13');
  const pupr = page.locator('tr[data-opd="PUPR"]');
  await pupr.waitFor();
  const cells = await pupr.locator('td, th').all();
  expect(await Promise.all(cells.map((c) => c.getAttribute('data-label')))).toEqual([
    'Peringkat',
    'OPD',
    'Disposisi',
    'Tindak lanjut tepat waktu',
    'Median tindak lanjut (hari kerja)',
    'Selesai tepat waktu',
    'Median verifikasi (hari kerja)',
    'Median selesai (hari kerja)',
  ]);
  for (const box of await Promise.all(cells.map((c) => c.boundingBox()))) if (box) expect(box.x + box.width).toBeLessThanOrEqual(390);
  // The charts are drawn at the phone's width: their labels keep a readable size (were 9 px).
  const label = page.locator('.chart-svg text', { hasText: 'Infrastruktur' }).first();
  await label.waitFor();
  expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(14);
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'dashboard-phone');
  await context.close();
});

it('turns away an OPD officer', async () => {
  const officer = await h.staff('opd_officer', 'PUPR');
  const context = await newContext(browser, h.baseUrl, { viewport: { width: 1366, height: 768 } });
  await logIn(context, officer.email);
  const page = await context.newPage();
  await page.goto('/dasbor');
  await page.getByRole('heading', { level: 1, name: 'Anda tidak berhak membuka halaman ini.' }).waitFor();
  expect(await page.locator('.kpis').count()).toBe(0);
  await context.close();
});
