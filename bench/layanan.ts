/**
 * Layanan's bench rows: an application submitted with a 12-field form and no files (`submit: true`
 * in one request, with an Idempotency-Key) at 16 connections, against pgbench writing the same
 * rows in one transaction (goal: the app at ≥ 0.5 of that ceiling); and the officers' inbox with
 * 200,000 applications of one OPD in the database (goal p95 ≤ 50 ms). The service and the
 * applications are written straight into the tables (the bench is about the filing and the inbox,
 * not about publishing a service) and removed after; the audit lines stay (the log is append-only).
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { load, type LoadResult } from './load.js';
import { runPgbenchScript, type PgbenchResult } from './pgbench.js';

export const SUBMISSION_GOAL_RATIO = 0.5;
export const INBOX_GOAL_MS = 50;
const CODE = 'bench-layanan';
const OPD = 'PUPR';

export interface LayananResult {
  inboxApplications: number;
  submission: LoadResult;
  pgbench: PgbenchResult;
  ratio: number;
  inbox: LoadResult;
}

const label = (id: string) => ({ id, en: id });
const FIELDS = [
  { key: 'nama_usaha', type: 'text', label: label('Nama usaha'), required: true },
  { key: 'alamat', type: 'textarea', label: label('Alamat'), required: true },
  { key: 'rt', type: 'text', label: label('RT'), required: true },
  { key: 'rw', type: 'text', label: label('RW'), required: true },
  { key: 'kelurahan', type: 'select', label: label('Kelurahan'), required: true, options: ['rimba_sekampung', 'bintan', 'teluk_binjai'].map((v) => ({ value: v, label: label(v) })) },
  { key: 'jumlah_pekerja', type: 'number', label: label('Jumlah pekerja'), required: true, min: 1, max: 10000, integer: true },
  { key: 'mulai', type: 'date', label: label('Mulai usaha'), required: true },
  { key: 'telepon', type: 'phone', label: label('Telepon'), required: true },
  { key: 'email', type: 'email', label: label('Email') },
  { key: 'jenis', type: 'select', label: label('Jenis'), required: true, options: ['mikro', 'kecil', 'menengah'].map((v) => ({ value: v, label: label(v) })) },
  { key: 'keterangan', type: 'textarea', label: label('Keterangan') },
  { key: 'pernyataan', type: 'checkbox', label: label('Data benar'), required: true },
];
const STEPS = [
  { key: 'verifikasi', name: label('Verifikasi'), kind: 'review', role: 'opd_officer', workingDays: 1 },
  { key: 'persetujuan', name: label('Persetujuan'), kind: 'approval', role: 'opd_admin', workingDays: 1 },
  { key: 'penerbitan', name: label('Penerbitan'), kind: 'issuance', role: 'opd_officer', workingDays: 1 },
];
const ANSWERS = {
  nama_usaha: 'Warung Makan Selera Dumai',
  alamat: 'Jl. Sultan Syarif Kasim No. 45, dekat Masjid Raya',
  rt: '003',
  rw: '002',
  kelurahan: 'rimba_sekampung',
  jumlah_pekerja: 4,
  mulai: '2019-07-01',
  telepon: '081276543210',
  email: 'warung@bench.invalid',
  jenis: 'mikro',
  keterangan: 'Usaha makanan rumahan yang melayani pekerja pelabuhan.',
  pernyataan: true,
};

/**
 * One submission in a transaction of its own, statement for statement as the app wrote it before it
 * gathered filings into a group commit (a draft filed, then `act('submit')`): the key's claim, the
 * number's serial, the draft, its `create` event and audit line, the submission (status, step and
 * deadlines), the webhook outbox insert (none: the bench service has no webhook), the `submit`
 * event and audit line, and the key's answer. The app now writes the same rows for every filing of
 * a batch in one statement (src/layanan/filing-desk.ts). Its reads (service and version, account,
 * holidays) are not in the ceiling.
 */
const SCRIPT = `\\set r random(1, :citizens)
\\set k random(1, 1000000000000)
BEGIN;
INSERT INTO idempotency_keys (scope, key, request_hash, status, response)
  VALUES ('user:' || (SELECT id FROM bench_citizens WHERE n = :r), 'khidmat-bench-pgb-lyn-' || :client_id || '-' || :k, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 0, '{}')
  ON CONFLICT DO NOTHING RETURNING key AS claimed \\gset
SELECT nextval('layanan_number_seq') AS serial \\gset
INSERT INTO layanan_applications (number, service_id, version_id, opd_id, applicant_id, applicant_opd_id, applicant_name, nik_encrypted, nik_masked, phone, email, answers, status, channel, created_at, updated_at)
  VALUES ('PGB-LYN-2026-' || lpad(:serial::text, 6, '0'), :service, :version, :opd, (SELECT id FROM bench_citizens WHERE n = :r), NULL, 'Warga Bench', NULL, NULL, NULL, NULL, :answers::jsonb, 'draft', 'online', now(), now())
  RETURNING id AS aid \\gset
INSERT INTO layanan_events (application_id, step_key, at, actor_id, actor_role, action, to_status, detail)
  VALUES (:aid, NULL, now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'create', 'draft', '{"channel":"online"}');
INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail)
  VALUES (now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'layanan.create', 'layanan_application', 'PGB-LYN-2026-' || lpad(:serial::text, 6, '0'), '{"service":"${CODE}","channel":"online"}');
UPDATE layanan_applications SET step_index = 0, step_due_at = now() + interval '1 day', submitted_at = now(), due_at = now() + interval '5 days', status = 'submitted', updated_at = now() WHERE id = :aid;
INSERT INTO layanan_webhook_deliveries (service_id, application_number, event, body, next_attempt_at, created_at)
  SELECT :service, 'PGB-LYN', 'application.submitted', '{}', now(), now() FROM layanan_webhooks w WHERE w.service_id = :service AND w.active;
INSERT INTO layanan_events (application_id, step_key, at, actor_id, actor_role, action, from_status, to_status)
  VALUES (:aid, 'verifikasi', now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'submit', 'draft', 'submitted');
INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, detail)
  VALUES (now(), (SELECT id FROM bench_citizens WHERE n = :r), 'citizen', 'layanan.submit', 'layanan_application', 'PGB-LYN-2026-' || lpad(:serial::text, 6, '0'), '{"step":"verifikasi"}');
UPDATE idempotency_keys SET status = 201, response = jsonb_build_object('number', 'PGB-LYN-2026-' || lpad(:serial::text, 6, '0'))
  WHERE scope = 'user:' || (SELECT id FROM bench_citizens WHERE n = :r) AND key = :claimed;
END;
`;

async function seedService(db: pg.Pool): Promise<{ service: number; version: number; opd: number }> {
  const { rows } = await db.query<{ id: number; opd_id: number }>(
    `insert into layanan_services (code, opd_id, audience, name, description, legal_basis, standard_days, current_version)
     values ($1, (select id from opds where code = $2), 'citizens', $3, $3, 'Perwako Dumai (bench)', 5, 1) returning id, opd_id`,
    [CODE, OPD, JSON.stringify(label('Izin usaha mikro (bench)'))],
  );
  const service = rows[0]!;
  const v = await db.query<{ id: number }>(
    `insert into layanan_service_versions (service_id, version, form, requirements, steps, output, published_at) values ($1, 1, $2, '[]', $3, $4, now()) returning id`,
    [service.id, JSON.stringify({ fields: FIELDS }), JSON.stringify(STEPS), JSON.stringify({ title: 'Izin', body: '{{nama_usaha}}', validMonths: null })],
  );
  return { service: service.id, version: v.rows[0]!.id, opd: service.opd_id };
}

/** `n` applications of the bench service in every state, their step deadlines spread round today (a fifth overdue). */
async function seedInbox(db: pg.Pool, ids: { service: number; version: number; opd: number }, n: number): Promise<void> {
  await db.query(
    `insert into layanan_applications (number, service_id, version_id, opd_id, applicant_name, answers, status, step_index, step_due_at, due_at, channel, created_at, updated_at, submitted_at)
     select 'BENCH-LYN-2026-' || lpad(i::text, 7, '0'), $1, $2, $3, 'Warga ' || i, $4::jsonb,
            (array['submitted','in_process','in_process','approved','correction_requested','issued','issued','rejected','withdrawn','draft'])[1 + i % 10],
            case when i % 10 in (1, 2) then 1 when i % 10 in (3, 5, 6) then 2 else 0 end,
            case when i % 10 in (0, 1, 2, 3) then now() + ((i % 25) - 5) * interval '1 day' end,
            now() + ((i % 25) - 2) * interval '1 day', case when i % 7 = 0 then 'counter' else 'online' end,
            now() - (i % 400) * interval '1 hour', now(), now() - (i % 400) * interval '1 hour'
     from generate_series(1, $5::int) i`,
    [ids.service, ids.version, ids.opd, JSON.stringify(ANSWERS), n],
  );
  await db.query('vacuum (analyze) layanan_applications');
}

async function remove(db: pg.Pool, service: number): Promise<void> {
  await db.query('delete from layanan_events where application_id in (select id from layanan_applications where service_id = $1)', [service]);
  await db.query('delete from layanan_webhook_deliveries where service_id = $1', [service]);
  await db.query('delete from layanan_applications where service_id = $1', [service]);
  await db.query('delete from layanan_service_versions where service_id = $1', [service]);
  await db.query('delete from layanan_services where id = $1', [service]);
  await db.query(`delete from idempotency_keys where key like 'khidmat-bench-lyn-%' or key like 'khidmat-bench-pgb-lyn-%'`);
}

export async function layananRows(o: {
  db: pg.Pool;
  url: string;
  base: string;
  seconds: number;
  connections: number;
  citizenIds: string[];
  citizenTokens: string[];
  /** An OPD admin of PUPR (the bench service's OPD): the inbox's reader. */
  officerToken: string;
  inboxApplications?: number;
  say: (line: string) => void;
}): Promise<LayananResult> {
  const n = o.inboxApplications ?? 200_000;
  await o.db.query(`delete from layanan_services where code = $1 and not exists (select 1 from layanan_applications a where a.service_id = layanan_services.id)`, [CODE]);
  const ids = await seedService(o.db);
  try {
    const run = crypto.randomBytes(4).toString('hex');
    const body = JSON.stringify({ serviceCode: CODE, answers: ANSWERS, submit: true });
    const submit = (i: number) => ({
      path: '/api/v1/layanan/applications',
      headers: { authorization: `Bearer ${o.citizenTokens[i % o.citizenTokens.length]!}`, 'content-type': 'application/json', 'idempotency-key': `khidmat-bench-lyn-${run}-${i}` },
      body,
    });
    o.say('layanan: submission warm-up…');
    await load({ name: 'warm-up', url: o.base, connections: 2, seconds: 1, method: 'POST', next: (i) => submit(1_000_000 + i) });
    o.say('layanan: submission at 16 connections…');
    const submission = await load({ name: 'POST /api/v1/layanan/applications (12 fields, submit)', url: o.base, connections: 16, seconds: o.seconds, method: 'POST', next: submit });
    o.say('layanan: pgbench ceiling of the same rows at 16 clients…');
    await o.db.query('create table if not exists bench_citizens (n int primary key, id uuid not null)');
    await o.db.query('truncate bench_citizens');
    await o.db.query('insert into bench_citizens select ordinality, id from unnest($1::uuid[]) with ordinality as t(id)', [o.citizenIds]);
    const pgbench = runPgbenchScript(o.url, 'layanan', SCRIPT, { citizens: o.citizenIds.length, service: ids.service, version: ids.version, opd: ids.opd, answers: JSON.stringify(ANSWERS) }, 16, o.seconds);
    o.say(`layanan: ${n} applications for the inbox…`);
    await o.db.query('delete from layanan_events where application_id in (select id from layanan_applications where service_id = $1)', [ids.service]);
    await o.db.query('delete from layanan_applications where service_id = $1', [ids.service]);
    await seedInbox(o.db, ids, n);
    const filters = ['', '?step=verifikasi', `?service=${CODE}`, '?status=submitted,in_process'];
    const inboxOf = (i: number) => ({ path: `/api/v1/layanan/applications${filters[i % filters.length]}`, headers: { authorization: `Bearer ${o.officerToken}` } });
    await load({ name: 'warm-up', url: o.base, connections: 2, seconds: 1, next: inboxOf });
    o.say('layanan: the inbox…');
    const inbox = await load({ name: 'GET /api/v1/layanan/applications (inbox, overdue first)', url: o.base, connections: o.connections, seconds: o.seconds, next: inboxOf });
    return { inboxApplications: n, submission, pgbench, ratio: Math.round((submission.rps / pgbench.tps) * 100) / 100, inbox };
  } finally {
    await remove(o.db, ids.service);
  }
}

export function layananMarkdown(r: LayananResult): string[] {
  return [
    '### Layanan',
    '',
    '| row | connections | req/s | p50 | p95 | failures | goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${r.submission.name} | ${r.submission.connections} | ${r.submission.rps} | ${r.submission.p50} ms | ${r.submission.p95} ms | ${r.submission.failures} | ≥ ${SUBMISSION_GOAL_RATIO} of pgbench (${r.pgbench.tps} tps): ${r.ratio} ${r.ratio >= SUBMISSION_GOAL_RATIO ? 'met' : 'missed'} |`,
    `| ${r.inbox.name}, ${r.inboxApplications} applications | ${r.inbox.connections} | ${r.inbox.rps} | ${r.inbox.p50} ms | ${r.inbox.p95} ms | ${r.inbox.failures} | p95 ≤ ${INBOX_GOAL_MS} ms ${r.inbox.p95 <= INBOX_GOAL_MS ? 'met' : 'missed'} |`,
    '',
  ];
}
