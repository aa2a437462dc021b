/**
 * Test harness: a real database (in-memory PGlite, and a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set), the real app listening on a real port, and a settable clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { createContext } from '../bootstrap.js';
import { buildApp } from '../app.js';
import { openDatabase, type Database, type DatabaseKind } from '../core/db/client.js';
import type { AppContext } from '../core/context.js';
import { createStaff } from '../core/auth/service.js';
import type { Role } from '../core/auth/schema.js';
import { opds } from '../core/reference/schema.js';
import { eq } from 'drizzle-orm';

export const DATABASE_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const name = `khidmat_t_${crypto.randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Harness {
  kind: DatabaseKind;
  ctx: AppContext;
  app: FastifyInstance;
  baseUrl: string;
  /** The app's notion of now; tests move it to cross weekends and holidays. */
  setNow(d: Date | string): void;
  now(): Date;
  call(method: string, url: string, opts?: CallOptions): Promise<ApiResponse>;
  staff(role: Exclude<Role, 'citizen'>, opdCode?: string): Promise<{ token: string; userId: string; email: string }>;
  /** A fresh session token (staff sessions last 12 hours of the app's clock). */
  login(identifier: string, password?: string): Promise<string>;
  citizen(overrides?: Partial<{ nik: string; fullName: string; email: string; phone: string }>): Promise<{ token: string; userId: string; nik: string }>;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: RequestInit['body'];
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary JSON; typing every response would only restate the schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

let nikSerial = 1;
/** A valid Dumai NIK: kecamatan 01, born 12 Aug 1990, a fresh serial each call. */
export function dumaiNik(): string {
  return `147201120890${String(nikSerial++ + (process.pid % 5000)).padStart(4, '0')}`;
}

export async function startHarness(kind: DatabaseKind, configOverrides: Partial<Config> = {}): Promise<Harness & { close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-test-'));
  const pgdb = kind === 'postgresql' ? await freshPostgres() : undefined;
  const database: Database = await openDatabase({ url: pgdb?.url });
  let now = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 WIB
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: pgdb?.url,
    secretKey: crypto.randomBytes(32).toString('base64'),
    // Tests log in dozens of accounts from one address; the limit itself is tested separately.
    authRateLimitPerMinute: 10_000,
    submitRateLimitPerMinute: 10_000,
    ...configOverrides,
  };
  const { ctx } = await createContext(config, { database, clock: () => now });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const call: Harness['call'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: RequestInit['body'] = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(baseUrl + url, { method, headers, body: body ?? null });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  };

  const login: Harness['login'] = async (identifier, password = 'rahasia-123') => {
    const res = await call('POST', '/api/v1/auth/login', { body: { identifier, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
    return res.body.token as string;
  };

  let staffSerial = 0;
  const staff: Harness['staff'] = async (role, opdCode) => {
    const [opd] = opdCode ? await ctx.db.select().from(opds).where(eq(opds.code, opdCode)) : [];
    const email = `${role}.${opdCode ?? 'kota'}.${++staffSerial}@test.dumaikota.go.id`.toLowerCase();
    const user = await createStaff(ctx, { fullName: `Petugas ${role} ${staffSerial}`, email, role, opdId: opd?.id ?? null, password: 'rahasia-123' });
    return { token: await login(email), userId: user.id, email };
  };

  const citizen: Harness['citizen'] = async (o = {}) => {
    const nik = o.nik ?? dumaiNik();
    const res = await call('POST', '/api/v1/auth/register', {
      body: { nik, fullName: o.fullName ?? 'Warga Dumai', email: o.email ?? `warga${crypto.randomBytes(4).toString('hex')}@mail.test`, ...(o.phone ? { phone: o.phone } : {}), password: 'kata-sandi-1' },
    });
    if (res.status !== 201) throw new Error(`register failed: ${res.text}`);
    return { token: res.body.token as string, userId: res.body.user.id as string, nik };
  };

  return {
    kind,
    ctx,
    app,
    baseUrl,
    setNow: (d) => (now = new Date(d)),
    now: () => now,
    call,
    login,
    staff,
    citizen,
    async close() {
      await app.close();
      await database.close();
      await pgdb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the suite once per database: the same tests on PGlite and on PostgreSQL. */
export function describeEachDatabase(name: string, suite: (h: () => Harness) => void, configOverrides: Partial<Config> = {}): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let harness: (Harness & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        harness = await startHarness(kind, configOverrides);
      });
      afterAll(async () => harness?.close());
      suite(() => {
        if (!harness) throw new Error('harness not started');
        return harness;
      });
    });
  }
}
