import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHarness } from '../test/harness.js';
import { accessible, E2E_DATABASE, launchBrowser, signedIn } from '../test/browser.js';

// The satisfaction survey in a real browser on a phone: a resident opens the complaint desk's public
// link (the QR poster at the counter), answers the nine questions with large choices, is told which
// one they skipped, and sends; the desk's officer then sees the regulation's table for the period.
let h: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness(E2E_DATABASE);
  h.setNow(new Date());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('lets a resident answer the survey on a phone, and the officer read the table', async () => {
  const units = (await h.call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; publicKey: string }[];
  const desk = units.find((u) => u.kind === 'aduan_desk')!;

  const { page, context } = await signedIn(browser, h.baseUrl, null);
  await page.goto(`/skm/u/${desk.publicKey}`);
  await page.getByRole('heading', { name: 'Survei kepuasan masyarakat' }).waitFor();
  await page.getByText('Layanan Pengaduan Masyarakat').waitFor();
  await accessible(page, 'skm-survey-phone');

  // Eight questions answered, the fourth skipped: the form names it and keeps the answers.
  const answers = [4, 3, 3, 4, 3, 4, 4, 3, 3];
  const groups = page.locator('fieldset.skm-question');
  for (const [i, v] of answers.entries()) {
    if (i === 3) continue;
    await groups.nth(i).getByLabel(['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'][v - 1]!, { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await page.getByText('Masih ada pertanyaan yang belum dijawab: nomor 4.').waitFor();
  await accessible(page, 'skm-survey-missing');
  await groups.nth(3).getByLabel('Sangat baik', { exact: true }).check();
  await page.getByLabel('Jenis kelamin').selectOption('P');
  await page.getByLabel('Saran dan masukan (boleh dikosongkan)').fill('Antrean lebih tertib.');
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await page.getByText('Terima kasih! Jawaban Anda sudah kami terima.').waitFor();
  await accessible(page, 'skm-survey-thanks');
  await context.close();

  const admin = await h.staff('super_admin');
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const period = await h.call('POST', '/api/v1/skm/periods', { token: admin.token, body: { name: 'Periode uji', startsOn: today, endsOn: today } });
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const officer = await signedIn(browser, h.baseUrl, triage.token);
  await officer.page.goto(`/skm?periode=${period.body.id}&unit=${desk.id}`);
  await officer.page.getByText('Belum diumumkan — hanya terlihat oleh petugas.').waitFor();
  const row = officer.page.getByRole('row', { name: /Biaya\/tarif/ });
  await expect.poll(() => row.textContent()).toContain('0,4444');
  await officer.page.getByText('Jumlah responden: 1').waitFor();
  // One respondent: NRR = the values, Σ = 4+3+3+4+3+4+4+3+3 = 31; IKM = 31 / 9 = 3.4444; × 25 = 86.11: B, Baik.
  await officer.page.getByText('IKM unit pelayanan: 86,11 — B (Baik)').waitFor();
  await accessible(officer.page, 'skm-results-officer');
  await officer.context.close();
});
