import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';
import { ROAD_CSV } from '../satudata/test-fixtures.js';

// Satu Data in a real browser, on a phone: an OPD officer submits a version of its dataset, a
// wrong file is refused naming its row and column, the steward returns the version with a reason,
// the corrected version is accepted, and a visitor finds the dataset by its facets and downloads
// the file. Every page is axe-checked.
const { h, as } = await browserSuite();

const TITLE = 'Panjang jalan menurut kewenangan dan kondisi';

it('submit → return → corrected → published → found by facets and downloaded', async () => {
  const officer = await h.staff('opd_officer', 'PUPR');
  const steward = await h.staff('walidata', 'DISKOMINFOTIKSAN');

  // 1. The officer describes the dataset and its variables on the form…
  const o = await as(officer.token);
  await o.page.goto('/data/meja');
  await o.page.getByRole('link', { name: 'Dataset baru' }).click();
  await o.page.getByLabel('Judul').fill(TITLE);
  await o.page.getByLabel('Nama alamat').fill('jalan-kota');
  await o.page.getByLabel('Deskripsi').fill('Panjang jalan (km) menurut kewenangan, hasil survei tahunan Bina Marga.');
  await o.page.getByLabel('Topik').selectOption('infrastruktur');
  await o.page.getByLabel('Periode').fill('2024–2025');
  await o.page.getByLabel('Satuan').first().fill('km');
  await o.page.getByLabel('Nama kontak').fill('Bidang Bina Marga');
  await o.page.getByLabel('Surel kontak').fill('binamarga@dumaikota.go.id');
  const variables = [
    ['tahun', 'Tahun', 'Tahun survei.', 'year'],
    ['kewenangan', 'Kewenangan', 'Negara, Provinsi atau Kota.', 'text'],
    ['kode_wilayah', 'Kode wilayah', 'Kode Kemendagri kecamatan.', 'region_code'],
    ['panjang_km', 'Panjang jalan', 'Panjang ruas dalam km.', 'decimal'],
  ];
  for (const [i, [name, label, definition, type]] of variables.entries()) {
    if (i) await o.page.getByRole('button', { name: 'Tambah variabel' }).click();
    const group = o.page.getByRole('group', { name: `Variabel ${i + 1}` });
    await group.getByLabel('Nama kolom').fill(name!);
    await group.getByLabel('Label').fill(label!);
    await group.getByLabel('Definisi').fill(definition!);
    await group.getByLabel('Tipe').selectOption(type!);
  }
  await accessible(o.page, 'satudata-new');
  await o.page.getByRole('button', { name: 'Simpan dataset' }).click();
  await o.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

  // …then submits a file with a wrong cell: refused, the row and column named.
  await o.page.getByLabel('Catatan versi').fill('Survei 2024–2025.');
  await o.page.getByLabel('Berkas tabel (CSV atau XLSX)').setInputFiles({ name: 'jalan.csv', mimeType: 'text/csv', buffer: Buffer.from(ROAD_CSV.replace('14.72.02', '14.72.99')) });
  await o.page.getByRole('button', { name: 'Ajukan ke walidata' }).click();
  await o.page.getByRole('alert').getByText('Baris 4, kolom "kode_wilayah": kode wilayah "14.72.99" tidak ada dalam kode wilayah Kemendagri.').waitFor();
  await accessible(o.page, 'satudata-refused');
  await o.page.getByLabel('Berkas tabel (CSV atau XLSX)').setInputFiles({ name: 'jalan.csv', mimeType: 'text/csv', buffer: Buffer.from(ROAD_CSV.replace('98', '980')) });
  await o.page.getByRole('button', { name: 'Ajukan ke walidata' }).click();
  await o.page.getByText('Versi 1 diajukan dan menunggu pemeriksaan walidata.').waitFor();
  await accessible(o.page, 'satudata-submitted');

  // 2. The steward finds it on the desk and returns it with the reason.
  const s = await as(steward.token);
  await s.page.goto('/data/meja');
  await s.page.getByRole('link', { name: TITLE }).first().click();
  await s.page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan' }).waitFor();
  await accessible(s.page, 'satudata-review');
  await s.page.getByLabel(/^Alasan/).fill('Panjang jalan kota 2025 (980 km) melebihi seluruh jalan kota; periksa satuannya.');
  await s.page.getByRole('button', { name: 'Kembalikan ke produsen data' }).click();
  await s.page.getByText('Tersimpan: Kembalikan ke produsen data.').waitFor();

  // 3. The officer reads the reason and submits the correction.
  await o.page.reload();
  await o.page.getByText('periksa satuannya').first().waitFor();
  await o.page.getByLabel('Catatan versi').fill('Koreksi satuan panjang jalan kota 2025.');
  await o.page.getByLabel('Berkas tabel (CSV atau XLSX)').setInputFiles({ name: 'jalan.csv', mimeType: 'text/csv', buffer: Buffer.from(ROAD_CSV) });
  await o.page.getByRole('button', { name: 'Ajukan ke walidata' }).click();
  await o.page.getByText('Versi 2 diajukan dan menunggu pemeriksaan walidata.').waitFor();
  await o.context.close();

  // 4. The steward accepts it: published.
  await s.page.goto('/data/jalan-kota/versi/2');
  await s.page.getByRole('button', { name: 'Terima dan terbitkan' }).click();
  await s.page.getByText('Tersimpan: Terima dan terbitkan.').waitFor();
  await s.context.close();

  // 5. A visitor narrows the catalogue by topic, opens the dataset, sees the chart and downloads the file.
  const v = await as(null);
  await v.page.goto('/data');
  await v.page.getByRole('checkbox', { name: /Infrastruktur/ }).check();
  await v.page.getByText('1 dataset').waitFor();
  await accessible(v.page, 'satudata-search');
  await v.page.getByRole('link', { name: TITLE }).click();
  await v.page.getByText('Panjang jalan menurut Tahun').first().waitFor();
  await accessible(v.page, 'satudata-dataset');
  const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: /^Unduh jalan\.csv/ }).click()]);
  const chunks: Buffer[] = [];
  for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe(ROAD_CSV);
  await v.context.close();
});
