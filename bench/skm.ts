/**
 * SKM's bench rows. A survey answer through a unit's anonymous public link (the QR poster at the
 * counter) at 16 connections, against pgbench writing the same row at 16 clients (goal: the app at
 * ≥ 0.5 of that ceiling; the app's read of the unit by its key is not part of the ceiling, as for
 * the other submission rows). And a unit's IKM for a year of 100,000 answers, its results in the
 * regulation's table read by anyone once published (goal p95 ≤ 150 ms): those answers, the period
 * and the publication are written straight into the tables (that row is about the computation, not
 * the 100,000 submissions). Everything the rows write is removed after.
 */
import type pg from 'pg';
import { load, medianOfRuns, withRuns, type LoadResult } from './load.js';
import { runPgbenchScript, type PgbenchResult } from './pgbench.js';

export const IKM_GOAL_MS = 150;
export const SUBMISSION_GOAL_RATIO = 0.5;
const PERIOD = 'bench-skm-2025';
const SCORES = [4, 3, 3, 4, 3, 4, 4, 3, 3];

export interface SkmResult {
  answers: number;
  ikm: LoadResult;
  /** Absent from runs before 2026-12-07 11:00 UTC. */
  submission?: LoadResult;
  pgbench?: PgbenchResult;
  ratio?: number;
}

/**
 * The row one public-link answer writes (src/skm/answers.ts answerPublicLink → queries.insertAnswer):
 * the answer with its nine values and profile, its id returned; one statement, as the app sends it.
 */
const SCRIPT = `INSERT INTO skm_answers (unit_id, source, invitation_id, entered_by_id, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion)
  VALUES (:unit, 'public_link', NULL, NULL, now(), ${SCORES.join(', ')}, 'P', '30_39', 'sma', 'swasta', 'Antrean lebih tertib.') RETURNING id;
`;

/**
 * Answers through the public link at 16 connections, then the ceiling of the same row, each the
 * median of `runs` (one 10 s run moved by a fifth from run to run here); all removed after.
 */
async function submissionRows(opts: { db: pg.Pool; url: string; base: string; seconds: number; runs: number; unit: { id: number; publicKey: string }; say: (line: string) => void }) {
  const { db, base, unit, say } = opts;
  const since = (await db.query<{ now: Date }>('select now()')).rows[0]!.now;
  const path = `/api/v1/skm/units/by-key/${unit.publicKey}/answers`;
  const body = JSON.stringify({ scores: SCORES, sex: 'P', ageBand: '30_39', education: 'sma', occupation: 'swasta', suggestion: 'Antrean lebih tertib.' });
  const answer = { path, body };
  try {
    say('SKM: answer warm-up…');
    await load({ name: 'warm-up', url: base, connections: 2, seconds: 1, method: 'POST', next: answer });
    const submission = await medianOfRuns(opts.runs, 'SKM: answers through the public link at 16 connections', say, (r) => r.rps, () =>
      load({ name: 'POST /api/v1/skm/units/by-key/:key/answers (public link)', url: base, connections: 16, seconds: opts.seconds, method: 'POST', next: answer }),
    );
    const pgbench = await medianOfRuns(opts.runs, 'SKM: pgbench ceiling of the same row at 16 clients', say, (r) => r.tps, () =>
      runPgbenchScript(opts.url, 'skm', SCRIPT, { unit: unit.id }, 16, opts.seconds),
    );
    return { submission, pgbench, ratio: Math.round((submission.rps / pgbench.tps) * 100) / 100 };
  } finally {
    await db.query(`delete from skm_answers where unit_id = $1 and source = 'public_link' and answered_at >= $2`, [unit.id, since]);
  }
}

async function remove(db: pg.Pool, unitId: number): Promise<void> {
  await db.query(`delete from skm_publications where period_id in (select id from skm_periods where name = $1)`, [PERIOD]);
  await db.query(`delete from skm_periods where name = $1`, [PERIOD]);
  await db.query(`delete from skm_answers where unit_id = $1 and answered_at >= '2025-01-01T00:00:00+07' and answered_at < '2026-01-01T00:00:00+07'`, [unitId]);
}

export async function skmRows(opts: { db: pg.Pool; url: string; base: string; seconds: number; runs: number; connections: number; answers?: number; say: (line: string) => void }): Promise<SkmResult> {
  const { db, base, say } = opts;
  const n = opts.answers ?? 100_000;
  const unit = (await db.query<{ id: number; publicKey: string }>(`select id, public_key as "publicKey" from skm_units where kind = 'aduan_desk'`)).rows[0];
  if (!unit) throw new Error('skm: the complaint desk unit is missing (has the server started on this database?)');
  const submitted = await submissionRows({ ...opts, unit });
  await remove(db, unit.id);
  say(`SKM: ${n} answers over 2025…`);
  // Values 1–4 leaning to 3, spread evenly over the year; a profile on most.
  await db.query(
    `insert into skm_answers (unit_id, source, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
     select $1, 'public_link', timestamptz '2025-01-01T00:00:00+07' + (i * interval '365 days' / $2::int),
            1 + (i * 7 + 3) % 4 / 3 + (i % 3 > 0)::int + (i % 5 > 1)::int, 2 + i % 3, 2 + (i / 3) % 3, 3 + i % 2, 1 + (i * 11) % 4, 2 + (i / 7) % 3, 3 + (i / 5) % 2, 1 + (i * 13) % 4, 2 + (i / 11) % 3,
            (array['L','P'])[1 + i % 2], (array['di_bawah_20','20_29','30_39','40_49','50_59','60_ke_atas'])[1 + i % 6],
            (array['sd','smp','sma','diploma','s1','s2_ke_atas'])[1 + (i / 6) % 6], (array['pns','tni','polri','swasta','wirausaha','lainnya'])[1 + (i / 36) % 6]
     from generate_series(0, $2::int - 1) i`,
    [unit.id, n],
  );
  const period = (await db.query<{ id: number }>(`insert into skm_periods (name, starts_on, ends_on) values ($1, '2025-01-01', '2025-12-31') returning id`, [PERIOD])).rows[0]!;
  await db.query(`insert into skm_publications (period_id, unit_id, published_at) values ($1, $2, now())`, [period.id, unit.id]);
  await db.query('vacuum (analyze) skm_answers');
  try {
    const path = `/api/v1/skm/periods/${period.id}/units/${unit.id}/results`;
    const check = await fetch(base + path);
    if (!check.ok) throw new Error(`skm results: ${check.status} ${await check.text()}`);
    const body = (await check.json()) as { respondents: number };
    if (body.respondents !== n) throw new Error(`skm results: ${body.respondents} respondents, expected ${n}`);
    await load({ name: 'warm-up', url: base, connections: 2, seconds: 1, next: { path } });
    say('SKM: IKM of a unit-year…');
    const ikm = await load({ name: 'GET /api/v1/skm/periods/:p/units/:u/results (IKM of a unit-year)', url: base, connections: opts.connections, seconds: opts.seconds, next: { path } });
    return { answers: n, ikm, ...submitted };
  } finally {
    await remove(db, unit.id);
  }
}

export function skmMarkdown(r: SkmResult): string[] {
  return [
    '### SKM/IKM',
    '',
    '| row | connections | req/s | p50 | p95 | failures | goal |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...(r.submission && r.pgbench
      ? [`| ${r.submission.name} | ${r.submission.connections} | ${withRuns(r.submission.rps, r.submission.runs)} | ${r.submission.p50} ms | ${r.submission.p95} ms | ${r.submission.failures} | ≥ ${SUBMISSION_GOAL_RATIO} of pgbench (${withRuns(r.pgbench.tps, r.pgbench.runs)} tps): ${r.ratio} ${r.ratio! >= SUBMISSION_GOAL_RATIO ? 'met' : 'missed'} |`]
      : []),
    `| ${r.ikm.name}, ${r.answers} answers | ${r.ikm.connections} | ${r.ikm.rps} | ${r.ikm.p50} ms | ${r.ikm.p95} ms | ${r.ikm.failures} | p95 ≤ ${IKM_GOAL_MS} ms ${r.ikm.p95 <= IKM_GOAL_MS ? 'met' : 'missed'} |`,
    '',
  ];
}
