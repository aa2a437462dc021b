import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { axe, newContext, screenshot, browserSuite } from '../test/browser.js';
import { BAGAN_KELADI } from '../test/fixtures.js';
import { reportPhotos, reports } from '../aduan/schema.js';

// A report composed with no connection is kept on the phone and filed exactly once when it returns.
const { h, browser } = await browserSuite();

const reportsOf = (userId: string) => h.ctx.db.select().from(reports).where(eq(reports.reporterId, userId));

it('installs as a PWA, queues a report with its photo offline, and files it once when back online', async () => {
  const citizen = await h.citizen({ fullName: 'Warga Pesisir' });
  const context = await newContext(browser, h.baseUrl, { pwa: true });
  await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
  const page = await context.newPage();

  // First visit online: the service worker installs and precaches the app; reference data is kept.
  await page.goto('/lapor');
  await page.getByLabel('Kategori').waitFor();
  const manifest = await (await fetch(`${h.baseUrl}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
  // Every file the service worker precaches exists (one 404 and it never installs).
  const sw = await (await fetch(`${h.baseUrl}/sw.js`)).text();
  const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/.exec(sw)![1]!) as string[];
  const missing = [];
  for (const url of precache) if (!(await fetch(h.baseUrl + url, { headers: { accept: url === '/' ? 'text/html' : '*/*' } })).ok) missing.push(url);
  expect(missing).toEqual([]);
  // In-page code is passed as text: the server's tsconfig has no DOM types.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await page.reload();
  await expect(page.evaluate('navigator.serviceWorker.controller !== null')).resolves.toBe(true);
  await page.getByLabel('Kategori').waitFor();

  // Offline from here: even a reload opens the app (from the service worker's cache).
  await context.setOffline(true);
  await page.reload();
  await page.getByText('Anda sedang offline.', { exact: false }).waitFor();
  await page.getByLabel('Kategori').selectOption('INF-JALAN');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Judul singkat').fill('Drainase tersumbat di Jl. Pangkalan Sesai');
  await page.getByLabel('Uraian').fill('Air meluap ke jalan setiap hujan, saluran penuh sampah dan lumpur.');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Kelurahan').selectOption(BAGAN_KELADI.code);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  const jpeg = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3b6e8f' } }).jpeg().toBuffer();
  await page.getByLabel('Foto (maks. 5)').setInputFiles({ name: 'drainase.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByRole('img', { name: 'Foto 1 yang akan dikirim' }).waitFor();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByText('Laporan disimpan, menunggu koneksi').first().waitFor();
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'citizen-offline-queued');

  // The waiting report survives a reload, and the app says what is waiting.
  await page.goto('/laporan-saya');
  await page.getByRole('heading', { name: 'Menunggu dikirim (1)' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Menunggu dikirim (1)' }).waitFor();
  await page.getByText('Drainase tersumbat di Jl. Pangkalan Sesai').waitFor();
  expect(await axe(page)).toEqual([]);
  await screenshot(page, 'citizen-offline-waiting');
  expect(await reportsOf(citizen.userId)).toHaveLength(0);

  // Back online: it is sent by itself, photo first.
  await context.setOffline(false);
  const sent = page.getByText(/^Terkirim otomatis:/);
  await sent.waitFor();
  const tn = (await sent.getByRole('link').textContent())!.trim();
  await page.getByRole('heading', { name: /Menunggu dikirim/ }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Drainase tersumbat di Jl. Pangkalan Sesai' }).waitFor();
  await screenshot(page, 'citizen-offline-sent');
  const filed = await reportsOf(citizen.userId);
  expect(filed.map((r) => r.trackingNumber)).toEqual([tn]);
  const photos = await h.ctx.db.select().from(reportPhotos).where(eq(reportPhotos.reportId, filed[0]!.id));
  expect(photos).toHaveLength(1);

  // A retry after a lost answer (the queue entry still there, same key) and repeated triggers —
  // reload, the online event twice — must not file it again.
  const sentLog = "JSON.parse(localStorage.getItem('khidmat.outbox.sent') ?? '[]')";
  const key = await page.evaluate<string>(`${sentLog}[0].id`);
  // The exact submission the outbox made: same key, same body, photo already uploaded.
  const again = {
    id: key,
    userId: citizen.userId,
    createdAt: new Date().toISOString(),
    draft: {
      class: 'pengaduan',
      categoryCode: 'INF-JALAN',
      title: 'Drainase tersumbat di Jl. Pangkalan Sesai',
      description: 'Air meluap ke jalan setiap hujan, saluran penuh sampah dan lumpur.',
      lat: filed[0]!.lat,
      lng: filed[0]!.lng,
      kelurahanCode: BAGAN_KELADI.code,
      anonymous: false,
      confidential: false,
    },
    state: 'waiting',
  };
  // Listen before the entry goes back: a sync still running from going online may send it at once.
  const replays: string[] = [];
  page.on('response', (res) => {
    if (res.request().method() === 'POST' && res.url().endsWith('/api/v1/reports')) replays.push(`${res.status()} ${res.headers()['idempotent-replayed']}`);
  });
  await page.evaluate(`new Promise((resolve, reject) => {
    const req = indexedDB.open('khidmat', 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const t = req.result.transaction('outbox', 'readwrite');
      t.objectStore('outbox').put({ ...${JSON.stringify(again)}, photos: [{ blob: new Blob(['x']), uploadId: ${JSON.stringify(photos[0]!.uploadId)} }] });
      t.oncomplete = () => { req.result.close(); resolve(true); };
      t.onerror = () => reject(t.error);
    };
  })`);
  await page.reload();
  await page.evaluate("window.dispatchEvent(new Event('online')); window.dispatchEvent(new Event('online'))");
  const queueEmpty = `new Promise((resolve) => {
    const req = indexedDB.open('khidmat', 1);
    req.onsuccess = () => {
      const c = req.result.transaction('outbox').objectStore('outbox').count();
      c.onsuccess = () => { req.result.close(); resolve(c.result === 0); };
    };
  })`;
  await page.waitForFunction(queueEmpty);
  // The server recognised the key and answered with the report it had already filed. (Polled: the
  // browser reports the response over the protocol, possibly after the page has emptied its queue.)
  await expect.poll(() => replays).toEqual(['201 true']);
  await expect(page.evaluate(`${sentLog}.map((s) => s.trackingNumber)`)).resolves.toEqual([tn]);
  expect((await reportsOf(citizen.userId)).map((r) => r.trackingNumber)).toEqual([tn]);
  await context.close();
}, 120_000);

it('keeps a report whose session ran out and sends it once the citizen logs in again', async () => {
  const email = `sesi${Date.now()}@mail.test`;
  const citizen = await h.citizen({ email });
  const context = await newContext(browser, h.baseUrl, { pwa: true });
  await context.addCookies([{ name: 'khidmat_session', value: citizen.token, url: h.baseUrl }]);
  const page = await context.newPage();
  await page.goto('/lapor');
  await page.getByLabel('Kategori').selectOption('INF-JALAN');
  await context.clearCookies(); // the session ends while the citizen is typing
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Judul singkat').fill('Pohon tumbang menutup jalan');
  await page.getByLabel('Uraian').fill('Pohon besar tumbang setelah hujan angin, jalan tertutup sebagian.');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByLabel('Kelurahan').selectOption(BAGAN_KELADI.code);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByText('Sesi Anda sudah berakhir.', { exact: false }).waitFor();
  expect(await reportsOf(citizen.userId)).toHaveLength(0);

  await page.getByRole('link', { name: 'Masuk lagi' }).click();
  await page.getByLabel('NIK, email, atau nomor HP').fill(email);
  await page.getByLabel('Kata sandi').fill('kata-sandi-1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/laporan-saya$/);
  await page.getByText(/^Terkirim otomatis:/).waitFor();
  expect((await reportsOf(citizen.userId)).map((r) => r.title)).toEqual(['Pohon tumbang menutup jalan']);
  await context.close();
});
