/**
 * The database's ceiling for intake: pgbench inserting the rows one submission writes (report,
 * timeline event, audit row, outbox row, and the claim of its Idempotency-Key) in one transaction,
 * at the same concurrency as the app. Likewise for a PPID filing (Idempotency-Key claimed and
 * answered, registration serial, request, timeline event, audit row).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';

/** pgbench from the PostgreSQL installation, installed from Debian when missing. */
export function findPgbench(): string {
  const candidates = () => {
    const root = '/usr/lib/postgresql';
    const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    const onPath = spawnSync('which', ['pgbench']).stdout?.toString().trim();
    return [...versions.map((v) => path.join(root, v, 'bin', 'pgbench')), ...(onPath ? [onPath] : [])].filter((f) => fs.existsSync(f));
  };
  let found = candidates()[0];
  if (!found) {
    process.stdout.write('pgbench not found: installing postgresql-contrib (apt-get)…\n');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', 'postgresql-contrib'], { stdio: 'inherit' });
    found = candidates()[0];
  }
  if (!found) throw new Error('pgbench is not available and could not be installed');
  return found;
}

const SCRIPT = `\\set r random(1, :citizens)
BEGIN;
INSERT INTO reports (tracking_number, class, title, description, category_id, lat, lng, kelurahan_code, status, reporter_id, channel, created_at, updated_at, verify_due_at)
  VALUES ('PGB-' || nextval('report_tracking_seq'), 'pengaduan', 'Jalan berlubang di Jl. Sudirman', 'Lubang besar di depan pasar, sudah seminggu dan berbahaya bagi pengendara.',
          :category, 1.67376, 101.37077, :kelurahan, 'submitted', (SELECT id FROM bench_citizens WHERE n = :r), 'web', now(), now(), now() + interval '3 days')
  RETURNING id AS rid \\gset
INSERT INTO report_events (report_id, at, actor_id, actor_role, action, to_status)
  VALUES (:rid, now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'submit', 'submitted');
INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id)
  VALUES (now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'report.submit', 'report', 'PGB-' || currval('report_tracking_seq'));
INSERT INTO outbox (user_id, channel, title, body, link)
  VALUES ((SELECT id FROM bench_citizens WHERE n = :r), 'in_app', '{"id":"Laporan diterima","en":"Report received"}',
          '{"id":"Laporan Anda sudah kami terima.","en":"We have received your report."}', '/laporan/PGB-' || currval('report_tracking_seq'));
INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
  VALUES ('user:' || (SELECT id FROM bench_citizens WHERE n = :r), 'khidmat-bench-pgb-' || currval('report_tracking_seq'),
          'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 201, ('{"trackingNumber":"PGB-' || currval('report_tracking_seq') || '"}')::jsonb);
END;
`;

export interface PgbenchResult {
  clients: number;
  seconds: number;
  tps: number;
  latencyAvgMs: number;
  /** When this is the median of repeated runs: each run's tps, lowest first. */
  runs?: number[];
}

export async function pgbenchIntake(db: pg.Pool, url: string, citizenIds: string[], clients: number, seconds: number): Promise<PgbenchResult> {
  await db.query('create table if not exists bench_citizens (n int primary key, id uuid not null)');
  await db.query('truncate bench_citizens');
  await db.query('insert into bench_citizens select ordinality, id from unnest($1::uuid[]) with ordinality as t(id)', [citizenIds]);
  const { rows } = await db.query<{ id: number }>(`select id from categories where code = 'INF-JALAN'`);
  const file = path.join(os.tmpdir(), `khidmat-pgbench-${process.pid}.sql`);
  fs.writeFileSync(file, SCRIPT);
  const out = execFileSync(
    findPgbench(),
    ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, os.cpus().length)), '-T', String(seconds), '-f', file,
      '-D', `citizens=${citizenIds.length}`, '-D', `category=${rows[0]!.id}`, '-D', 'kelurahan=14.72.06.1001', url],
    { encoding: 'utf8' },
  );
  fs.rmSync(file);
  // The ceiling's notices are not the app's to deliver: mark them done so the server's worker does not chase them.
  await db.query(`update outbox set status = 'delivered', delivered_at = now() where status = 'pending' and link like '/laporan/PGB-%'`);
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return { clients, seconds, tps: Math.round(tps * 10) / 10, latencyAvgMs: latency };
}

/**
 * One anonymous PPID filing as the app runs it (routes.ts → idempotent() → fileRequest() in
 * src/ppid/intake.ts), statement for statement in one transaction: the claim of the
 * Idempotency-Key (status 0, empty answer), the registration serial from ppid_registration_seq,
 * the request (the identity number as an AES-GCM token made by the app's cipher, its mask, the
 * secret link's SHA-256, deadlines; the full-text column generated by the database as for the app)
 * returned whole, its `submit` event, the `ppid.submit` audit line, and the key's answer written
 * back. The app also reads the request back for its answer, outside the transaction; reads are not
 * part of the ceiling. No outbox row: the app queues the receipt email only when SMTP is configured,
 * and the benchmark server (like the intake row's) runs without it.
 */
const PPID_SCRIPT = `\\set k random(1, 1000000000000)
BEGIN;
INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
  VALUES ('ppid:127.0.0.1', 'khidmat-bench-pgb-ppid-' || :client_id || '-' || :k, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 0, '{}')
  ON CONFLICT DO NOTHING RETURNING key AS claimed \\gset
SELECT nextval('ppid_registration_seq') AS serial \\gset
INSERT INTO ppid_requests (registration_number, requester_id, identity_type, identity_encrypted, identity_masked, full_name, entity_name, address, email, phone,
                           on_behalf_of, power_of_attorney_id, information, purpose, obtain_method, delivery_method, channel, recorded_by_id, public_consent, status,
                           token_hash, created_at, updated_at, received_at, verify_due_at, answer_due_at)
  VALUES ('PGB-PPID-' || to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY') || '-' || lpad(:serial::text, 6, '0'), NULL, 'nik', :identity, :masked, 'Fitriani Lubis', NULL,
          'Jl. Tuanku Tambusai No. 12, Pekanbaru', 'pemohon' || :client_id || '@bench.invalid', NULL, NULL, NULL,
          'Daftar paket pekerjaan drainase Kecamatan Dumai Timur tahun 2025 beserta nilai kontraknya.', 'Bahan liputan tentang kualitas jalan kota.',
          'soft_copy', 'email', 'web', NULL, true, 'submitted', encode(sha256(random()::text::bytea), 'hex'),
          now(), now(), now(), now() + interval '3 days', now() + interval '14 days')
  RETURNING * \\gset r_
INSERT INTO ppid_events (request_id, at, actor_id, actor_role, action, from_status, to_status, public_message, internal_note, detail)
  VALUES (:r_id, now(), NULL, 'requester', 'submit', NULL, 'submitted', NULL, NULL, '{"channel":"web"}');
INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail, ip)
  VALUES (now(), NULL, 'system', 'ppid.submit', 'ppid_request', :r_registration_number, '{"channel":"web"}', NULL);
UPDATE idempotency_keys SET status = 201, response = jsonb_build_object('registrationNumber', :r_registration_number::text, 'token', 'q7Zb0cYkq2m4VwQm1x9aLr3TfJ8uHs5N')
  WHERE scope = 'ppid:127.0.0.1' AND key = :claimed;
END;
`;

/** The ceiling for PPID filing; `identity` is one encrypted identity number (and its mask) made with the app's cipher. */
export function pgbenchPpidFiling(url: string, identity: { encrypted: string; masked: string }, clients: number, seconds: number): PgbenchResult {
  const file = path.join(os.tmpdir(), `khidmat-pgbench-ppid-${process.pid}.sql`);
  fs.writeFileSync(file, PPID_SCRIPT);
  const out = execFileSync(
    findPgbench(),
    ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, os.cpus().length)), '-T', String(seconds), '-f', file,
      '-D', `identity=${identity.encrypted}`, '-D', `masked=${identity.masked}`, url],
    { encoding: 'utf8' },
  );
  fs.rmSync(file);
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return { clients, seconds, tps: Math.round(tps * 10) / 10, latencyAvgMs: latency };
}

/** Runs a pgbench script at `clients` for `seconds` with its variables (-D), and reads its rate and latency. */
export function runPgbenchScript(url: string, name: string, script: string, vars: Record<string, string | number>, clients: number, seconds: number): PgbenchResult {
  const file = path.join(os.tmpdir(), `khidmat-pgbench-${name}-${process.pid}.sql`);
  fs.writeFileSync(file, script);
  try {
    const out = execFileSync(
      findPgbench(),
      ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, os.cpus().length)), '-T', String(seconds), '-f', file,
        ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]), url],
      { encoding: 'utf8' },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
    return { clients, seconds, tps: Math.round(tps * 10) / 10, latencyAvgMs: latency };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
