/**
 * Start-up and memory for the harness: how long a fresh server takes to answer (health, then a
 * first public list), what the dashboard answers right after a restart, the peak RSS of a process,
 * and the embedded default (PGlite) on its first start with the demo city, then under a short load.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, type LoadResult } from './load.js';

/** The peak resident set (VmHWM) of a live process, in MB. */
export const peakRssMb = (pid: number): number => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/**
 * The flags the server runs with (README, "Running at scale"): a bounded V8 heap. With a bigger
 * heap limit V8 lets garbage pile up far past what the server holds (it holds ~110 MB).
 */
export const SERVER_NODE_ARGS = ['--max-old-space-size=192', '--max-semi-space-size=8'];
/**
 * glibc keeps a 64 MB arena per thread by default; argon2 hashes (19 MiB each) on libuv's threads
 * filled four. And once the first hash is freed glibc raises its mmap threshold to 19 MiB, so later
 * hashes come from an arena that keeps their pages: a fixed threshold (its default, 128 KiB)
 * returns every hash's memory when it is freed (the demo city's accounts kept ~40 MB before).
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

export interface Startup {
  /** From spawning the process to the first 200 of /api/v1/health, of /api/v1/ready, and of a first public list. */
  healthMs: number;
  readyMs: number;
  firstListMs: number;
}

/**
 * Spawns `node <args> --import tsx src/main.ts` (or `node <args> dist/main.js`, the built server,
 * with `built`) and waits until it answers a public list, timing each step from the spawn. Rejects
 * when it exits or `timeoutMs` passes first.
 */
export async function startTimed(opts: { root: string; env: NodeJS.ProcessEnv; port: number; nodeArgs?: string[]; built?: boolean; timeoutMs?: number }): Promise<{ proc: ChildProcess; startup: Startup }> {
  const started = performance.now();
  const main = opts.built ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...main], {
    cwd: opts.root,
    env: { ...opts.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const until = async (route: string) => {
    for (;;) {
      if (await fetch(base + route).then((r) => r.ok, () => false)) return Math.round(performance.now() - started);
      if (proc.exitCode !== null || Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`the server did not answer ${route} (exit code ${proc.exitCode})`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const healthMs = await until('/api/v1/health');
  const readyMs = await until('/api/v1/ready');
  const firstListMs = await until('/api/v1/reports/public?limit=20');
  return { proc, startup: { healthMs, readyMs, firstListMs } };
}

export async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

/** Percentiles of single timings, as the load rows give them. */
export function spread(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

/**
 * One request at a time, each timed alone (what a viewer waits right after a restart, nothing else
 * running): the given paths in order.
 */
export async function timedOneByOne(base: string, paths: string[], headers: Record<string, string>): Promise<number[]> {
  const ms: number[] = [];
  for (const route of paths) {
    const started = performance.now();
    const res = await fetch(base + route, { headers });
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    ms.push(Math.round((performance.now() - started) * 10) / 10);
  }
  return ms;
}

export interface PgliteRun {
  startup: Startup;
  /** Peak RSS when the first start (migrations, the demo city) was ready, and after the short load. */
  peakAtReadyMb: number;
  peakMb: number;
  reads: LoadResult[];
}

let built = false;
/** `npm run build`, once per bench run: the server, the web app and the PGlite template, as `npm start` makes them. */
export function buildOnce(root: string, say: (line: string) => void): void {
  if (built) return;
  say('npm run build…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

/**
 * The embedded default as a new user meets it: `npm start` with no DATABASE_URL, in an empty
 * DATA_DIR (so the demo city is made), then a short load of reads a demo visitor makes, logged in as
 * the demo's executive for the dashboard. As `npm start` does, it builds first (`npm run build`:
 * the server, the web app and the PGlite template a new data directory is copied from) and runs
 * the built server; tsx would add ~40 MB of its own to the peak.
 */
export async function pgliteFirstStart(opts: { root: string; port: number; seconds: number; connections: number; nodeArgs: string[]; say(line: string): void }): Promise<PgliteRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-bench-pglite-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...SERVER_ENV, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_ALLOW_LIST: '127.0.0.1,::1,::ffff:127.0.0.1' };
  for (const name of ['DATABASE_URL', 'BENCH_DATABASE_URL', 'KHIDMAT_SECRET_KEY', 'REDIS_URL']) delete env[name];
  buildOnce(opts.root, opts.say);
  const { proc, startup } = await startTimed({ root: opts.root, env, port: opts.port, nodeArgs: opts.nodeArgs, built: true, timeoutMs: 900_000 });
  try {
    const peakAtReadyMb = peakRssMb(proc.pid!);
    const base = `http://127.0.0.1:${opts.port}`;
    const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { role: string; email: string; password: string }[];
    const executive = accounts.find((a) => a.role === 'executive')!;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: executive.email, password: executive.password }) });
    if (!login.ok) throw new Error(`demo executive log-in: ${login.status}`);
    const token = ((await login.json()) as { token: string }).token;
    const listed = (await (await fetch(`${base}/api/v1/reports/public?limit=100`)).json()) as { items?: { trackingNumber: string }[] };
    const tracking = (listed.items ?? []).map((r) => r.trackingNumber);
    const day = (back: number) => new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
    let n = 0;
    const reads: Record<string, (i: number) => { path: string; headers?: Record<string, string> }> = {
      'public list (filters)': (i) => ({ path: `/api/v1/reports/public?limit=20&offset=${(i % 3) * 20}` }),
      'report page': (i) => ({ path: `/api/v1/reports/${tracking[i % Math.max(1, tracking.length)]}` }),
      'dashboard summary, another period each time': () => {
        const k = n++;
        return { path: `/api/v1/dashboard/summary?from=${day((k % 120) + 29 + Math.floor(k / 120))}&to=${day(k % 120)}`, headers: { authorization: `Bearer ${token}` } };
      },
      'dashboard map': () => ({ path: '/api/v1/dashboard/map', headers: { authorization: `Bearer ${token}` } }),
    };
    const results: LoadResult[] = [];
    for (const [name, next] of Object.entries(reads)) {
      if (name === 'report page' && !tracking.length) continue;
      opts.say(`PGlite: ${name}…`);
      results.push(await load({ name, url: base, connections: opts.connections, seconds: opts.seconds, next }));
    }
    return { startup, peakAtReadyMb, peakMb: peakRssMb(proc.pid!), reads: results };
  } finally {
    await stop(proc);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
