/**
 * Scale-out mode end to end: two real server processes (node + tsx, as `npm run dev` runs them) on
 * different ports against one PostgreSQL database and one Redis. Needs TEST_DATABASE_URL and a Redis
 * at TEST_REDIS_URL (default redis://127.0.0.1:6379); skipped without them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { freePort, until } from './wait.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const u = new URL(REDIS_URL);
  const s = net.connect({ host: u.hostname, port: Number(u.port || 6379) }, () => (s.end(), resolve(true)));
  s.on('error', () => resolve(false));
});
const enabled = !!process.env.TEST_DATABASE_URL && redisUp;

interface Instance {
  name: string;
  base: string;
  proc: ChildProcess;
  output: string[];
}

describe.skipIf(!enabled)('scale-out: two instances, one PostgreSQL, one Redis', () => {
  const dbName = `khidmat_t_${crypto.randomBytes(5).toString('hex')}`;
  const prefix = `khidmat-test-${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-scale-'));
  let dbUrl: string;
  let db: pg.Pool;
  let a: Instance;
  let b: Instance;

  async function start(name: string, port: number): Promise<Instance> {
    const output: string[] = [];
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        KHIDMAT_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dataDir, name),
        WORKER_INTERVAL_MS: '300',
        SLA_SWEEP_INTERVAL_MS: '400',
        // Client addresses come from X-Forwarded-For, so each simulated citizen has its own.
        TRUST_PROXY: 'true',
        AUTH_RATE_LIMIT_PER_MINUTE: '6',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean)));
    proc.stderr!.on('data', (d: Buffer) => output.push(...d.toString().split('\n').filter(Boolean)));
    const base = `http://127.0.0.1:${port}`;
    await until(`${name} to be ready`, async () => (await fetch(`${base}/api/v1/ready`)).status === 200);
    return { name, base, proc, output };
  }

  const call = async (i: Instance, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(i.base + url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };

  let nik = 1;
  let ip = 1;
  async function citizen(on: Instance): Promise<{ token: string; ip: string }> {
    const addr = `10.0.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`;
    const res = await call(
      on,
      'POST',
      '/api/v1/auth/register',
      { nik: `147201120890${String(5000 + nik).padStart(4, '0')}`, email: `warga${nik++}@scale.test`, fullName: 'Warga Uji', password: 'kata-sandi-1' },
      { 'x-forwarded-for': addr },
    );
    if (res.status !== 201) throw new Error(`register: ${JSON.stringify(res.body)}`);
    return { token: res.body.token as string, ip: addr };
  }

  const report = (title: string) => ({
    class: 'pengaduan',
    title,
    description: 'Lubang besar di depan pasar, sudah seminggu.',
    categoryCode: 'INF-JALAN',
    lat: 1.67376,
    lng: 101.37077,
  });

  const metric = async (i: Instance, line: RegExp): Promise<number> => {
    const text = (await call(i, 'GET', '/metrics')).body as string;
    return text
      .split('\n')
      .filter((l) => line.test(l))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    db = new pg.Pool({ connectionString: dbUrl, max: 2 });
    // Both start at once: the start-up lock lets one migrate while the other waits.
    [a, b] = await Promise.all([start('a', await freePort()), start('b', await freePort())]);
  }, 120_000);

  afterAll(async () => {
    for (const i of [a, b]) if (i && i.proc.exitCode === null && i.proc.signalCode === null) i.proc.kill('SIGKILL');
    await db?.end();
    const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    for (const name of ['outbox', 'sla-sweep', 'upload-sweep']) {
      const q = new Queue(name, { connection: conn, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await conn.quit();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('a session made on one instance works on the other, and a report filed on one is visible on the other', async () => {
    const c = await citizen(a);
    const me = await call(b, 'GET', '/api/v1/auth/me', undefined, { authorization: `Bearer ${c.token}` });
    expect(me.status).toBe(200);
    const filed = await call(a, 'POST', '/api/v1/reports', report('Jalan berlubang dekat pasar'), { authorization: `Bearer ${c.token}`, 'x-forwarded-for': c.ip });
    expect(filed.status).toBe(201);
    const seen = await call(b, 'GET', `/api/v1/reports/${filed.body.trackingNumber}`, undefined, { authorization: `Bearer ${c.token}` });
    expect(seen.status).toBe(200);
    expect(seen.body.title).toBe('Jalan berlubang dekat pasar');
  });

  it('a session ended on one instance is refused by the other, which had it in memory', async () => {
    const c = await citizen(a);
    const bearer = { authorization: `Bearer ${c.token}` };
    // Twice on b: the second answer comes from b's principal cache.
    const hits = async () => Number(/khidmat_principal_cache_requests_total\{result="hit"\} (\d+)/.exec((await call(b, 'GET', '/metrics')).body)?.[1]);
    const before = await hits();
    for (let i = 0; i < 2; i++) expect((await call(b, 'GET', '/api/v1/auth/me', undefined, bearer)).status).toBe(200);
    expect(await hits()).toBe(before + 1);
    expect((await call(b, 'GET', '/metrics')).body).toContain('khidmat_principal_cache_listening 1');
    expect((await call(a, 'POST', '/api/v1/auth/logout', undefined, bearer)).status).toBe(204);
    // The database announces the ended session as the log-out commits; b forgets it on hearing that.
    await until('b refuses the ended session', async () => (await call(b, 'GET', '/api/v1/auth/me', undefined, bearer)).status === 401, 2_000);
    expect((await call(a, 'GET', '/api/v1/auth/me', undefined, bearer)).status).toBe(401);
  });

  it('rate limits hold across instances (counters in Redis)', async () => {
    const from = { 'x-forwarded-for': '10.9.9.9' };
    const statuses: number[] = [];
    // Six failed log-ins allowed per minute from one address: three on each instance, then refused on both.
    for (let n = 0; n < 8; n++) {
      const res = await call(n % 2 ? b : a, 'POST', '/api/v1/auth/login', { identifier: 'nobody@mail.test', password: 'salah-salah-1' }, from);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 6).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('answers with X-Request-Id and logs JSON lines carrying the same request id', async () => {
    const res = await call(b, 'GET', '/api/v1/health');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = await until('the request log line', async () => {
      const found = b.output.filter((l) => l.includes(id!));
      return found.length >= 2 && found;
    });
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ reqId: id });
  });

  it('runs every scheduled job once across both instances, and delivers each notification once', async () => {
    const conn = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const sweep = new Queue('sla-sweep', { connection: conn, prefix });
    // Let the schedulers tick a while, then pause the queue so counts stop moving.
    await until('a dozen SLA sweeps', async () => ((await sweep.getJobCounts('completed')).completed ?? 0) >= 12, 30_000);
    await sweep.pause();
    await until('no SLA sweep in flight', async () => (await sweep.getJobCounts('active')).active === 0);
    const completed = await sweep.getJobs(['completed'], 0, -1);
    const runs = (await metric(a, /^khidmat_job_runs_total\{job="sla-sweep"/)) + (await metric(b, /^khidmat_job_runs_total\{job="sla-sweep"/));
    // Every run in either process is one completed scheduler slot, and no slot ran twice.
    expect(runs).toBe(completed.length);
    expect(new Set(completed.map((j) => j.id)).size).toBe(completed.length);
    await sweep.resume();
    await sweep.close();
    await conn.quit();

    // Reports filed on both instances; each reporter's notice is delivered exactly once.
    for (const on of [a, b, a, b]) {
      const c = await citizen(on);
      const res = await call(on, 'POST', '/api/v1/reports', report('Lampu jalan mati'), { authorization: `Bearer ${c.token}`, 'x-forwarded-for': c.ip });
      expect(res.status).toBe(201);
    }
    await until('the outbox to drain', async () => (await db.query(`select count(*)::int as n from outbox where status = 'pending'`)).rows[0].n === 0);
    const { rows } = await db.query(`select o.attempts, (select count(*)::int from notifications n where n.outbox_id = o.id) as copies from outbox o`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.attempts === 1 && r.copies === 1)).toBe(true);
  }, 60_000);

  it('loses no acknowledged report when an instance is killed (kill -9) mid-load', async () => {
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => citizen(i % 2 ? b : a)));
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (c: { token: string; ip: string }, i: number) => {
      for (let n = 0; !stop; n++) {
        const target = (i + n) % 2 ? b : a;
        try {
          const res = await call(target, 'POST', '/api/v1/reports', report(`Laporan beban ${i}-${n}`), { authorization: `Bearer ${c.token}`, 'x-forwarded-for': c.ip });
          if (res.status === 201) acknowledged.push(res.body.trackingNumber as string);
        } catch {
          // The killed instance drops its connections: those requests were never acknowledged.
        }
      }
    };
    const load = crowd.map((c, i) => worker(c, i));
    await until('some reports under load', async () => acknowledged.length >= 20);
    a.proc.kill('SIGKILL');
    const atKill = acknowledged.length;
    await until('more reports after the kill', async () => acknowledged.length >= atKill + 20);
    stop = true;
    await Promise.all(load);

    const { rows } = await db.query(`select tracking_number from reports where tracking_number = any($1)`, [acknowledged]);
    expect(new Set(rows.map((r) => r.tracking_number))).toEqual(new Set(acknowledged));
    // The survivor keeps running the schedule alone: the outbox drains, A's rows included.
    const pending = async () => (await db.query(`select count(*)::int as n from outbox where status = 'pending'`)).rows[0].n as number;
    await until('the survivor to drain the outbox', async () => (await pending()) === 0, 60_000).catch(async (err: Error) => {
      throw new Error(`${err.message}: ${await pending()} pending; survivor's last log lines:\n${b.output.slice(-15).join('\n')}`);
    });
    const ready = await call(b, 'GET', '/api/v1/ready');
    expect(ready.body).toMatchObject({ status: 'ready', database: 'up', redis: 'up' });
  }, 150_000);

  it('shuts down gracefully on SIGTERM: workers close, in-flight work ends, the process exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => b.proc.once('exit', (code) => resolve(code)));
    b.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(b.output.some((l) => l.includes('"shutting down"'))).toBe(true);
  }, 30_000);
});
