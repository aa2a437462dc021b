import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';
import { fileReport, step } from '../test/fixtures.js';
import { S_CURVE } from '../emonev/test-fixtures.js';

// e-monev in a real browser on a phone: PUPR's officer reports this month's realisation of a road
// package and links the road complaint it answers, the desk at Bappeda returns it with a reason and
// accepts the correction, the mayor's office reads the month beside PUPR's complaints, and the
// complaint's public page shows the package.
const { h, as } = await browserSuite();

it('lets an OPD report a month, the desk check it, and the evaluation and the complaint page show it', async () => {
  const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
  const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'Asia/Jakarta' }).format(new Date());
  const desk = await h.staff('bappeda');
  const pupr = await h.staff('opd_officer', 'PUPR');
  const mayor = await h.staff('executive');
  const triage = await h.staff('triage_admin', 'DISKOMINFOTIKSAN');
  const citizen = await h.citizen();
  // The desk at Bappeda enters the road package of PUPR's DPA; a target that falls is refused where it is.
  const bappeda = await as(desk.token);
  await bappeda.page.goto('/emonev/dpa');
  await bappeda.page.getByRole('heading', { name: 'Entri DPA: sub-kegiatan' }).waitFor();
  await bappeda.page.getByRole('combobox', { name: /^OPD/ }).selectOption('PUPR');
  const fields: [RegExp, string][] = [
    [/^Program: kode/, '1.03.10'], [/^Program: nama/, 'Program Penyelenggaraan Jalan'], [/^Kegiatan: kode/, '1.03.10.2.01'], [/^Kegiatan: nama/, 'Penyelenggaraan Jalan Kabupaten/Kota'],
    [/^Sub-kegiatan: kode/, '1.03.10.2.01.0015'], [/^Sub-kegiatan: nama/, 'Rehabilitasi Jalan Sultan Syarif Kasim'], [/^Pagu/, '4000000000'], [/^Keluaran/, 'Rehabilitasi jalan 2,4 km'],
  ];
  for (const [name, value] of fields) await bappeda.page.getByRole('textbox', { name }).or(bappeda.page.getByRole('spinbutton', { name })).fill(value);
  const physical = S_CURVE.map((x, i) => (i === 4 ? 10 : x));
  for (let i = 0; i < 12; i++) {
    const month = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, i, 15)));
    const label = month.charAt(0).toUpperCase() + month.slice(1);
    await bappeda.page.getByRole('spinbutton', { name: new RegExp(`^${label}: Fisik`) }).fill(String(physical[i]));
    await bappeda.page.getByRole('spinbutton', { name: new RegExp(`^${label}: Keuangan`) }).fill(String(S_CURVE[i]! * 40_000_000));
  }
  await bappeda.page.getByRole('button', { name: 'Simpan sub-kegiatan' }).click();
  await bappeda.page.getByText('Target kumulatif tidak boleh turun dari bulan sebelumnya.').waitFor();
  await accessible(bappeda.page, 'emonev-dpa-refused');
  await bappeda.page.getByRole('spinbutton', { name: /^Mei: Fisik/ }).fill(String(S_CURVE[4]));
  await bappeda.page.getByRole('button', { name: 'Simpan sub-kegiatan' }).click();
  await bappeda.page.getByRole('link', { name: 'Rehabilitasi Jalan Sultan Syarif Kasim' }).waitFor();
  const tn = await fileReport(h, citizen.token);
  expect((await step(h, triage.token, tn, 'disposition', { opdCodes: ['PUPR'] })).status).toBe(200);

  // The officer: the list, the package, this month's report as a draft, then sent.
  const officer = await as(pupr.token);
  await officer.page.goto('/emonev');
  await officer.page.getByRole('heading', { name: 'e-Monev kegiatan OPD' }).waitFor();
  await accessible(officer.page, 'emonev-list-phone');
  await officer.page.getByRole('link', { name: 'Rehabilitasi Jalan Sultan Syarif Kasim' }).click();
  await officer.page.getByRole('heading', { name: 'Rencana dan realisasi per bulan' }).waitFor();
  await officer.page.getByLabel('Nomor laporan (satu per baris)').fill(tn);
  await officer.page.getByRole('button', { name: 'Tautkan pengaduan' }).click();
  await officer.page.getByRole('link', { name: tn }).waitFor();
  await accessible(officer.page, 'emonev-sub-activity-phone');
  await officer.page.getByRole('combobox', { name: /^Bulan/ }).selectOption({ label: monthName.charAt(0).toUpperCase() + monthName.slice(1) });
  // More than the budget: the server refuses it and the form marks the field.
  await officer.page.getByLabel('Realisasi fisik kumulatif (%)').fill('97.5');
  await officer.page.getByLabel('Realisasi keuangan kumulatif (Rp)').fill('5000000000');
  await officer.page.getByRole('button', { name: 'Simpan draf' }).click();
  await officer.page.getByText('Realisasi keuangan melebihi pagu anggaran.').waitFor();
  expect(await officer.page.getByLabel('Realisasi keuangan kumulatif (Rp)').getAttribute('aria-invalid')).toBe('true');
  await officer.page.getByLabel('Realisasi keuangan kumulatif (Rp)').fill('3500000000');
  await officer.page.getByLabel('Catatan pelaksanaan').fill('Pengaspalan ruas utama selesai, marka jalan menyusul.');
  await officer.page.getByRole('button', { name: 'Simpan draf' }).click();
  await officer.page.getByText('Draf', { exact: true }).waitFor();
  await accessible(officer.page, 'emonev-report-draft');
  await officer.page.getByRole('button', { name: 'Kirim ke Bappeda' }).click();
  await officer.page.getByText('Menunggu verifikasi', { exact: true }).waitFor();
  const reportUrl = officer.page.url();

  // The desk returns it with its reason; the officer corrects and resends; the desk accepts.
  await bappeda.page.goto(reportUrl);
  await bappeda.page.getByLabel('Alasan pengembalian').fill('Lampirkan foto bukti dan sesuaikan angka keuangan dengan SP2D.');
  await bappeda.page.getByRole('button', { name: 'Kembalikan dengan alasan' }).click();
  await bappeda.page.getByText('Dikembalikan', { exact: true }).first().waitFor();
  await officer.page.reload();
  await officer.page.getByText('Lampirkan foto bukti dan sesuaikan angka keuangan dengan SP2D.').first().waitFor();
  await accessible(officer.page, 'emonev-report-returned');
  await officer.page.getByLabel('Realisasi keuangan kumulatif (Rp)').fill('3400000000');
  await officer.page.getByRole('button', { name: 'Simpan perubahan' }).click();
  await officer.page.getByRole('button', { name: 'Kirim ulang' }).click();
  await officer.page.getByText('Menunggu verifikasi', { exact: true }).waitFor();
  await bappeda.page.reload();
  await bappeda.page.getByRole('button', { name: 'Terima laporan' }).click();
  await bappeda.page.getByText('Diterima', { exact: true }).first().waitFor();
  await accessible(bappeda.page, 'emonev-report-accepted');
  await officer.context.close();
  await bappeda.context.close();

  // The mayor's office: PUPR's month beside its complaints.
  const office = await as(mayor.token);
  const month = new Date(Date.now() + 7 * 3600_000).getUTCMonth() + 1;
  await office.page.goto(`/emonev/evaluasi?opd=PUPR&tahun=${year}&bulan=${month}`);
  const row = office.page.getByRole('row', { name: /Rehabilitasi Jalan Sultan Syarif Kasim/ });
  await expect.poll(() => row.textContent()).toContain('97,5%');
  await expect.poll(() => row.textContent()).toContain('Diterima');
  await expect.poll(() => office.page.locator('dl.review').textContent()).toMatch(/Pengaduan masuk\s*1/);
  await accessible(office.page, 'emonev-evaluation-phone');
  await office.context.close();

  // Anyone: the complaint's public page lists the package and its verified progress.
  const visitor = await as(null);
  await visitor.page.goto(`/laporan/${tn}`);
  await visitor.page.getByRole('heading', { name: 'Kegiatan pemerintah kota untuk laporan ini' }).waitFor();
  await visitor.page.getByText(/Rehabilitasi Jalan Sultan Syarif Kasim.*97,5%/).waitFor();
  await accessible(visitor.page, 'emonev-complaint-public');
  await visitor.context.close();
});
