import { expect, it } from 'vitest';
import { accessible, browserSuite } from '../test/browser.js';
import { until } from '../test/wait.js';
import { EXAMPLE_ROWS } from '../skm/test-fixtures.js';
import { disruption, published } from '../portal/test-fixtures.js';
import { PUPR_DPA } from '../emonev/test-fixtures.js';

// The status and transparency pages on a phone: a resident sees which services work, the disruption
// notice the portal published, the same without JavaScript at /status.html, and the year's figures
// (IKM of the complaint desk, an OPD's e-monev budget).
// The server checks every second here (20 s by default), so a published notice shows at once.
const { h, as } = await browserSuite({ status: { checkMs: 1000, heartbeatMs: 30_000 } });

it('shows the status with the disruption notice and the year’s figures on a phone', async () => {
  const units = (await h.call('GET', '/api/v1/skm/units')).body.items as { kind: string; publicKey: string }[];
  const desk = units.find((u) => u.kind === 'aduan_desk')!;
  for (const scores of EXAMPLE_ROWS) expect((await h.call('POST', `/api/v1/skm/units/by-key/${desk.publicKey}/answers`, { body: { scores } })).status).toBe(201);
  const bappeda = await h.staff('bappeda');
  expect((await h.call('POST', '/api/v1/emonev/dpa', { token: bappeda.token, body: PUPR_DPA })).status).toBe(201);
  const editor = await h.staff('portal_editor', 'DISKOMINFOTIKSAN');
  const checker = await h.staff('portal_checker', 'DISKOMINFOTIKSAN');
  const now = Date.now();
  const title = 'Gangguan jaringan pusat data nasional';
  await published(() => h, editor.token, checker.token, disruption({ title, since: new Date(now - 3600_000).toISOString(), expectedEnd: new Date(now + 86_400_000).toISOString() }));
  // The notice appears with the next check.
  await until('the notice in the status snapshot', async () => (await h.call('GET', '/api/v1/status')).body.disruptions?.length, 60_000);

  const { page, context } = await as(null);
  await page.goto('/status');
  await page.getByRole('heading', { name: 'Status layanan' }).waitFor();
  await page.getByText(title).waitFor();
  await expect.poll(() => page.getByRole('listitem').filter({ hasText: /^Basis data/ }).textContent()).toContain('Berfungsi');
  await page.getByRole('listitem').filter({ hasText: /^Pengaduan masyarakat/ }).waitFor();
  await accessible(page, 'status-phone');

  await page.getByRole('link', { name: 'Versi ringan tanpa JavaScript' }).click();
  await page.getByText(title).waitFor();
  expect(await page.locator('script').count()).toBe(0);
  await accessible(page, 'status-plain-phone');

  await page.goto('/transparansi');
  await page.getByRole('heading', { name: 'Transparansi' }).waitFor();
  const ikm = page.getByRole('row', { name: /Layanan Pengaduan Masyarakat/ });
  await expect.poll(() => ikm.textContent()).toContain('81,11');
  expect(await ikm.textContent()).toContain('B (Baik)');
  // PUPR's DPA of 4 billion rupiah, nothing spent yet.
  const realisation = page.getByRole('row', { name: /Dinas Pekerjaan Umum/ }).filter({ hasText: '4.000.000.000' });
  expect(await realisation.textContent()).toContain('0,00%');
  await accessible(page, 'transparansi-phone');
  await context.close();
}, 180_000);
