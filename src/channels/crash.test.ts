/**
 * kill -9 of the real server process while it hands a status notice to WhatsApp: the local Cloud
 * API holds the request, the server is killed, the API then takes the message and calls the status
 * webhook back (resending until the restarted server answers). The reporter gets the notice once.
 */
import crypto from 'node:crypto';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshPostgres } from '../test/harness.js';
import { freePort, until } from '../test/wait.js';
import { photo, BAGAN_KELADI } from '../test/fixtures.js';
import { startServerProcess, processExited } from '../test/server-process.js';
import { ACCESS_TOKEN, APP_SECRET, fakeProviders, PHONE_NUMBER_ID, postWhatsApp, VERIFY_TOKEN, waMessage, type FakeProviders } from '../test/fake-providers.js';

const ADMIN = { email: 'admin.crash@dumaikota.go.id', password: 'sandi-admin-crash-1' };

describe.each(DATABASE_KINDS)('WhatsApp notice across kill -9 of the server [%s]', (kind) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  let fake: FakeProviders;

  beforeAll(async () => {
    fake = await fakeProviders();
    cleanups.push(() => fake.close());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-wa-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    let databaseUrl = '';
    if (kind === 'postgresql') {
      const pg = await freshPostgres();
      databaseUrl = pg.url;
      cleanups.push(() => pg.drop());
    }
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      KHIDMAT_SECRET_KEY: kind === 'postgresql' ? crypto.randomBytes(32).toString('base64') : '',
      WHATSAPP_API_URL: `${fake.base}/v21.0`,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      // The test runs at any hour of the real clock.
      NOTICE_QUIET_HOURS: '',
      WORKER_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      SUBMIT_RATE_LIMIT_PER_MINUTE: '100000',
      REDIS_URL: '',
      DEMO_DATA: 'off',
      SMTP_URL: '',
      SMS_URL: '',
      KHIDMAT_ADMIN_PASSWORD: ADMIN.password,
    };
    // The deployment's first super admin, as an operator makes it (before the server holds PGlite's directory).
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', '--email', ADMIN.email, '--name', 'Admin Uji'], { env, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('brings the status notice once', async () => {
    let server: ChildProcess = await startServerProcess(env, baseUrl);
    cleanups.push(async () => {
      server.kill('SIGKILL');
      await processExited(server);
    });
    fake.statusWebhook = `${baseUrl}/api/v1/channels/whatsapp/webhook`;

    const phone = '6281277009009';
    const replies = () => fake.whatsapp.filter((m) => m.to === phone && m.type === 'text').map((m) => m.text!);
    const say = async (content: Parameters<typeof waMessage>[1], expectReply: RegExp) => {
      expect((await postWhatsApp(baseUrl, waMessage(phone, content))).status).toBe(200);
      return until(`a reply matching ${expectReply}`, () => replies().find((r) => expectReply.test(r)));
    };
    const welcome = await say({ text: 'halo' }, /Pilih kategori/);
    const subs = await say({ text: /(\d+)\. Infrastruktur/.exec(welcome)![1]! }, /Kembali/);
    await say({ text: /(\d+)\. Jalan rusak/.exec(subs)![1]! }, /Ceritakan masalahnya/);
    await say({ text: 'Lubang besar di depan pasar, sudah dua minggu.' }, /Kirim satu foto/);
    fake.media.set('media-crash', await photo());
    await say({ imageId: 'media-crash' }, /Bagikan lokasi/);
    await say({ lat: BAGAN_KELADI.lat, lng: BAGAN_KELADI.lng }, /Foto: ada/);
    const tn = /nomor (DMI-\d{4}-\d{6})/.exec(await say({ text: '1' }, /nomor DMI-/))![1]!;

    // The Cloud API holds the status notice until the server is dead.
    let arrived!: () => void;
    const held = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    fake.onSend = async () => {
      arrived();
      await gate;
    };
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: ADMIN.email, password: ADMIN.password }) });
    const { token } = (await login.json()) as { token: string };
    const verified = await fetch(`${baseUrl}/api/v1/reports/${tn}/verify`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Diteruskan ke Dinas PUPR.' }) });
    expect(verified.status).toBe(200);
    await held;
    server.kill('SIGKILL');
    await processExited(server);
    expect(server.signalCode).toBe('SIGKILL');
    fake.onSend = undefined;
    release();

    server = await startServerProcess(env, baseUrl);
    await until('the status webhook accepted', () => fake.pendingCallbacks() === 0, 120_000);
    // Worker rounds every 200 ms: a resend, if there were one, would come within these seconds.
    await new Promise((r) => setTimeout(r, 3000));
    const notices = fake.whatsapp.filter((m) => m.to === phone && m.type === 'template');
    expect(notices.map((m) => m.template!.params)).toEqual([[tn, 'Diverifikasi', 'Diteruskan ke Dinas PUPR.']]);
  }, 900_000);
});
