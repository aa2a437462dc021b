/**
 * The status page while the database is down: a real server process reaches its own PostgreSQL
 * database through a TCP proxy the test then stops (the machine's PostgreSQL keeps running for
 * everyone else). The status API, the plain HTML page and the web app's page still answer — with
 * the database down, the disruption notice published before, and when it was read — also for a
 * visitor with a session, whose session is not looked up there.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContext } from '../bootstrap.js';
import { createStaff } from '../core/auth/service.js';
import { freshPostgres } from '../test/harness.js';
import { processExited, startServerProcess } from '../test/server-process.js';
import { freePort, until } from '../test/wait.js';
import { disruption } from '../portal/test-fixtures.js';
import { snapshotFile } from './monitor.js';
import { accessible, launchBrowser, signedIn } from '../test/browser.js';

/** A TCP relay to PostgreSQL; stop() closes it and cuts every connection, as a dead network would. */
function tcpProxy(target: URL): Promise<{ port: number; stop(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stop() {
          server.close();
          for (const s of sockets) s.destroy();
        },
      }),
    ),
  );
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('status page while the database is down [postgresql]', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let baseUrl: string;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let dataDir: string;
  let server: ChildProcess;

  beforeAll(async () => {
    const pg = await freshPostgres();
    cleanups.push(() => pg.drop());
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-outage-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    proxy = await tcpProxy(new URL(pg.url));
    cleanups.push(async () => proxy.stop());
    const viaProxy = new URL(pg.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const secretKey = crypto.randomBytes(32).toString('base64');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = await startServerProcess(
      { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: viaProxy.toString(), KHIDMAT_SECRET_KEY: secretKey, LOG_LEVEL: 'fatal', REDIS_URL: '', STATUS_CHECK_SECONDS: '2', STATUS_HEARTBEAT_SECONDS: '2', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
      baseUrl,
    );
    cleanups.push(async () => {
      server.kill('SIGKILL');
      await processExited(server);
    });
    // The portal's two desks, made the way create-admin makes accounts: straight into the database.
    const { ctx, database } = await createContext({ ...loadConfig({}), databaseUrl: pg.url, secretKey, dataDir: path.join(dataDir, 'setup') });
    for (const role of ['portal_editor', 'portal_checker'] as const) {
      await createStaff(ctx, { fullName: `Humas ${role}`, email: `${role}@test.dumaikota.go.id`, role, opdId: null, password: 'rahasia-123' });
    }
    await database.close();
  }, 600_000);

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  const call = async (method: string, url: string, opts: { token?: string; body?: unknown; cookie?: string } = {}) => {
    const res = await fetch(baseUrl + url, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.cookie ? { cookie: opts.cookie, accept: 'text/html' } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : null,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    return { status: res.status, text, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null };
  };
  const login = async (email: string) => (await call('POST', '/api/v1/auth/login', { body: { identifier: email, password: 'rahasia-123' } })).body.token as string;

  it('shows the database down, the notice published before and when it was read, without the database', async () => {
    const [editor, checker] = [await login('portal_editor@test.dumaikota.go.id'), await login('portal_checker@test.dumaikota.go.id')];
    const now = Date.now();
    const notice = disruption({ title: 'Pusat data nasional terganggu', since: new Date(now - 3600_000).toISOString(), expectedEnd: new Date(now + 86_400_000).toISOString() });
    const draft = await call('POST', '/api/v1/portal/drafts', { token: editor, body: notice });
    expect(draft.status).toBe(201);
    for (const action of ['check', 'publish']) expect((await call('POST', `/api/v1/portal/drafts/${draft.body.id}/${action}`, { token: checker, body: {} })).status).toBe(200);

    // The notice, and the job queue up once its first heartbeat is written (every 2 s here, as the server's check).
    const before = await until('the notice and the heartbeat on the status page', async () => {
      const s = await call('GET', '/api/v1/status');
      const queue = s.body?.components?.find((c: { key: string }) => c.key === 'job-queue')?.status;
      return s.body?.disruptions?.length && queue === 'up' ? s.body : undefined;
    }, 120_000);
    expect(before).toMatchObject({ overall: 'up' });
    expect(before.components.find((c: { key: string }) => c.key === 'database').status).toBe('up');

    proxy.stop();
    const during = await until('the database shown down', async () => {
      const s = await call('GET', '/api/v1/status');
      return s.body?.overall === 'down' ? s : undefined;
    }, 90_000);
    expect(during.status).toBe(200);
    const components = Object.fromEntries((during.body.components as { key: string; status: string }[]).map((c) => [c.key, c.status]));
    expect(components).toMatchObject({ database: 'down', 'job-queue': 'unknown', 'file-storage': 'up' });
    expect(new Set(during.body.modules.map((m: { status: string }) => m.status))).toEqual(new Set(['down']));
    expect(during.body.disruptions).toEqual([expect.objectContaining({ title: notice.title, summary: notice.summary, services: notice.services })]);
    expect(Date.parse(during.body.disruptionsReadAt)).toBeLessThan(Date.parse(during.body.builtAt));
    expect(JSON.parse(fs.readFileSync(snapshotFile(dataDir), 'utf8'))).toMatchObject({ overall: 'down', disruptions: [{ title: notice.title }] });

    // A visitor with a session: neither the status nor the pages look it up.
    const cookie = `khidmat_session=${editor}`;
    const withSession = await call('GET', '/api/v1/status', { token: editor });
    expect([withSession.status, withSession.body.overall]).toEqual([200, 'down']);
    const plain = await call('GET', '/status.html', { cookie });
    expect(plain.status).toBe(200);
    expect(plain.text).toContain(notice.title);
    expect(plain.text).toContain('Basis data <span lang="en">(Database)</span>: <strong class="down">');
    // The web app's page on a phone, for a resident still signed in: the shell and its files come from disk.
    const browser = await launchBrowser();
    try {
      const { page } = await signedIn(browser, baseUrl, editor);
      await page.goto('/status');
      await page.getByText('Layanan sedang tidak berfungsi').waitFor();
      await page.getByText(notice.title).waitFor();
      expect(await page.getByRole('listitem').filter({ hasText: /^Basis data/ }).textContent()).toContain('Tidak berfungsi');
      await accessible(page, 'status-database-down');
    } finally {
      await browser.close();
    }
    // Everything else does need the database, and says so without hanging.
    expect((await call('GET', '/api/v1/ready')).status).toBe(503);
  }, 300_000);
});
