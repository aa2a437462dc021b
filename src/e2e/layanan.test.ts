import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessible, browserSuite } from '../test/browser.js';
import { photo } from '../test/fixtures.js';
import { renderPdf } from '../core/export/pdf.js';
import { publish } from '../layanan/test-fixtures.js';

// Public services in a real browser, on a phone: an OPD admin defines a new service and its form
// without code; a resident finds it, applies with a requirement, is asked to correct it, corrects
// it, and the application passes every step to a signed document. Every page is axe-checked.
const { h, browser, as } = await browserSuite();

/** A fieldset by its own legend (not one of the fieldsets nested in it: a group's fields, a repeat). */
const block = (page: Page, legend: string) => page.locator(`xpath=//fieldset[legend[normalize-space(.)="${legend}"]]`);

it('an OPD admin creates a service and its form; a resident applies, corrects a requirement, and ends with a signed document', async () => {
  const admin = await h.staff('opd_admin', 'DISDUKCAPIL');
  const officer = await h.staff('opd_officer', 'DISDUKCAPIL');
  const resident = await h.citizen({ fullName: 'Siti Aminah' });

  // 1. The admin defines the service and its form in the browser.
  const a = await as(admin.token);
  await a.page.goto('/layanan/kelola');
  await a.page.getByRole('heading', { level: 1, name: 'Kelola layanan' }).waitFor();
  await a.page.getByLabel('Kode (untuk alamat, mis. sk-usaha)').fill('sk-usaha');
  await a.page.getByLabel('Nama (Indonesia)').fill('Surat Keterangan Usaha');
  await a.page.getByLabel('Uraian (Indonesia)').fill('Keterangan bahwa pemohon menjalankan usaha mikro di Kota Dumai, untuk pengajuan kredit usaha rakyat.');
  await a.page.getByLabel('Dasar hukum').fill('PP 7/2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan UMKM');
  await accessible(a.page, 'layanan-manage');
  await a.page.getByRole('button', { name: 'Buat layanan' }).click();
  await a.page.getByRole('heading', { level: 1, name: 'Sunting layanan: Surat Keterangan Usaha' }).waitFor();

  await a.page.getByRole('button', { name: 'Tambah isian' }).click();
  const f1 = block(a.page, 'Isian 1');
  await f1.getByLabel('Kunci').fill('nama_usaha');
  await f1.getByLabel('Label (Indonesia)').fill('Nama usaha');
  await f1.getByLabel('Wajib').check();
  await a.page.getByRole('button', { name: 'Tambah isian' }).click();
  const f2 = block(a.page, 'Isian 2');
  await f2.getByLabel('Kunci').fill('bidang');
  await f2.getByLabel('Jenis', { exact: true }).selectOption('select');
  await f2.getByLabel('Label (Indonesia)').fill('Bidang usaha');
  await f2.getByLabel('Wajib').check();
  await f2.getByLabel('Pilihan (satu per baris: nilai=label)').fill('kuliner=Kuliner\nlainnya=Lainnya');
  await a.page.getByRole('button', { name: 'Tambah isian' }).click();
  const f3 = block(a.page, 'Isian 3');
  await f3.getByLabel('Kunci').fill('bidang_lain');
  await f3.getByLabel('Label (Indonesia)').fill('Sebutkan bidang usaha');
  await f3.getByLabel('Wajib').check();
  await f3.getByLabel('Tampil bila isian').selectOption('bidang');
  await f3.getByLabel('bernilai').fill('lainnya');
  // A repeatable group: the workers, one to three of them, each with a name and a role.
  await a.page.getByRole('button', { name: 'Tambah isian', exact: true }).click();
  const f4 = block(a.page, 'Isian 4');
  await f4.getByLabel('Jenis', { exact: true }).selectOption('group');
  await f4.getByLabel('Kunci').fill('pekerja');
  await f4.getByLabel('Label (Indonesia)').fill('Pekerja');
  await f4.getByLabel('Wajib').check();
  await f4.getByLabel('Dapat diulang').check();
  await f4.getByLabel('Paling banyak (kali)').fill('3');
  await a.page.getByRole('button', { name: 'Tambah isian ke Pekerja' }).click();
  const g1 = block(a.page, 'Isian 4.1');
  await g1.getByLabel('Kunci').fill('nama');
  await g1.getByLabel('Label (Indonesia)').fill('Nama pekerja');
  await g1.getByLabel('Wajib').check();
  await a.page.getByRole('button', { name: 'Tambah isian ke Pekerja' }).click();
  const g2 = block(a.page, 'Isian 4.2');
  await g2.getByLabel('Kunci').fill('peran');
  await g2.getByLabel('Label (Indonesia)').fill('Peran');
  await g2.getByLabel('Jenis', { exact: true }).selectOption('select');
  await g2.getByLabel('Pilihan (satu per baris: nilai=label)').fill('juru_masak=Juru masak\npelayan=Pelayan');
  await a.page.getByRole('button', { name: 'Tambah persyaratan' }).click();
  const r1 = block(a.page, 'Persyaratan 1');
  await r1.getByLabel('Kunci').fill('foto_usaha');
  await r1.getByLabel('Label (Indonesia)').fill('Foto tempat usaha');
  await a.page.getByLabel('Judul dokumen').fill('Surat Keterangan Usaha');
  await a.page.getByLabel('Isi dokumen').fill('Menerangkan bahwa {{nama_pemohon}} menjalankan usaha {{nama_usaha}} di bidang {{bidang}} {{bidang_lain}}.');
  await accessible(a.page, 'layanan-editor');
  await a.page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
  await a.page.getByText('Versi 1 terbit.').waitFor();
  await a.context.close();

  // 2. The resident finds it in the catalogue, reads its standar pelayanan, and applies.
  const c = await as(resident.token);
  await c.page.goto('/layanan?q=usaha');
  await c.page.getByRole('link', { name: 'Surat Keterangan Usaha' }).click();
  await c.page.getByRole('heading', { level: 2, name: 'Standar pelayanan' }).waitFor();
  await c.page.getByText('Foto tempat usaha').waitFor();
  await accessible(c.page, 'layanan-service');
  await c.page.getByRole('link', { name: 'Ajukan permohonan' }).click();
  await c.page.getByLabel('Nama usaha').fill('Warung Mie Aceh Bu Siti');
  // The condition opens its field only for "Lainnya".
  expect(await c.page.getByLabel('Sebutkan bidang usaha').count()).toBe(0);
  await c.page.getByLabel('Bidang usaha').selectOption('lainnya');
  await c.page.getByLabel('Sebutkan bidang usaha').fill('Jasa katering');
  // The group's first repeat is there to fill; a second is added.
  await block(c.page, 'Pekerja 1').getByLabel('Nama pekerja').fill('Rahmat Hidayat');
  await block(c.page, 'Pekerja 1').getByLabel('Peran').selectOption('juru_masak');
  await c.page.getByRole('button', { name: 'Tambah Pekerja' }).click();
  await block(c.page, 'Pekerja 2').getByLabel('Nama pekerja').fill('Nur Aisyah');
  await block(c.page, 'Pekerja 2').getByLabel('Peran').selectOption('pelayan');
  await accessible(c.page, 'layanan-apply');
  await c.page.getByRole('button', { name: 'Simpan draf dan lanjut ke persyaratan' }).click();
  await c.page.getByRole('heading', { level: 1, name: /^Permohonan DMI-LYN-/ }).waitFor();
  const number = (await c.page.getByRole('heading', { level: 1 }).textContent())!.replace('Permohonan ', '');
  await c.page.getByText('Nama pekerja: Rahmat Hidayat; Peran: Juru masak | Nama pekerja: Nur Aisyah; Peran: Pelayan').waitFor();
  // Submitting without the requirement names it.
  await c.page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await c.page.getByRole('alert').getByText(/Foto tempat usaha/).waitFor();
  await c.page.getByLabel('Unggah Foto tempat usaha').setInputFiles({ name: 'warung.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await c.page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await c.page.getByText(/^Terunggah: /).waitFor();
  await c.page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await c.page.getByText('Diajukan, menunggu pemeriksaan').waitFor();
  await accessible(c.page, 'layanan-application-submitted');

  // 3. The officer finds it in the inbox and asks for a better photo.
  const o = await as(officer.token);
  await o.page.goto('/layanan/meja');
  await o.page.getByRole('link', { name: number }).click();
  await o.page.getByLabel('Pesan').fill('Foto tempat usaha gelap; unggah ulang yang terang.');
  await o.page.getByRole('checkbox', { name: 'Foto tempat usaha' }).check();
  await accessible(o.page, 'layanan-desk-application');
  await o.page.getByRole('button', { name: 'Minta perbaikan' }).click();
  await o.page.getByText('Perlu perbaikan dari pemohon').waitFor();

  // 4. The resident corrects it.
  await c.page.reload();
  await c.page.getByText('Foto tempat usaha gelap; unggah ulang yang terang.').first().waitFor();
  await c.page.getByLabel('Unggah Foto tempat usaha').setInputFiles({ name: 'warung-terang.jpg', mimeType: 'image/jpeg', buffer: await photo('#ddcc99') });
  await c.page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await c.page.getByText(/warung-terang/).waitFor();
  await c.page.getByRole('button', { name: 'Kirim perbaikan' }).click();
  await c.page.getByText('Sedang diproses').first().waitFor();

  // 5. Every step: the check, the head's approval, the issuance.
  await o.page.reload();
  await o.page.getByRole('button', { name: 'Lanjutkan ke langkah berikut' }).click();
  await o.page.getByText('Persetujuan kepala — Sedang berjalan').waitFor();
  const head = await as(admin.token);
  await head.page.goto(`/layanan/permohonan/${number}`);
  await head.page.getByRole('button', { name: 'Setujui' }).click();
  await head.page.getByText('Disetujui, dokumen sedang diterbitkan').waitFor();
  await head.context.close();
  await o.page.reload();
  await o.page.getByRole('button', { name: 'Terbitkan dokumen' }).click();
  await o.page.getByText('Selesai: dokumen terbit').waitFor();
  await o.context.close();

  await c.page.reload();
  const download = c.page.getByRole('link', { name: 'Unduh dokumen bertanda tangan elektronik' });
  await download.waitFor();
  await accessible(c.page, 'layanan-application-issued');
  const res = await c.page.request.get((await download.getAttribute('href'))!);
  expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect((await res.body()).toString('latin1')).toContain('/ByteRange');
  await c.context.close();
});

it('an internal Wi-Fi request from an OPD goes through Diskominfotiksan’s desk', async () => {
  const kominfoAdmin = await h.staff('opd_admin', 'DISKOMINFOTIKSAN');
  const kominfo = await h.staff('opd_officer', 'DISKOMINFOTIKSAN');
  const dinsos = await h.staff('opd_officer', 'DINSOS');
  await publish(() => h, kominfoAdmin.token, 'jaringan-wifi');

  // 1. Dinas Sosial's officer finds the internal service and files the request with its memo.
  const d = await as(dinsos.token);
  await d.page.goto('/layanan?untuk=opd');
  await d.page.getByRole('link', { name: 'Permohonan Jaringan Internet dan Wi-Fi' }).waitFor();
  await accessible(d.page, 'layanan-catalogue-internal');
  await d.page.getByRole('link', { name: 'Permohonan Jaringan Internet dan Wi-Fi' }).click();
  await d.page.getByRole('link', { name: 'Ajukan permohonan' }).click();
  await d.page.getByLabel('Jenis permintaan').selectOption('tambah_titik');
  await d.page.getByLabel('Jumlah titik').fill('3');
  await d.page.getByLabel('Gedung dan ruangan').fill('Kantor Dinas Sosial, lantai 2');
  await d.page.getByLabel('Perkiraan jumlah pengguna').fill('25');
  await d.page.getByLabel('Uraian kebutuhan').fill('Sinyal Wi-Fi lantai 2 lemah untuk petugas pendataan DTKS.');
  await d.page.getByLabel('Nomor HP penanggung jawab').fill('081365400022');
  await d.page.getByRole('button', { name: 'Simpan draf dan lanjut ke persyaratan' }).click();
  await d.page.getByRole('heading', { level: 1, name: /^Permohonan DMI-LYN-/ }).waitFor();
  const number = (await d.page.getByRole('heading', { level: 1 }).textContent())!.replace('Permohonan ', '');
  await d.page.getByLabel('Unggah Nota dinas permohonan dari Kepala OPD').setInputFiles({ name: 'nota-dinas.pdf', mimeType: 'application/pdf', buffer: await renderPdf('Nota dinas', (doc) => doc.text('Nota dinas permohonan jaringan')) });
  await d.page.getByRole('button', { name: 'Unggah', exact: true }).click();
  await d.page.getByText(/^Terunggah: /).waitFor();
  await d.page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await d.page.getByText('Diajukan, menunggu pemeriksaan').waitFor();

  // 2. Diskominfotiksan's desk works it step by step; the head approves.
  const k = await as(kominfo.token);
  await k.page.goto('/layanan/meja');
  await k.page.getByRole('link', { name: number }).waitFor();
  await accessible(k.page, 'layanan-desk-inbox');
  await k.page.getByRole('link', { name: number }).click();
  await k.page.getByRole('button', { name: 'Lanjutkan ke langkah berikut' }).click();
  await k.page.getByText('Analisis teknis dan survei — Sedang berjalan').waitFor();
  await k.page.getByRole('button', { name: 'Lanjutkan ke langkah berikut' }).click();
  await k.page.getByText('Persetujuan kepala — Sedang berjalan').waitFor();
  const head = await as(kominfoAdmin.token);
  await head.page.goto(`/layanan/permohonan/${number}`);
  await head.page.getByRole('button', { name: 'Setujui' }).click();
  await head.page.getByText('Disetujui, dokumen sedang diterbitkan').waitFor();
  await head.context.close();
  await k.page.reload();
  await k.page.getByRole('button', { name: 'Terbitkan dokumen' }).click();
  await k.page.getByText('Selesai: dokumen terbit').waitFor();
  await k.context.close();

  // 3. Dinas Sosial sees it done among its own applications.
  await d.page.goto('/layanan/saya');
  await d.page.getByRole('link', { name: number }).waitFor();
  await d.page.getByText('Selesai: dokumen terbit').waitFor();
  await accessible(d.page, 'layanan-mine');
  await d.context.close();
});

