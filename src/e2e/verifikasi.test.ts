import { expect, it } from 'vitest';
import { accessible, signedIn, browserSuite } from '../test/browser.js';
import { issueLetter, tamper } from '../core/signing/test-fixtures.js';

// The page a signed document's QR code opens, on a phone, without an account: the registry's facts
// with the holder masked; a faithful PDF checks as authentic, a changed one does not; once revoked
// the page says so with the date. Every state is axe-checked.
const { h, browser } = await browserSuite();

it('shows a signed document, tells an authentic copy from a changed one, and shows it revoked', async () => {
  const doc = await issueLetter(h.ctx, { holderName: 'Budi Santoso', validUntil: new Date(Date.now() + 365 * 86_400_000) });
  const path = new URL(doc.verificationUrl).pathname;
  const { page } = await signedIn(browser, h.baseUrl, null);
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'Verifikasi dokumen' }).waitFor();
  await page.getByText(doc.documentNumber).waitFor();
  await expect.poll(() => page.locator('.verify-facts').innerText()).toContain('Bu*** Sa***');
  const facts = await page.locator('.verify-facts').innerText();
  expect(facts).toContain('Berlaku');
  expect(facts).toContain('Dinas Kependudukan');
  expect(facts).toContain(doc.sha256);
  expect(facts).not.toContain('Budi');
  await accessible(page, 'verifikasi-valid');

  const file = page.getByLabel('Berkas PDF (maks. 10 MB)');
  await file.setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.from(doc.pdf) });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.getByText('Asli: berkas ini sama persis dengan dokumen yang diterbitkan.').waitFor();
  await accessible(page, 'verifikasi-asli');

  await file.setInputFiles({ name: 'surat-diubah.pdf', mimeType: 'application/pdf', buffer: tamper(doc.pdf) });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await page.getByText('Tidak cocok: berkas ini telah diubah setelah ditandatangani.', { exact: false }).waitFor();
  await accessible(page, 'verifikasi-diubah');

  // Not a PDF: refused beside the field, in Indonesian.
  await file.setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan pdf') });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect.poll(() => file.getAttribute('aria-invalid')).toBe('true');
  await page.getByText('Unggah berkas PDF dokumen ini.').waitFor();

  const admin = await h.staff('opd_admin', 'DISDUKCAPIL');
  const revoked = await h.call('POST', `/api/v1/signed-documents/${doc.id}/revoke`, { token: admin.token, body: { reason: 'Diganti surat yang baru.' } });
  expect(revoked.status, revoked.text).toBe(204);
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'telah dicabut oleh penerbitnya' }).waitFor();
  expect(await page.locator('.verify-facts').innerText()).toContain('Dicabut');
  await accessible(page, 'verifikasi-dicabut');

  await page.goto('/verifikasi/AAAAAAAAAAAAAAAA');
  await page.getByText('Dokumen tidak ditemukan.', { exact: false }).waitFor();
  await accessible(page, 'verifikasi-tidak-ditemukan');
});

