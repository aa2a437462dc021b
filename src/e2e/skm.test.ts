import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';

// The satisfaction survey in a real browser on a phone: a resident opens the complaint desk's public
// link (the QR poster at the counter), answers the nine questions with large choices, is told which
// one they skipped, and sends; the desk's officer copies a paper form and sees the regulation's table.
const { h, as } = await browserSuite();

it('lets a resident answer the survey on a phone, and the officer read the table', async () => {
  const units = (await h.call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; publicKey: string }[];
  const desk = units.find((u) => u.kind === 'aduan_desk')!;

  const { page, context } = await as(null);
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
  const officer = await as(triage.token);

  // The desk's officer copies a paper sheet: all "Sangat baik".
  await officer.page.goto('/skm/kertas');
  await officer.page.getByRole('heading', { name: 'Entri survei kertas' }).waitFor();
  await officer.page.getByLabel('Unit layanan').selectOption({ label: 'Layanan Pengaduan Masyarakat' });
  const sheet = officer.page.locator('fieldset.skm-question');
  for (let i = 0; i < 9; i++) await sheet.nth(i).getByLabel('Sangat baik', { exact: true }).check();
  await officer.page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await officer.page.getByText('Lembar tersimpan. Silakan masukkan lembar berikutnya. (1)').waitFor();
  await accessible(officer.page, 'skm-paper-entry');

  await officer.page.goto(`/skm?periode=${period.body.id}&unit=${desk.id}`);
  await officer.page.getByText('Belum diumumkan — hanya terlihat oleh petugas.').waitFor();
  await officer.page.getByText('Jumlah responden: 2').waitFor();
  const row = officer.page.getByRole('row', { name: /Biaya\/tarif/ });
  await expect.poll(() => row.textContent()).toContain('0,4444');
  // Totals per unsur: resident (4,3,3,4,3,4,4,3,3) + paper (nine 4s); Σ NRR = (31 + 36) / 2 = 33.5;
  // IKM = 33.5 / 9 = 3.7222; × 25 = 93.06: A, Sangat baik.
  await officer.page.getByText('IKM unit pelayanan: 93,06 — A (Sangat baik)').waitFor();
  await accessible(officer.page, 'skm-results-officer');
  // The period ends tonight: publishing is refused until then, and said so.
  await officer.page.getByRole('button', { name: 'Umumkan hasil' }).click();
  await officer.page.getByText('Hasil baru dapat diumumkan setelah periode berakhir.').waitFor();
  await officer.context.close();
});
