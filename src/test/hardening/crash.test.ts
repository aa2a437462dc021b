/**
 * Crash safety of the real server process: citizens file reports concurrently, the server is killed
 * with SIGKILL in the middle, and after a restart
 * - every report that was acknowledged (201) exists, and retrying the unanswered requests with their
 *   Idempotency-Key files each of them exactly once;
 * - every outbox notification is delivered: in-app exactly once (one inbox entry per report), email
 *   at least once with a stable Message-ID (<outbox-ID@khidmat>), so a receiving server can drop a
 *   resend of a message that was sent just before the crash but not yet marked delivered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/client.js';
import { roadReport } from '../fixtures.js';
import { processExited, startServerProcess } from '../server-process.js';
import { DATABASE_KINDS, dumaiNik, freshPostgres } from '../harness.js';
import { freePort } from '../wait.js';

const CITIZENS = 6;
const WORKERS = 12;
/** Acknowledged reports before the kill: enough that requests are in flight when it lands. */
const KILL_AFTER = 30;

interface Mail {
  messageId: string;
  to: string[];
}

function smtpSink(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        const messageId = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '';
        mails.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address) });
        done();
      });
    },
  });
  // The test kills the server mid-delivery: its SMTP connection resets, which is expected here.
  server.on('error', () => {});
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address() as net.AddressInfo;
      resolve({ port, mails, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}


async function json(baseUrl: string, method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : null,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe.each(DATABASE_KINDS)('crash safety of the server process [%s]', (kind) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let env: NodeJS.ProcessEnv;
  let baseUrl: string;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let dataDir: string;
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    sink = await smtpSink();
    cleanups.push(() => sink.close());
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
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
      DATABASE_URL: databaseUrl ?? '',
      KHIDMAT_SECRET_KEY: kind === 'postgresql' ? crypto.randomBytes(32).toString('base64') : '',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      WORKER_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      SUBMIT_RATE_LIMIT_PER_MINUTE: '100000',
      REDIS_URL: '',
      // What is checked is the filing and the notices, not the demo city (its first start on PGlite takes minutes).
      DEMO_DATA: 'off',
    };
  }, 60_000);

  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged report and delivers every notification after kill -9', async () => {
    let server = await startServerProcess(env, baseUrl);
    cleanups.push(async () => {
      server.kill('SIGKILL');
      await processExited(server);
    });

    const citizens: { token: string; email: string }[] = [];
    for (let i = 0; i < CITIZENS; i++) {
      const email = `warga.crash${i}.${crypto.randomBytes(3).toString('hex')}@mail.test`;
      const res = await json(baseUrl, 'POST', '/api/v1/auth/register', undefined, { nik: dumaiNik(), fullName: `Warga ${i}`, email, password: 'kata-sandi-1' });
      expect(res.status).toBe(201);
      citizens.push({ token: res.body!.token as string, email });
    }

    // Load: every request has its own idempotency key; the answer (or the lack of one) is recorded.
    const sent: { key: string; citizen: number; body: object; trackingNumber?: string }[] = [];
    let acknowledged = 0;
    let killed = false;
    // Workers keep sending until the server stops answering, so requests are in flight when the kill lands.
    const worker = async (w: number) => {
      for (let n = 0; ; n++) {
        const citizen = (w + n) % CITIZENS;
        const entry: (typeof sent)[number] = { key: `crash-${w}-${n}-${crypto.randomUUID()}`, citizen, body: roadReport({ title: `Laporan uji ${w}-${n}` }) };
        sent.push(entry);
        const res = await json(baseUrl, 'POST', '/api/v1/reports', citizens[citizen]!.token, entry.body, { 'idempotency-key': entry.key }).catch(() => undefined);
        if (!res) return;
        if (res.status === 201) {
          entry.trackingNumber = res.body!.trackingNumber as string;
          if (++acknowledged >= KILL_AFTER && !killed) {
            killed = true;
            server.kill('SIGKILL');
          }
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(201);
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    await processExited(server);
    expect(server.signalCode).toBe('SIGKILL');
    const inFlight = sent.filter((s) => !s.trackingNumber);
    expect(inFlight.length).toBeGreaterThan(0);

    server = await startServerProcess(env, baseUrl);

    // Every acknowledged report survived.
    for (const s of sent.filter((x) => x.trackingNumber)) {
      expect((await json(baseUrl, 'GET', `/api/v1/reports/${s.trackingNumber}`, citizens[s.citizen]!.token)).status, s.trackingNumber).toBe(200);
    }
    // The client retries what went unanswered, same key and body: each is filed once (or replayed).
    for (const s of inFlight) {
      const res = await json(baseUrl, 'POST', '/api/v1/reports', citizens[s.citizen]!.token, s.body, { 'idempotency-key': s.key });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      s.trackingNumber = res.body!.trackingNumber as string;
    }
    for (const [i, c] of citizens.entries()) {
      const mine = await json(baseUrl, 'GET', '/api/v1/reports/mine?limit=100', c.token);
      const expected = sent.filter((s) => s.citizen === i).map((s) => s.trackingNumber).sort();
      const listed = (mine.body!.items as { trackingNumber: string }[]).map((r) => r.trackingNumber).sort();
      // No lost acknowledgement and no duplicate from a retry: exactly one report per request sent.
      expect(listed).toEqual(expected);
    }

    // In-app: one "submitted" notice per report of each citizen, never two (polled: delivery runs every 200 ms).
    const inbox = async (token: string) => ((await json(baseUrl, 'GET', '/api/v1/notifications?limit=100', token)).body!.items as unknown[]).length;
    const reportsOf = async (token: string) => ((await json(baseUrl, 'GET', '/api/v1/reports/mine?limit=100', token)).body!.items as unknown[]).length;
    // Generous: on PGlite the retries and the delivery worker share one connection, on a loaded
    // machine; exactly once is the point, not speed.
    const deadline = Date.now() + 240_000;
    for (const c of citizens) {
      const want = await reportsOf(c.token);
      while ((await inbox(c.token)) < want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await inbox(c.token)).toBe(want);
    }

    // Email is slower than in-app: wait until the worker has emptied the outbox before stopping.
    const pendingNow = async () => Number(/khidmat_outbox_messages\{status="pending"\} (\d+)/.exec(await (await fetch(`${baseUrl}/metrics`)).text())?.[1]);
    const drained = Date.now() + 120_000;
    while ((await pendingNow()) > 0 && Date.now() < drained) await new Promise((r) => setTimeout(r, 250));

    // Email: every outbox email reached the sink at least once under its own Message-ID.
    server.kill('SIGTERM');
    await processExited(server);
    const db = await openDatabase(kind === 'postgresql' ? { url: databaseUrl } : { dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = async <T,>(q: ReturnType<typeof sql>) => ((await db.db.execute(q)) as unknown as { rows: T[] }).rows;
      const undelivered = await rows<{ id: number; status: string; attempts: number; lastError: string | null }>(
        sql`select id, status, attempts, last_error as "lastError" from outbox where status <> 'delivered' order by id`,
      );
      expect(undelivered).toEqual([]);
      const missingInApp = await rows<{ id: number }>(
        sql`select o.id from outbox o left join notifications n on n.outbox_id = o.id where o.channel = 'in_app' and n.id is null`,
      );
      expect(missingInApp).toEqual([]);
      const emails = await rows<{ id: number; email: string }>(
        sql`select o.id, u.email from outbox o join users u on u.id = o.user_id where o.channel = 'email' and u.email like 'warga.crash%'`,
      );
      expect(emails.length).toBeGreaterThanOrEqual(KILL_AFTER);
      for (const e of emails) {
        const copies = sink.mails.filter((m) => m.messageId === `<outbox-${e.id}@khidmat>`);
        expect(copies.length, `outbox ${e.id}`).toBeGreaterThanOrEqual(1);
        expect(copies.every((m) => m.to.includes(e.email))).toBe(true);
      }
    } finally {
      await db.close();
    }
  }, 900_000);
});
