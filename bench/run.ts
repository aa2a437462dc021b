/**
 * The benchmark harness (npm run bench; not part of the test suite). On a PostgreSQL database filled
 * by `npm run seed:synthetic`, it measures intake against pgbench's ceiling, the read paths at that
 * size, PPID filing against its own pgbench ceiling and the PPID public archive, the bare HTTP
 * ceiling and the server's peak memory, and writes bench/results/<date>.json + .md.
 *
 *   DATABASE_URL=postgres://… npm run bench -- [--seconds 10] [--runs 3] [--read-connections 4]
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load, medianOfRuns, type LoadResult } from './load.js';
import { pgbenchIntake, pgbenchPpidFiling, type PgbenchResult } from './pgbench.js';
import { markdown } from './report.js';
import { benchSigning } from './signing.js';
import { satudataRows, type SatudataResult } from './satudata.js';
import { layananRows, type LayananResult } from './layanan.js';
import { skmRows, type SkmResult } from './skm.js';
import { portalRows, type PortalResult } from './portal.js';
import { buildOnce, peakRssMb, pgliteFirstStart, SERVER_ENV, SERVER_NODE_ARGS, spread, startTimed, stop, timedOneByOne, type PgliteRun, type Startup } from './startup.js';
import { findContaining, pointInGeometry, type Geometry } from '../src/core/geo/geo.js';
import { addDays, wibDate } from '../src/core/calendar/working-days.js';
import { createFieldCipher, parseMasterKey } from '../src/core/crypto/secrets.js';
import { maskNik } from '../src/core/nik/nik.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the PostgreSQL database filled by npm run seed:synthetic.');
const SECONDS = Number(arg('seconds', '10'));
const READ_CONNECTIONS = Number(arg('read-connections', '4'));
const PORT = Number(arg('port', '3900'));
/** Intake and its ceiling are each run this many times and their median run reported: one 10 s run of either moved by a fifth from run to run here. */
const RUNS = Number(arg('runs', '3'));
/** While tuning: `--only intake,map` runs just those (no results file written). */
const ONLY = arg('only', '').split(',').filter(Boolean);
const wanted = (name: string) => !ONLY.length || ONLY.some((o) => name.toLowerCase().includes(o.toLowerCase()));
const say = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const db = new pg.Pool({ connectionString: url, max: 4 });
const reportCount = Number((await db.query('select count(*) as n from reports')).rows[0].n);
if (reportCount < 1000) throw new Error(`Only ${reportCount} reports: seed first (npm run seed:synthetic -- --reports 1000000).`);
say(`${reportCount} reports in the database`);
const ppidCount = Number((await db.query('select count(*) as n from ppid_requests')).rows[0].n);
const PPID_ROWS = ['PPID archive list', 'PPID archive full-text search', 'PPID filing', 'PPID pgbench'];
if (PPID_ROWS.some(wanted) && ppidCount < 1000) throw new Error(`Only ${ppidCount} PPID requests: seed first (npm run seed:synthetic -- --ppid-requests 100000).`);
say(`${ppidCount} PPID requests in the database`);

/* Sessions made directly in the database: the benchmark is about reports, not argon2 log-ins. */
const hash = (t: string) => crypto.createHash('sha256').update(t).digest('hex');
async function session(userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.query(`insert into sessions (token_hash, user_id, expires_at, user_agent) values ($1, $2, now() + interval '1 day', 'khidmat-bench')`, [hash(token), userId]);
  return token;
}
async function staff(role: string, opdCode: string | null): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into users (role, full_name, email, opd_id) values ($1, $2, $3, (select id from opds where code = $4))
       on conflict (email) do update set role = excluded.role returning id`,
    [role, `Bench ${role}`, `bench-${role}@bench.invalid`, opdCode],
  );
  return session(rows[0]!.id);
}
const citizenIds = (await db.query<{ id: string }>(`select id from users where role = 'citizen' and deleted_at is null limit 2000`)).rows.map((r) => r.id);
const citizenTokens: string[] = [];
for (const id of citizenIds) citizenTokens.push(await session(id));
const triageOpd = (await db.query<{ code: string }>('select code from opds where is_triage limit 1')).rows[0]!.code;
const tokens = { triage: await staff('triage_admin', triageOpd), executive: await staff('executive', null), opd: await staff('opd_admin', 'PUPR') };

/* Realistic inputs drawn from the data: points inside kelurahan with a boundary, public reports, words. */
// Only points the server accepts without a kelurahan of the reporter's choosing: inside the city and
// inside a kelurahan boundary (seeded points are scattered round centres and may fall in a gap).
const cityBoundary = (await db.query<{ boundary: Geometry | null }>('select boundary from cities limit 1')).rows[0]?.boundary ?? null;
const kelurahanBoundaries = (await db.query<{ code: string; boundary: Geometry }>('select code, boundary from kelurahan where boundary is not null')).rows.map(
  (k) => ({ geometry: k.boundary, properties: { code: k.code } }),
);
const points = (
  await db.query<{ lat: number; lng: number }>(
    `select r.lat, r.lng from reports r tablesample system (1) join kelurahan k on k.code = r.kelurahan_code where k.boundary is not null limit 1000`,
  )
).rows
  .filter((p) => (!cityBoundary || pointInGeometry(p.lng, p.lat, cityBoundary)) && findContaining(p.lng, p.lat, kelurahanBoundaries))
  .slice(0, 300);
const publicTracking = (
  await db.query<{ tn: string }>(
    `select tracking_number as tn from reports tablesample system (1) where status in ('verified','dispositioned','in_progress','resolved','closed','outside_authority') and not confidential limit 2000`,
  )
).rows.map((r) => r.tn);
const kecamatan = (await db.query<{ code: string }>('select code from kecamatan order by code')).rows.map((r) => r.code);
const CATEGORIES = ['INF-JALAN', 'INF-DRAINASE', 'SPP-SAMPAH', 'PEN-LAMPU', 'KES-PUSKESMAS', 'PDD-SEKOLAH'];
const WORDS = ['jalan berlubang', 'lampu jalan mati', 'sampah menumpuk', 'parit tersumbat', 'banjir', 'jembatan lapuk', 'puskesmas', 'sekolah rusak'];
const rot = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

const machine = { loadAverage: Math.round(os.loadavg()[0]! * 10) / 10, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version,
  postgres: (await db.query('show server_version')).rows[0].server_version as string };

/* The server, as deployed: the built one (`npm start` runs it) in a separate process with its documented flags; log level warn so logging is not what is measured. */
function startServer(): Promise<{ proc: ChildProcess; startup: Startup }> {
  buildOnce(ROOT, say);
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
  const nodeArgs = [...SERVER_NODE_ARGS, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  return startTimed({
    root: ROOT,
    port: PORT,
    nodeArgs,
    built: true,
    env: {
      ...process.env,
      ...SERVER_ENV,
      DATABASE_URL: url,
      KHIDMAT_SECRET_KEY: process.env.KHIDMAT_SECRET_KEY ?? Buffer.alloc(32, 1).toString('base64'),
      LOG_LEVEL: 'warn',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'khidmat-bench-')),
      // One load generator on one address would otherwise meet the per-address limits at once.
      RATE_LIMIT_ALLOW_LIST: '127.0.0.1,::1,::ffff:127.0.0.1',
      // The filing limit counts per account (the allow list does not lift it): 2000 accounts at
      // hundreds of filings a second would meet ten a minute within a run.
      SUBMIT_RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
}

/**
 * Intake adds reports on top of the seeded ones; left there they would be the newest reports of the
 * next run (tens of thousands unverified at once, which no city has). They go after each run.
 */
const seededMaxId = Number((await db.query('select max(id) as n from reports')).rows[0].n);
async function removeBenchReports(): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('begin');
    // Foreign-key triggers off (superuser): rows are removed in dependency order by hand.
    await client.query('set local session_replication_role = replica');
    for (const table of ['report_events', 'report_photos', 'dispositions', 'report_followers']) {
      await client.query(`delete from ${table} where report_id > $1`, [seededMaxId]);
    }
    // The synthetic citizens have no notices of their own: all of theirs come from benchmark reports.
    await client.query('delete from notifications where user_id in (select id from bench_citizens)');
    await client.query('delete from outbox where user_id in (select id from bench_citizens)');
    await client.query('delete from reports where id > $1', [seededMaxId]);
    await client.query(`delete from idempotency_keys where key like 'khidmat-bench-%'`);
    // Removed without timeline events: day figures kept of their days would still count them.
    await client.query('delete from dashboard_day_figures');
    await client.query('commit');
    // The next run's reads should meet the data as seeded, not tens of thousands of dead rows.
    await client.query('vacuum (analyze) reports, report_events, audit_log, outbox, notifications, idempotency_keys');
  } catch (err) {
    await client.query('rollback');
    say(`could not remove the benchmark's reports (${String(err)}); re-seed before the next run`);
  } finally {
    client.release();
  }
}

/* PPID filing and its ceiling add requests; they go after the run as the reports do. */
const seededMaxPpidId = Number((await db.query('select coalesce(max(id), 0) as n from ppid_requests')).rows[0].n);
async function removeBenchPpid(): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query('delete from ppid_events where request_id > $1', [seededMaxPpidId]);
    await client.query('delete from ppid_requests where id > $1', [seededMaxPpidId]);
    await client.query('commit');
    await client.query('vacuum (analyze) ppid_requests, ppid_events');
  } catch (err) {
    await client.query('rollback');
    say(`could not remove the benchmark's PPID requests (${String(err)}); re-seed before the next run`);
  } finally {
    client.release();
  }
}

// The first start ever: no day figures kept, in memory or in the database.
await db.query('truncate dashboard_day_figures');
const first = await startServer();
let server = first.proc;
/** Peak RSS of each server process of the run (the first, and the one started again). */
const peaks: number[] = [];
const base = `http://127.0.0.1:${PORT}`;
const citizen = (i: number) => ({ authorization: `Bearer ${rot(citizenTokens, i)}` });
const BENCH_KEY = `khidmat-bench-${Date.now().toString(36)}-`;
let submissions = 0;
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const intakeBody = (i: number) => {
  const p = rot(points, i * 7);
  return JSON.stringify({ class: 'pengaduan', title: `Jalan berlubang nomor ${i}`, description: 'Lubang besar di depan pasar, sudah seminggu dan berbahaya.', categoryCode: 'INF-JALAN', lat: p.lat, lng: p.lng });
};

// Anonymous PPID filings, as from the public web form: valid NIKs (a Dumai Kota layout), varied requests.
const PPID_INFORMATION = [
  'Dokumen kontrak dan rencana anggaran biaya pemeliharaan Jalan Sultan Syarif Kasim tahun 2026.',
  'Daftar penerima bantuan sosial sembako di Kelurahan Bukit Timah tahun 2025.',
  'Rincian penggunaan dana BOS SD dan SMP negeri di Kecamatan Dumai Barat tahun 2025.',
  'Data prevalensi stunting per kelurahan di Kota Dumai tahun 2025.',
  'Hasil uji kualitas air sungai dan air laut di pesisir Dumai tahun 2025.',
  'Laporan realisasi APBD Kota Dumai tahun 2025.',
];
const ppidNik = (i: number) => `147206${String(1 + (i % 28)).padStart(2, '0')}${String(1 + ((i >> 5) % 12)).padStart(2, '0')}85${String(1 + (i % 9999)).padStart(4, '0')}`;
const ppidBody = (i: number) =>
  JSON.stringify({
    identityType: 'nik',
    identityNumber: ppidNik(i),
    fullName: 'Fitriani Lubis',
    address: 'Jl. Tuanku Tambusai No. 12, Pekanbaru',
    email: `pemohon${i % 5000}@bench.invalid`,
    information: rot(PPID_INFORMATION, i),
    purpose: 'Bahan liputan tentang kualitas jalan kota.',
    obtainMethod: 'soft_copy',
    deliveryMethod: 'email',
  });
/** Common words (a tenth of the archive or more: anggaran, bantuan, tahun data) and rarer ones. */
const PPID_WORDS = ['anggaran', 'bantuan sosial', 'stunting', 'dana BOS', 'kontrak', 'sampah', 'kualitas air', 'retribusi parkir', 'APBD', 'penerima beasiswa'];

const daysAgo = (n: number) => addDays(wibDate(new Date()), -n);
const summaryOf = (fromBack: number, toBack: number) => ({ path: `/api/v1/dashboard/summary?from=${daysAgo(fromBack)}&to=${daysAgo(toBack)}`, headers: bearer(tokens.executive) });
let otherPeriods = 0;
const read = {
  'public list (filters)': (i: number) => ({ path: `/api/v1/reports/public?kecamatan=${rot(kecamatan, i)}&category=${rot(CATEGORIES, i >> 3)}&limit=20` }),
  'map (bbox)': (i: number) => {
    const p = rot(points, i);
    return { path: `/api/v1/reports/public?bbox=${(p.lng - 0.01).toFixed(4)},${(p.lat - 0.01).toFixed(4)},${(p.lng + 0.01).toFixed(4)},${(p.lat + 0.01).toFixed(4)}&limit=100` };
  },
  'full-text search': (i: number) => ({ path: `/api/v1/reports/public?q=${encodeURIComponent(rot(WORDS, i))}&limit=20` }),
  'report page': (i: number) => ({ path: `/api/v1/reports/${rot(publicTracking, i * 13)}` }),
  'staff list (triage)': (i: number) => ({ path: `/api/v1/reports?status=${rot(['submitted', 'dispositioned,in_progress', 'resolved'], i)}&limit=20`, headers: bearer(tokens.triage) }),
  'staff list (OPD)': (i: number) => ({ path: `/api/v1/reports?active=${i % 2 === 0}&limit=20`, headers: bearer(tokens.opd) }),
  'dashboard summary': () => ({ path: '/api/v1/dashboard/summary', headers: bearer(tokens.executive) }),
  // Whole answers are shared until a report changes; a period asked for once is never shared. Each
  // request another period (30 days or longer, ending one of the last 365 days): its days' figures
  // are kept from earlier requests, except the one or two days no earlier period touched.
  'dashboard summary, another period each time': () => {
    const n = otherPeriods++;
    const back = n % 365;
    return summaryOf(back + 29 + Math.floor(n / 365), back);
  },
  'dashboard map': () => ({ path: '/api/v1/dashboard/map', headers: bearer(tokens.executive) }),
};
/** The PPID public archive, anonymous: its first pages, and Indonesian full-text search. */
const ppidRead = {
  'PPID archive list': (i: number) => ({ path: `/api/v1/ppid/archive?limit=20&offset=${(i % 5) * 20}` }),
  'PPID archive full-text search': (i: number) => ({ path: `/api/v1/ppid/archive?q=${encodeURIComponent(rot(PPID_WORDS, i))}&limit=20` }),
};
const allReads = { ...read, ...ppidRead };

// Reads first, on the data as seeded; intake (which adds rows) after them.
const intake: LoadResult[] = [];
const reads: LoadResult[] = [];
const ppidReads: LoadResult[] = [];
const ppidFiling: LoadResult[] = [];
/** PPID filing runs at this many connections (the goal is set at 16). */
const PPID_CONNECTIONS = [16];
let ceiling: LoadResult | undefined;
let peakRss: number;
let satudata: SatudataResult | undefined;
let layanan: LayananResult | undefined;
let skm: SkmResult | undefined;
let portal: PortalResult | undefined;
/** Right after a restart (day figures kept in the database by the first server): time to answer, then single summaries of many periods. */
let afterRestart: { startup: Startup; summaries: ReturnType<typeof spread> & { ms: number[] } } | undefined;
/** The embedded default's first start with the demo city, then a short load. */
let pglite: PgliteRun | undefined;
/** Single requests on the fresh server, before anything is kept: what the first viewer after a start waits. */
const firstSummaries: { days: number; ms: number }[] = [];
try {
  if (wanted('dashboard')) {
    for (const days of [30, 365]) {
      say(`first dashboard summary of ${days} days…`);
      const { path: route, headers } = summaryOf(days - 1, 0);
      const started = performance.now();
      const res = await fetch(base + route, { headers });
      if (!res.ok) throw new Error(`dashboard summary: ${res.status} ${await res.text()}`);
      firstSummaries.push({ days, ms: Math.round(performance.now() - started) });
    }
  }
  say('warm-up…');
  for (const [name, next] of Object.entries(allReads).filter(([name]) => wanted(name))) await load({ name, url: base, connections: 2, seconds: 1, next });
  for (const [name, next] of Object.entries(allReads).filter(([name]) => wanted(name))) {
    say(`${name}…`);
    (name in ppidRead ? ppidReads : reads).push(await load({ name, url: base, connections: READ_CONNECTIONS, seconds: SECONDS, next }));
  }
  if (wanted('ceiling')) {
    say('HTTP ceiling…');
    ceiling = await load({ name: 'GET /api/v1/health (no database)', url: base, connections: 16, seconds: SECONDS, next: { path: '/api/v1/health' } });
  }
  if (wanted('satudata')) satudata = await satudataRows({ db, base, serverPid: server.pid!, seconds: SECONDS, connections: READ_CONNECTIONS, token: tokens.opd, say });
  if (wanted('layanan')) layanan = await layananRows({ db, url, base, seconds: SECONDS, connections: READ_CONNECTIONS, citizenIds, citizenTokens, officerToken: tokens.opd, inboxApplications: Number(arg('layanan-applications', '200000')), say });
  if (wanted('skm')) skm = await skmRows({ db, url, base, seconds: SECONDS, runs: RUNS, connections: READ_CONNECTIONS, say });
  if (wanted('portal')) portal = await portalRows({ db, base, seconds: SECONDS, connections: READ_CONNECTIONS, say });
  if (wanted('restart')) {
    // A restart after the reads, which kept every day of the last 13 months: then one summary at a
    // time, nothing else running — the last 30 days, the last 365, and 38 other periods (1 to 365
    // days long, ending one of the last 365 days; a fixed sequence, the same in every run).
    say('restart…');
    peaks.push(peakRssMb(server.pid!));
    await stop(server);
    const again = await startServer();
    server = again.proc;
    const periods = [summaryOf(29, 0).path, summaryOf(364, 0).path];
    for (let k = 1; periods.length < 40; k++) {
      const end = (k * 97) % 365;
      periods.push(summaryOf(Math.min(364, end + ((k * 53) % 365)), end).path);
    }
    const ms = await timedOneByOne(base, periods, bearer(tokens.executive));
    afterRestart = { startup: again.startup, summaries: { ...spread(ms), ms } };
  }
  const post = (connections: number, seconds: number) =>
    load({
      name: 'POST /reports',
      url: base,
      connections,
      seconds,
      method: 'POST',
      // With an Idempotency-Key, as the citizen app sends every submission (its offline outbox retries).
      next: (i) => ({ path: '/api/v1/reports', headers: { ...citizen(i), 'idempotency-key': `${BENCH_KEY}${submissions++}` }, body: intakeBody(i) }),
    });
  if (wanted('intake')) await post(4, 2);
  for (const connections of wanted('intake') ? [16, 64] : []) {
    intake.push(await medianOfRuns(RUNS, `intake at ${connections} connections`, say, (r) => r.rps, () => post(connections, SECONDS)));
  }
  // PPID filing, anonymous as from the public form, each with its own Idempotency-Key.
  const filePpid = (connections: number, seconds: number) =>
    load({
      name: 'POST /ppid/requests',
      url: base,
      connections,
      seconds,
      method: 'POST',
      next: (i) => ({ path: '/api/v1/ppid/requests', headers: { 'idempotency-key': `${BENCH_KEY}ppid-${submissions++}` }, body: ppidBody(i) }),
    });
  if (wanted('PPID filing')) await filePpid(4, 2);
  for (const connections of wanted('PPID filing') ? PPID_CONNECTIONS : []) {
    ppidFiling.push(await medianOfRuns(RUNS, `PPID filing at ${connections} connections`, say, (r) => r.rps, () => filePpid(connections, SECONDS)));
  }
  peaks.push(peakRssMb(server.pid!));
  peakRss = Math.max(...peaks);
} finally {
  await stop(server);
}

/* The database's own ceiling for the same rows, with the server stopped so they do not compete. */
const ceilings: PgbenchResult[] = [];
for (const clients of wanted('pgbench') || wanted('intake') ? [16, 64] : []) {
  ceilings.push(await medianOfRuns(RUNS, `pgbench ceiling at ${clients} clients`, say, (r) => r.tps, () => pgbenchIntake(db, url, citizenIds, clients, SECONDS)));
}

/* The same for PPID filing: an identity number encrypted as the server would (its key, its cipher). */
const ppidCeilings: PgbenchResult[] = [];
const benchCipher = createFieldCipher(parseMasterKey(process.env.KHIDMAT_SECRET_KEY ?? Buffer.alloc(32, 1).toString('base64')));
for (const clients of wanted('PPID filing') || wanted('PPID pgbench') ? PPID_CONNECTIONS : []) {
  ppidCeilings.push(
    await medianOfRuns(RUNS, `PPID pgbench ceiling at ${clients} clients`, say, (r) => r.tps, (run) =>
      pgbenchPpidFiling(url, { encrypted: benchCipher.encrypt(ppidNik(run)), masked: maskNik(ppidNik(run)) }, clients, SECONDS),
    ),
  );
}

await db.query('create table if not exists bench_citizens (n int primary key, id uuid not null)');
await db.query('truncate bench_citizens');
await db.query('insert into bench_citizens select ordinality, id from unnest($1::uuid[]) with ordinality as t(id)', [citizenIds]);
await removeBenchReports();
await removeBenchPpid();

if (wanted('pglite')) {
  say('PGlite: first start with the demo city…');
  pglite = await pgliteFirstStart({ root: ROOT, port: PORT + 1, seconds: 5, connections: READ_CONNECTIONS, nodeArgs: SERVER_NODE_ARGS, say });
}

try {
  const result = {
    date: new Date().toISOString(),
    // Other work on the machine moves every figure: the load at the end beside the one at the start.
    machine: { ...machine, loadAverageEnd: Math.round(os.loadavg()[0]! * 10) / 10 },
    reports: reportCount,
    seconds: SECONDS,
    readConnections: READ_CONNECTIONS,
    intake: intake.map((r, i) => ({ ...r, pgbench: ceilings[i]!, ratio: ceilings[i] ? Math.round((r.rps / ceilings[i].tps) * 100) / 100 : NaN })),
    reads,
    ppid: {
      requests: ppidCount,
      filing: ppidFiling.map((r, i) => ({ ...r, pgbench: ppidCeilings[i]!, ratio: ppidCeilings[i] ? Math.round((r.rps / ppidCeilings[i].tps) * 100) / 100 : NaN })),
      reads: ppidReads,
    },
    httpCeiling: ceiling,
    firstSummaries,
    startup: first.startup,
    afterRestart,
    pglite,
    peakRssMb: peakRss,
    signing: wanted('signing') ? await benchSigning(url, say) : undefined,
    satudata,
    layanan,
    skm,
    portal,
  };
  const md = markdown(result);
  if (ONLY.length) {
    process.stdout.write(`\n${md}\n(partial run: no results file written)\n`);
  } else {
    const stamp = result.date.slice(0, 16).replace(':', '');
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, `bench/results/${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(ROOT, `bench/results/${stamp}.md`), md);
    process.stdout.write(`\n${md}\nWritten bench/results/${stamp}.json and .md\n`);
  }
} finally {
  await db.query(`delete from sessions where user_agent = 'khidmat-bench'`);
  await db.query('drop table if exists bench_citizens');
  await db.end();
}
