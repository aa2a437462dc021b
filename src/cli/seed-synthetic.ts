/**
 * Fills a PostgreSQL database with a synthetic but realistic Kota Dumai for benchmarks and plan
 * tests: citizens, reports at points inside their kelurahan, categories weighted like Dumai
 * Berkhidmat, statuses by age, timelines, dispositions, audit rows and photo references.
 * Rows go in with COPY FROM STDIN (pg's copy sub-protocol, driven by CopyIn in bulk-copy.ts).
 * Then public information requests (PPID, seed-ppid.ts), 100,000 unless `--ppid-requests` says
 * otherwise (0: none; `--reports 0` adds requests to a database seeded before).
 *
 *   npm run seed:synthetic -- --reports 1000000 [--ppid-requests 100000] [--citizens 50000] [--seed 1472]   (DATABASE_URL)
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { copy, type Cell } from './bulk-copy.js';
import { seedPpid } from './seed-ppid.js';
import { openDatabase } from '../core/db/client.js';
import { pointInGeometry, bbox, type Geometry } from '../core/geo/geo.js';
import { seedReferenceData } from '../core/reference/seed.js';
import { seedCategories } from '../aduan/category-seed.js';
import { mulberry32, type Random } from '../core/demo/random.js';
import { DURATIONS, REPORT_TEXTS, CLASS_OF, fill } from '../aduan/demo/templates.js';
import { KECAMATAN_WEIGHT, LANDMARKS, LANES, STREETS } from '../aduan/demo/places.js';
import type { ReportStatus } from '../aduan/lifecycle.js';

interface Place {
  code: string;
  kecamatan: string;
  name: string;
  points: [number, number][];
}

/** A pool of points inside each kelurahan's boundary (rejection sampling in its bounding box). */
function places(rand: Random, rows: { code: string; kecamatan_code: string; name: string; lat: number; lng: number; boundary: Geometry | null }[]): Place[] {
  return rows.map((k) => {
    const points: [number, number][] = [];
    if (k.boundary) {
      const [minLng, minLat, maxLng, maxLat] = bbox(k.boundary);
      for (let tries = 0; points.length < 400 && tries < 200_000; tries++) {
        const lng = rand.between(minLng, maxLng);
        const lat = rand.between(minLat, maxLat);
        if (pointInGeometry(lng, lat, k.boundary)) points.push([Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6]);
      }
    }
    // No boundary yet (three new kelurahan): around the centre, as the demo does.
    if (!points.length) for (let i = 0; i < 50; i++) points.push([k.lat + rand.between(-0.002, 0.002), k.lng + rand.between(-0.002, 0.002)]);
    return { code: k.code, kecamatan: k.kecamatan_code, name: k.name, points };
  });
}

/** Most citizens write about roads, drains, rubbish and street lights. */
const CATEGORY_WEIGHT: Record<string, number> = { 'INF-JALAN': 20, 'INF-DRAINASE': 12, 'SPP-SAMPAH': 12, 'PEN-LAMPU': 10, 'INF-JALANLINGKUNGAN': 6 };

/** Status by age: fresh reports wait at the desk, old ones are mostly closed (with some backlog). */
function statusFor(rand: Random, ageDays: number): ReportStatus {
  if (ageDays < 3) return rand.weighted({ submitted: 50, postponed: 5, verified: 15, dispositioned: 20, in_progress: 5, rejected: 5 });
  if (ageDays < 30) return rand.weighted({ submitted: 3, verified: 4, dispositioned: 15, in_progress: 30, resolved: 20, closed: 18, rejected: 5, outside_authority: 3, withdrawn: 2 });
  return rand.weighted({ in_progress: 3, dispositioned: 1, resolved: 1, closed: 75, rejected: 8, archived: 4, outside_authority: 4, merged: 3, withdrawn: 1 });
}

const DAY = 86_400_000;
const BATCH = 50_000;
const HOUR = 3_600_000;

export interface SeedOptions {
  reports: number;
  citizens?: number;
  seed?: number;
  now?: Date;
  /** Years of history the reports spread over. */
  years?: number;
  log?: (line: string) => void;
}

/**
 * Adds `reports` synthetic reports (and their citizens) to the database at `url`, migrating it
 * first. Indexes on the big tables are dropped for the load and rebuilt after, as a bulk load should.
 */
export async function seedSynthetic(url: string, opts: SeedOptions): Promise<{ reports: number; events: number; seconds: number }> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const database = await openDatabase({ url });
  await seedReferenceData(database.db);
  await seedCategories(database.db);
  await database.close();

  const rand = mulberry32(opts.seed ?? 0x1472);
  const now = opts.now ?? new Date();
  const span = (opts.years ?? 3) * 365 * DAY;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const client = await pool.connect();
  try {
    const kel = places(rand, (await client.query('select code, kecamatan_code, name, lat, lng, boundary from kelurahan order by code')).rows);
    const kelWeights = Object.fromEntries(kel.map((k, i) => [String(i), KECAMATAN_WEIGHT[k.kecamatan] ?? 1]));
    const cats = (await client.query<{ id: number; code: string; resolve_working_days: number; opd_id: number }>(
      'select c.id, c.code, c.resolve_working_days, coalesce(c.default_opd_id, p.default_opd_id) as opd_id from categories c join categories p on p.id = c.parent_id where c.active',
    )).rows;
    const catWeights = Object.fromEntries(cats.map((c, i) => [String(i), CATEGORY_WEIGHT[c.code] ?? 3]));
    const [triage] = (await client.query<{ id: number }>('select id from opds where is_triage limit 1')).rows;
    const next = (
      await client.query<{ base: string; serial: string }>(
        `select coalesce(max(id), 0) + 1 as base, (select last_value from report_tracking_seq) + 1 as serial from reports`,
      )
    ).rows[0]!;
    const firstId = Number(next.base);
    const firstSerial = Number(next.serial);
    const citizenCount = opts.citizens ?? Math.max(100, Math.round(opts.reports / 20));
    const citizens = Array.from({ length: citizenCount }, () => crypto.randomUUID());

    await client.query('begin');
    await client.query(`set local maintenance_work_mem = '256MB'`);
    // The generated rows are consistent by construction: skip per-row foreign-key triggers.
    await client.query(`set local session_replication_role = replica`);
    const tables = ['reports', 'report_events', 'dispositions', 'audit_log', 'uploads', 'report_photos', 'users'];
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `select i.indexname as name, i.indexdef as def from pg_indexes i
          where i.schemaname = current_schema() and i.tablename = any($1)
            and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [tables],
      )
    ).rows;
    for (const ix of indexes) await client.query(`drop index "${ix.name}"`);
    log(`dropped ${indexes.length} secondary indexes for the load`);

    const batchStart = now.getTime() - span;
    await copy(
      client,
      'users',
      ['id', 'role', 'full_name', 'email', 'created_at'],
      (function* () {
        for (let i = 0; i < citizens.length; i++) yield [citizens[i]!, 'citizen', `Warga Sintetis ${i + 1}`, `warga${firstSerial + i}.${citizens[i]!.slice(0, 8)}@sintetis.invalid`, new Date(batchStart - DAY)];
      })(),
    );
    log(`${citizens.length} citizens`);

    // One pass plans every report; its side rows are buffered per table and copied after it.
    const events: Cell[][] = [];
    const disps: Cell[][] = [];
    const audits: Cell[][] = [];
    const uploadRows: Cell[][] = [];
    const photoRows: Cell[][] = [];
    let eventCount = 0;
    const year = (d: Date) => new Date(d.getTime() + 7 * HOUR).getUTCFullYear();
    await client.query('alter table reports alter column id set generated by default');
    // Batches keep the side rows of one batch in memory, not those of a million reports.
    for (let from = 0; from < opts.reports; from += BATCH) {
      const to = Math.min(opts.reports, from + BATCH);
      await copy(
        client,
        'reports',
        ['id', 'tracking_number', 'class', 'title', 'description', 'category_id', 'lat', 'lng', 'kelurahan_code', 'address', 'jurisdiction', 'anonymous', 'confidential', 'status', 'reporter_id', 'channel', 'created_at', 'updated_at', 'verify_due_at', 'follow_up_due_at', 'resolve_due_at', 'auto_close_at', 'verified_at', 'dispositioned_at', 'first_follow_up_at', 'resolved_at', 'closed_at', 'rating'],
        (function* () {
          for (let i = from; i < to; i++) {
            const id = firstId + i;
            const created = new Date(batchStart + (span * (i + rand.next())) / opts.reports);
            const k = kel[Number(rand.weighted(kelWeights))]!;
            const [lat, lng] = rand.pick(k.points);
            const cat = cats[Number(rand.weighted(catWeights))]!;
            const texts = REPORT_TEXTS[cat.code];
            const aspirasi = !!texts?.aspirasi && rand.chance(0.1);
            const [titleT, descT] = texts ? rand.pick(aspirasi ? texts.aspirasi! : texts.pengaduan) : ['Laporan warga Kel. {kel}', 'Mohon ditindaklanjuti.'];
            const street = rand.pick(STREETS[k.kecamatan] ?? ['Jl. Sudirman']);
            const values = { jalan: street, lorong: rand.pick(LANES), kel: k.name, tempat: rand.pick(LANDMARKS), rt: `RT ${rand.int(1, 20)}`, lama: rand.pick(DURATIONS) };
            const status = statusFor(rand, (now.getTime() - created.getTime()) / DAY);
            const reporter = rand.pick(citizens);
            const tracking = `DMI-${year(created)}-${String(firstSerial + i).padStart(6, '0')}`;
            // The timeline: each step some hours after the previous, never after now.
            let t = created.getTime();
            const step = (minH: number, maxH: number) => (t = Math.min(now.getTime() - 60_000, t + rand.between(minH, maxH) * HOUR));
            const ev = (action: string, role: string, from: string | null, to: string | null, msg: string | null = null, opd: number | null = null) =>
              events.push([id, new Date(t), action === 'submit' || action === 'confirm' || action === 'withdraw' ? reporter : null, role, opd, action, from, to, msg]);
            ev('submit', 'citizen', null, 'submitted');
            let verifiedAt: Date | null = null, dispAt: Date | null = null, followAt: Date | null = null, resolvedAt: Date | null = null, closedAt: Date | null = null;
            const handled = ['dispositioned', 'in_progress', 'resolved', 'closed'].includes(status);
            if (status === 'postponed') (step(2, 30), ev('postpone', 'triage_admin', 'submitted', 'postponed', null, triage!.id));
            if (status === 'verified') (step(2, 30), (verifiedAt = new Date(t)), ev('verify', 'triage_admin', 'submitted', 'verified', 'Laporan diverifikasi.', triage!.id));
            for (const [st, action] of [['rejected', 'reject'], ['archived', 'archive'], ['outside_authority', 'outside_authority'], ['merged', 'merge'], ['withdrawn', 'withdraw']] as const) {
              if (status === st) (step(2, 48), ev(action, action === 'withdraw' ? 'citizen' : 'triage_admin', 'submitted', st, action === 'withdraw' ? null : 'Laporan tidak dapat diproses lebih lanjut.', triage!.id));
            }
            let followDue: Date | null = null, resolveDue: Date | null = null, autoClose: Date | null = null;
            if (handled) {
              step(2, 30);
              verifiedAt = dispAt = new Date(t);
              followDue = new Date(t + 7 * DAY);
              resolveDue = new Date(t + cat.resolve_working_days * 1.4 * DAY);
              ev('disposition', 'triage_admin', 'submitted', 'dispositioned', 'Diteruskan ke OPD terkait.', triage!.id);
              if (status !== 'dispositioned') {
                step(1, 48);
                ev('accept', 'opd_officer', 'dispositioned', 'in_progress', null, cat.opd_id);
                step(4, 120);
                followAt = new Date(t);
                ev('follow_up', 'opd_officer', 'in_progress', 'in_progress', 'Tim sudah meninjau lokasi.', cat.opd_id);
              }
              if (status === 'resolved' || status === 'closed') {
                step(24, 400);
                resolvedAt = new Date(t);
                autoClose = new Date(t + 14 * DAY);
                ev('resolve', 'opd_officer', 'in_progress', 'resolved', 'Sudah ditangani.', cat.opd_id);
              }
              if (status === 'closed') {
                const confirmed = rand.chance(0.6);
                step(4, confirmed ? 200 : 336);
                closedAt = new Date(t);
                ev(confirmed ? 'confirm' : 'auto_close', confirmed ? 'citizen' : 'system', 'resolved', 'closed');
              }
              const active = status === 'dispositioned' || status === 'in_progress';
              disps.push([id, created, cat.opd_id, 'lead', 'Mohon ditindaklanjuti.', active ? 'active' : 'done', dispAt, followDue, status === 'dispositioned' ? null : dispAt, followAt, active ? null : resolvedAt]);
            } else if (status !== 'submitted' && status !== 'postponed' && !verifiedAt) {
              closedAt = status === 'verified' ? null : new Date(t);
            }
            audits.push([new Date(created), reporter, 'citizen', 'report.submit', 'report', tracking]);
            if (rand.chance(0.6)) {
              const upload = crypto.randomUUID();
              uploadRows.push([upload, reporter, `synthetic/${year(created)}/${upload}.jpg`, 'image/jpeg', 1280, 960, rand.int(90_000, 400_000), created, created]);
              photoRows.push([upload, id, 'report']);
            }
            yield [
              id, tracking, aspirasi ? 'aspirasi' : (CLASS_OF[cat.code] ?? 'pengaduan'), fill(titleT, values), fill(descT, values), cat.id, lat, lng, k.code,
              `${street}, ${values.tempat}`, 'kota', rand.chance(0.05), rand.chance(0.03), status, reporter, 'web', created, new Date(t),
              new Date(created.getTime() + 4 * DAY), followDue, resolveDue, status === 'resolved' ? autoClose : null, verifiedAt, dispAt, followAt, resolvedAt, closedAt,
              status === 'closed' && rand.chance(0.5) ? rand.int(2, 5) : null,
            ];
          }
        })(),
      );
      await copy(client, 'report_events', ['report_id', 'at', 'actor_id', 'actor_role', 'actor_opd_id', 'action', 'from_status', 'to_status', 'public_message'], events);
      await copy(client, 'dispositions', ['report_id', 'report_created_at', 'opd_id', 'role', 'instruction', 'status', 'created_at', 'follow_up_due_at', 'accepted_at', 'first_follow_up_at', 'done_at'], disps);
      await copy(client, 'audit_log', ['at', 'actor_id', 'actor_role', 'action', 'entity', 'entity_id'], audits);
      await copy(client, 'uploads', ['id', 'owner_id', 'file_key', 'mime', 'width', 'height', 'bytes', 'created_at', 'attached_at'], uploadRows);
      await copy(client, 'report_photos', ['upload_id', 'report_id', 'kind'], photoRows);
      eventCount += events.length;
      log(`${to} reports, ${eventCount} timeline events`);
      for (const rows of [events, disps, audits, uploadRows, photoRows]) rows.length = 0;
    }
    await client.query('alter table reports alter column id set generated always');
    await client.query(`select setval(pg_get_serial_sequence('reports', 'id'), (select max(id) from reports))`);
    await client.query(`select setval('report_tracking_seq', $1)`, [firstSerial + opts.reports - 1]);
    for (const ix of indexes) await client.query(ix.def);
    log(`rebuilt ${indexes.length} indexes`);
    await client.query('commit');
    // Vacuumed as autovacuum would soon after a bulk load: index-only scans then skip the heap.
    for (const t of tables) await client.query(`vacuum (analyze) ${t}`);
    return { reports: opts.reports, events: eventCount, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await pool.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = arg('database-url') ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL (PostgreSQL) or pass --database-url.');
  const reports = Number(arg('reports') ?? 100_000);
  const ppidRequests = Number(arg('ppid-requests') ?? 100_000);
  const citizens = arg('citizens');
  const seed = Number(arg('seed') ?? 0x1472);
  const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  // One instant for both, so the requests' ages match the reports'.
  const now = new Date();
  if (reports > 0) {
    const result = await seedSynthetic(url, { reports, ...(citizens ? { citizens: Number(citizens) } : {}), seed, now, log });
    process.stdout.write(`Seeded ${result.reports} reports and ${result.events} events in ${result.seconds.toFixed(1)} s\n`);
  }
  if (ppidRequests > 0) {
    const secretKey = process.env.KHIDMAT_SECRET_KEY;
    const result = await seedPpid(url, { requests: ppidRequests, seed, now, prefix: process.env.TRACKING_PREFIX ?? 'DMI', ...(secretKey ? { secretKey } : {}), log });
    process.stdout.write(`Seeded ${result.requests} PPID requests and ${result.events} events in ${result.seconds.toFixed(1)} s\n`);
  }
}
