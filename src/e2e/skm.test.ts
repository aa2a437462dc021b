import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';
import { fileReport, step } from '../test/fixtures.js';
import { deliverDue } from '../core/notifications/delivery.js';
import { inviteFinishedCases } from '../skm/invitations.js';
import { EXAMPLE_ROWS } from '../skm/test-fixtures.js';

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

// The regulation's hand-computed example (src/skm/test-fixtures.ts): ten respondents, the first of
// them the reporter of a closed complaint answering through their invitation in the browser.
it('invites a closed complaint’s reporter, counts their answer once, and shows the hand-computed table', async () => {
  // All of it yesterday (WIB), so that yesterday's period holds these ten answers only and has ended.
  const day = new Date(Date.now() - 17 * 3600_000).toISOString().slice(0, 10);
  h.setNow(new Date(`${day}T03:00:00Z`));
  const citizen = await h.citizen({ fullName: 'Rahmat Hidayat' });
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const pupr = await h.staff('opd_officer', 'PUPR');
  const tn = await fileReport(h, citizen.token);
  await step(h, triage.token, tn, 'disposition', { opdCodes: ['PUPR'] });
  await step(h, pupr.token, tn, 'resolve', { message: 'Sudah diperbaiki.' });
  expect((await step(h, citizen.token, tn, 'confirm', { rating: 4 })).body.status).toBe('closed');
  expect(await inviteFinishedCases(h.ctx)).toBe(1);
  await deliverDue(h.ctx, undefined);
  const inbox = await h.call('GET', '/api/v1/notifications', { token: citizen.token });
  const link = inbox.body.items.find((n: { link: string | null }) => n.link?.startsWith('/skm/isi/')).link as string;

  const { page, context } = await as(null);
  await page.goto(link);
  await page.getByText('Layanan Pengaduan Masyarakat').waitFor();
  const groups = page.locator('fieldset.skm-question');
  for (const [i, v] of EXAMPLE_ROWS[0]!.entries()) await groups.nth(i).getByLabel(['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'][v - 1]!, { exact: true }).check();
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await page.getByText('Terima kasih! Jawaban Anda sudah kami terima.').waitFor();
  // The same link again: answered, no second form.
  await page.goto(link);
  await page.getByText('Survei ini sudah diisi. Terima kasih.').waitFor();
  expect(await page.locator('fieldset.skm-question').count()).toBe(0);
  await accessible(page, 'skm-invitation-answered');
  await context.close();
  expect((await h.call('POST', `/api/v1/skm${link.replace('/skm/isi/', '/invitations/')}/answers`, { body: { scores: EXAMPLE_ROWS[1] } })).status).toBe(409);

  // The other nine: eight through the desk's public link, one paper form.
  const desk = ((await h.call('GET', '/api/v1/skm/units')).body.items as { id: number; kind: string; publicKey: string }[]).find((u) => u.kind === 'aduan_desk')!;
  for (const scores of EXAMPLE_ROWS.slice(1, 9)) expect((await h.call('POST', `/api/v1/skm/units/by-key/${desk.publicKey}/answers`, { body: { scores } })).status).toBe(201);
  expect((await h.call('POST', `/api/v1/skm/units/${desk.id}/paper-answers`, { token: triage.token, body: { scores: EXAMPLE_ROWS[9], answeredOn: day } })).status).toBe(201);
  const admin = await h.staff('super_admin');
  const period = await h.call('POST', '/api/v1/skm/periods', { token: admin.token, body: { name: 'Uji contoh peraturan', startsOn: day, endsOn: day } });

  // Today: the desk's officer reads the table, publishes it, and anyone sees it.
  h.setNow(new Date());
  const officer = await as(await h.login(triage.email));
  await officer.page.goto(`/skm?periode=${period.body.id}&unit=${desk.id}`);
  await officer.page.getByText('Jumlah responden: 10').waitFor();
  await officer.page.getByText('IKM unit pelayanan: 81,11 — B (Baik)').waitFor();
  await officer.page.getByRole('button', { name: 'Umumkan hasil' }).click();
  await officer.page.getByText('Belum diumumkan — hanya terlihat oleh petugas.').waitFor({ state: 'detached' });
  await officer.context.close();

  const anyone = await as(null);
  await anyone.page.goto(`/skm?periode=${period.body.id}&unit=${desk.id}`);
  await anyone.page.getByText('IKM unit pelayanan: 81,11 — B (Baik)').waitFor();
  // Per unsur as worked by hand: total, NRR (÷ 10), weighted (÷ 9).
  const cells = async (name: RegExp) => (await anyone.page.getByRole('row', { name }).locator('td').allTextContents()).slice(1);
  expect(await cells(/Persyaratan/)).toEqual(['32', '3,20', '0,3556']);
  expect(await cells(/Waktu penyelesaian/)).toEqual(['28', '2,80', '0,3111']);
  expect(await cells(/Penanganan pengaduan/)).toEqual(['27', '2,70', '0,3000']);
  expect(await anyone.page.getByRole('row', { name: /IKM/ }).first().locator('td').textContent()).toBe('3,2444');
  await accessible(anyone.page, 'skm-results-published');
  await anyone.context.close();
});
