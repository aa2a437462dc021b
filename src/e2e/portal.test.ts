import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';

// The portal in a real browser, on a phone: a humas editor writes a disruption notice, the
// redaktur checks and publishes it from the desk, and a visitor finds it in the public list and
// reads it (a script in the text shows as text). Every page is axe-checked.
const { h, as } = await browserSuite();

const TITLE = 'Layanan perizinan daring terganggu';
const PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

it('an editor writes a disruption notice, a checker publishes it, it appears in the public list', async () => {
  const editor = await h.staff('portal_editor', 'DISKOMINFOTIKSAN');
  const checker = await h.staff('portal_checker', 'DISKOMINFOTIKSAN');
  const dialogs: string[] = [];

  // 1. The editor writes the notice: what, since when, until when expected, which services.
  const e = await as(editor.token);
  await e.page.goto('/portal/meja');
  await e.page.getByRole('link', { name: 'Tulis naskah' }).click();
  await e.page.getByLabel('Jenis naskah').selectOption('gangguan');
  await e.page.getByLabel('Judul').fill(TITLE);
  await e.page.getByLabel('Ringkasan').fill('Permohonan izin daring belum dapat dikirim karena pemeliharaan server.');
  await e.page.getByLabel('Isi').fill(`Pemeliharaan server pusat data kota.\n\nPermohonan tetap diterima di Mal Pelayanan Publik. ${PAYLOAD}`);
  // Without a service the notice is refused, the field named.
  const since = new Date(Date.now() - 3_600_000);
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await e.page.getByLabel('Sejak').fill(local(since));
  await e.page.getByLabel('Perkiraan selesai').fill(local(new Date(Date.now() + 4 * 3_600_000)));
  await e.page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await e.page.getByRole('alert').getByText('Sebutkan layanan yang terganggu.').waitFor();
  await accessible(e.page, 'portal-new-refused');
  await e.page.getByLabel('Layanan perizinan dan administrasi').check();
  await e.page.getByLabel('Layanan lain').fill('Loket Mal Pelayanan Publik');
  await e.page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
  await e.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await e.page.getByText('Status: Draf').waitFor();
  await accessible(e.page, 'portal-draft');
  // The editor cannot publish: no such button.
  expect(await e.page.getByRole('button', { name: 'Terbitkan' }).count()).toBe(0);
  await e.context.close();

  // 2. The checker finds it on the desk, checks it and publishes it.
  const c = await as(checker.token);
  await c.page.goto('/portal/meja');
  await accessible(c.page, 'portal-desk');
  await c.page.getByRole('link', { name: TITLE }).click();
  await c.page.getByRole('button', { name: 'Tandai sudah diperiksa' }).click();
  await c.page.getByText('Status: Sudah diperiksa').waitFor();
  // A publication time may be later (an embargo), never earlier: a backdated one is refused at its field.
  await c.page.getByLabel('Terbitkan pada').fill(local(new Date(Date.now() - 2 * 86_400_000)));
  await c.page.getByRole('button', { name: 'Terbitkan' }).click();
  await c.page.getByText('Waktu terbit tidak boleh di masa lalu.').waitFor();
  await c.page.getByLabel('Terbitkan pada').fill('');
  await c.page.getByRole('button', { name: 'Terbitkan' }).click();
  await c.page.getByText('Status: Terbit').waitFor();
  await c.page.getByText('Diterbitkan', { exact: false }).first().waitFor();
  await accessible(c.page, 'portal-published');
  await c.context.close();

  // 3. A visitor sees it in the list of disruptions, ongoing, and reads it; the script is text.
  const v = await as(null);
  v.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await v.page.goto('/gangguan');
  const card = v.page.getByRole('listitem').filter({ hasText: TITLE });
  await card.getByText('Masih berlangsung').waitFor();
  await card.getByText('Layanan perizinan dan administrasi, Loket Mal Pelayanan Publik').waitFor();
  await accessible(v.page, 'portal-list');
  await card.getByRole('link', { name: TITLE }).click();
  await v.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await v.page.getByText(PAYLOAD, { exact: false }).waitFor();
  expect(await v.page.locator('main img[src="x"], main script').count()).toBe(0);
  await accessible(v.page, 'portal-item');
  // Searching the portal in Indonesian finds it by a stemmed word.
  await v.page.goto('/portal');
  await v.page.getByLabel('Cari di portal').fill('pemeliharaan perizinan');
  await v.page.getByRole('button', { name: 'Cari' }).click();
  await v.page.getByRole('link', { name: TITLE }).waitFor();
  expect(dialogs).toEqual([]);
});
