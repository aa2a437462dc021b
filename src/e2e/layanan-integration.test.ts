import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';
import { photo } from '../test/fixtures.js';
import { act, domisili, localWebhooks, publish, scan, upload } from '../layanan/test-fixtures.js';
import { deliverWebhooks } from '../layanan/webhook-delivery.js';

// The integration section of a service's editor, on a phone: its OPD admin sets the webhook and
// sees a failed delivery in the log, creates an API key (shown once) and revokes it. Axe-checked.
const { h, as } = await browserSuite(localWebhooks());

it('an OPD admin sets the service’s webhook, reads its delivery log, and creates and revokes an API key', async () => {
  const admin = await h.staff('opd_admin', 'DISDUKCAPIL');
  await publish(() => h, admin.token, 'sk-domisili');
  const { page } = await as(admin.token);
  await page.goto('/layanan/kelola/sk-domisili');
  await page.getByRole('heading', { level: 2, name: 'Integrasi dengan sistem OPD' }).waitFor();
  await page.getByText('Belum ada webhook.').waitFor();

  // Nothing listens on port 9 (discard): the delivery fails and waits for its next try.
  await page.getByLabel('Alamat webhook (https://…)').fill('http://127.0.0.1:9/khidmat');
  await page.getByLabel('Rahasia penandatanganan (min. 16 karakter; tidak ditampilkan lagi)').fill('rahasia-bersama-2026-siak');
  await page.getByRole('button', { name: 'Simpan webhook' }).click();
  await page.getByRole('button', { name: 'Hentikan webhook' }).waitFor();

  const citizen = await h.citizen();
  const number = (await h.call('POST', '/api/v1/layanan/applications', { token: citizen.token, body: { serviceCode: 'sk-domisili', answers: domisili() } })).body.number as string;
  await upload(() => h, citizen.token, number, 'kk', await scan('Kartu Keluarga'));
  await upload(() => h, citizen.token, number, 'pengantar_rt', await photo(), 'pengantar.jpg', 'image/jpeg');
  expect((await act(() => h, citizen.token, number, 'submit')).status).toBe(200);
  expect(await deliverWebhooks(h.ctx)).toBe(1);

  await page.reload();
  const row = page.locator('tr', { hasText: number });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('application.submitted');
  await expect(row.textContent()).resolves.toContain('Menunggu');

  await page.getByLabel('Nama sistem').fill('SIAK Disdukcapil');
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  const shown = page.getByRole('status').filter({ hasText: 'Salin kunci ini sekarang' });
  await expect(shown.locator('code').textContent()).resolves.toMatch(/^khl_/);
  await accessible(page, 'layanan-integration');

  await page.getByRole('button', { name: 'Cabut SIAK Disdukcapil' }).click();
  await page.locator('li', { hasText: 'SIAK Disdukcapil' }).getByText('Dicabut', { exact: true }).waitFor();
  expect((await h.call('GET', '/api/v1/layanan/opd-keys', { token: admin.token })).body[0].revokedAt).not.toBeNull();
});
