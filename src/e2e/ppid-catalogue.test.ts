import fs from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessible, newContext, browserSuite } from '../test/browser.js';
import { renderPdf } from '../core/export/pdf.js';

// The information catalogue (DIP) in a real browser, on a phone: an OPD officer drafts an item with
// a file, the OPD's PPID Pelaksana checks it, the head approves, the PPID publishes, and a visitor
// without an account finds it by searching and downloads the file. Every page is axe-checked.
const { h, browser, as } = await browserSuite();

/** Opens a step's folded form on the item page and takes it with its own button. */
async function takeStep(page: Page, name: string, done: string) {
  await page.locator('summary', { hasText: name }).click();
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByText(`Tersimpan: ${done}.`).waitFor();
}

const TITLE = 'Daftar kontrak pemeliharaan jalan kota 2026';

it('publishes an item through the approval chain; a visitor finds it by search and downloads its file', async () => {
  const officer = await h.staff('opd_officer', 'PUPR');
  const ppid = await h.staff('ppid_pelaksana', 'PUPR');
  const head = await h.staff('opd_admin', 'PUPR');
  const pdf = await renderPdf('Kontrak', (d) => d.text('Daftar kontrak pemeliharaan jalan kota 2026'));

  // 1. The officer writes the draft on a phone, with the file.
  const o = await as(officer.token);
  await o.page.goto('/ppid/dip/kelola');
  await o.page.getByRole('heading', { level: 1, name: 'Kelola Daftar Informasi Publik' }).waitFor();
  await o.page.getByText('Tidak ada informasi dengan status ini.').waitFor();
  await accessible(o.page, 'ppid-dip-desk-empty');
  await o.page.getByRole('link', { name: 'Tulis informasi baru' }).click();
  await o.page.getByLabel('Jenis informasi').selectOption('setiap_saat');
  await o.page.getByLabel('Judul informasi').fill('Ko');
  await o.page.getByLabel('Ringkasan').fill('Paket pemeliharaan jalan kota tahun 2026: penyedia, nilai kontrak dan masa pelaksanaan.');
  await o.page.getByLabel('Penanggung jawab').fill('Kepala Bidang Bina Marga');
  await o.page.getByLabel('Periode').fill('2026');
  await o.page.getByLabel(/^Berkas \(PDF/).setInputFiles({ name: 'Kontrak jalan 2026.pdf', mimeType: 'application/pdf', buffer: pdf });
  await o.page.getByText('Kontrak jalan 2026.pdf').waitFor();
  // A wrong file is refused beside the file field, in Indonesian.
  await o.page.getByLabel(/^Berkas \(PDF/).setInputFiles({ name: 'kontrak.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) });
  await expect.poll(() => o.page.getByLabel(/^Berkas \(PDF/).getAttribute('aria-invalid')).toBe('true');
  // The server's refusal of the too-short title appears beside it.
  await o.page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect.poll(() => o.page.getByLabel('Judul informasi').getAttribute('aria-invalid')).toBe('true');
  await accessible(o.page, 'ppid-dip-draft-form');
  await o.page.getByLabel('Judul informasi').fill(TITLE);
  await o.page.getByRole('button', { name: 'Simpan draf' }).click();
  await o.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await o.page.getByText('Draf', { exact: true }).waitFor();
  await accessible(o.page, 'ppid-dip-draft');
  const url = new URL(o.page.url());
  await o.context.close();

  // A draft is not public.
  const early = await as(null);
  await early.page.goto(url.pathname);
  await early.page.getByRole('alert').getByText('Informasi DIP tidak ditemukan.').waitFor();
  await early.context.close();

  // 2. The OPD's PPID Pelaksana finds it waiting and checks it.
  const p = await as(ppid.token);
  await p.page.goto('/ppid/dip/kelola');
  await p.page.getByRole('link', { name: TITLE }).click();
  await p.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await accessible(p.page, 'ppid-dip-item-ppid');
  await takeStep(p.page, 'Tandai sudah diperiksa', 'Diperiksa PPID');

  // 3. The head approves.
  const a = await as(head.token);
  await a.page.goto(url.pathname);
  await takeStep(a.page, 'Setujui untuk diumumkan', 'Disetujui pimpinan');
  await a.context.close();

  // 4. The PPID publishes; the history shows the chain.
  await p.page.reload();
  await takeStep(p.page, 'Umumkan', 'Diumumkan');
  const history = p.page.getByRole('region', { name: 'Riwayat' });
  for (const step of ['Draf dibuat', 'Diperiksa PPID', 'Disetujui pimpinan', 'Diumumkan']) await history.getByText(step, { exact: true }).waitFor();
  await accessible(p.page, 'ppid-dip-item-published');
  await p.context.close();

  // 5. A visitor without an account searches the catalogue and downloads the file.
  const v = await as(null);
  await v.page.goto('/ppid/dip');
  await v.page.getByRole('heading', { level: 1, name: 'Daftar Informasi Publik (DIP)' }).waitFor();
  await v.page.getByLabel('Cari informasi').fill('kontrak pemeliharaan jalan');
  await v.page.getByRole('button', { name: 'Cari', exact: true }).click();
  await v.page.getByRole('link', { name: TITLE }).waitFor();
  await accessible(v.page, 'ppid-dip-search');
  await v.page.getByRole('link', { name: TITLE }).click();
  await v.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  expect(await v.page.getByRole('region', { name: 'Riwayat' }).count()).toBe(0);
  await accessible(v.page, 'ppid-dip-item-public');
  const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.getByRole('link', { name: 'Unduh Kontrak jalan 2026.pdf' }).click()]);
  expect(download.suggestedFilename()).toBe('Kontrak jalan 2026.pdf');
  expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  await v.context.close();
});

it('lists an exempt item with its reason and no file, and keeps the list usable on a small phone', async () => {
  const utama = await h.staff('ppid_utama', 'DISKOMINFOTIKSAN');
  const atasan = await h.staff('atasan_ppid', 'DISKOMINFOTIKSAN');
  const body = {
    opdCode: 'DINSOS',
    class: 'dikecualikan',
    title: 'Data pribadi penerima bantuan sosial',
    summary: 'Nama, NIK dan alamat setiap penerima bantuan sosial dari DTSEN.',
    responsible: 'Kepala Dinas Sosial',
    format: 'Basis data',
    period: 'Berjalan',
    retention: 'Selama terdaftar',
    exemption: 'h',
    legalBasis: 'UU 14/2008 Pasal 17 huruf h; UU 27/2022',
    consequenceTest: 'Membuka data per orang mengungkap rahasia pribadi penerima.',
  };
  const created = await h.call('POST', '/api/v1/ppid/catalogue', { token: utama.token, body });
  for (const [path, token] of [['check', utama.token], ['approve', atasan.token], ['publish', utama.token]] as const) {
    expect((await h.call('POST', `/api/v1/ppid/catalogue/${created.body.id}/${path}`, { token, body: {} })).status).toBe(200);
  }
  const context = await newContext(browser, h.baseUrl, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/ppid/dip?jenis=dikecualikan');
  const card = page.getByRole('listitem').filter({ hasText: body.title });
  await card.getByText('Dikecualikan: Pasal 17 huruf h — Mengungkap rahasia pribadi').waitFor();
  await card.getByText(body.consequenceTest).waitFor();
  expect(await card.getByRole('link', { name: /^Unduh/ }).count()).toBe(0);
  // Nothing wider than the phone.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await accessible(page, 'ppid-dip-exempt');
  await context.close();
});
