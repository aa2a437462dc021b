/**
 * Query plans at scale: every query behind a public or staff report list must reach the reports
 * table through an index, never a sequential scan. Runs on a PostgreSQL database seeded with the
 * synthetic city (30k reports, ANALYZEd) so the planner chooses as it would in production.
 * PLANS_DATABASE_URL points it at an already seeded database instead (e.g. the 1M bench database);
 * PLANS_VERBOSE=1 prints each plan with its run time.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../core/db/client.js';
import { listenPostgres } from '../core/db/listen.js';
import { loadConfig } from '../config.js';
import { createContext } from '../bootstrap.js';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { listForStaff, listMine, listPublic, type ListQuery } from '../aduan/reads.js';
import { seedSynthetic } from '../cli/seed-synthetic.js';

const enabled = !!(process.env.TEST_DATABASE_URL || process.env.PLANS_DATABASE_URL);
const verbose = process.env.PLANS_VERBOSE === '1';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe.skipIf(!enabled)('report lists use indexes at scale (EXPLAIN on a seeded PostgreSQL)', () => {
  let url: string;
  let drop: (() => Promise<void>) | undefined;
  let pool: pg.Pool;
  let ctx: AppContext;
  let captured: { query: string; params: unknown[] }[] = [];
  const people: Record<'triage' | 'opd' | 'smallOpd' | 'citizen', Principal> = {} as never;

  beforeAll(async () => {
    if (process.env.PLANS_DATABASE_URL) {
      url = process.env.PLANS_DATABASE_URL;
    } else {
      const name = `khidmat_t_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${name}`;
      url = u.toString();
      drop = async () => {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
      // Three years of a busy city, scaled down; VACUUM (ANALYZE) is part of the seeding.
      await seedSynthetic(url, { reports: 30_000, now: new Date('2026-03-02T02:00:00Z') });
    }
    pool = new pg.Pool({ connectionString: url, max: 2 });
    const db = drizzle(pool, { logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
    const config = { ...loadConfig({}), databaseUrl: url, secretKey: crypto.randomBytes(32).toString('base64') };
    ({ ctx } = await createContext(config, { database: { db, kind: 'postgresql', listen: listenPostgres(url, (channel, payload) => pool.query('select pg_notify($1, $2)', [channel, payload])), close: async () => undefined } }));
    const one = async (sql: string) => (await pool.query(sql)).rows[0];
    const pupr = await one(`select id from opds where code = 'PUPR'`);
    const triageOpd = await one(`select id from opds where is_triage`);
    const citizen = await one(`select reporter_id as id from reports where reporter_id is not null order by id desc limit 1`);
    people.triage = { userId: crypto.randomUUID(), role: 'triage_admin', opdId: triageOpd.id, fullName: 'Triage' };
    people.opd = { userId: crypto.randomUUID(), role: 'opd_admin', opdId: pupr.id, fullName: 'PUPR' };
    people.smallOpd = { userId: crypto.randomUUID(), role: 'opd_admin', opdId: (await one(`select id from opds where code = 'SATPOLPP'`)).id, fullName: 'Satpol PP' };
    people.citizen = { userId: citizen.id, role: 'citizen', opdId: null, fullName: 'Warga' };
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  const q = (over: Partial<ListQuery>): ListQuery => ({ limit: 20, offset: 0, ...over });
  // An index named third must appear in the plan.
  const lists: [string, () => Promise<unknown>, string?][] = [
    ['public: newest', () => listPublic(ctx, q({})), 'reports_public_created_idx'],
    ['public: status', () => listPublic(ctx, q({ status: ['in_progress'] }))],
    ['public: category', () => listPublic(ctx, q({ category: 'INF-JALAN' }))],
    ['public: khidmat (parent category)', () => listPublic(ctx, q({ category: 'INF' }))],
    ['public: kelurahan', () => listPublic(ctx, q({ kelurahan: '14.72.02.1002' }))],
    ['public: kecamatan + category', () => listPublic(ctx, q({ kecamatan: '14.72.05', category: 'PEN-LAMPU' }))],
    ['public: period', () => listPublic(ctx, q({ from: '2025-06-01', to: '2025-06-30' }))],
    ['public: full-text search', () => listPublic(ctx, q({ q: 'lampu jalan mati' }))],
    ['public: rare word', () => listPublic(ctx, q({ q: 'jembatan lapuk' }))],
    ['public: map bbox', () => listPublic(ctx, q({ bbox: [101.44, 1.66, 101.46, 1.68], limit: 100 }))],
    ['public: page 10', () => listPublic(ctx, q({ offset: 200 })), 'reports_public_created_idx'],
    ['triage: submitted', () => listForStaff(ctx, people.triage, q({ status: ['submitted'] }))],
    ['triage: handling', () => listForStaff(ctx, people.triage, q({ status: ['dispositioned', 'in_progress'] })), 'reports_dispositioned_created_idx'],
    ['triage: overdue', () => listForStaff(ctx, people.triage, q({ overdue: true }))],
    ['triage: by OPD', () => listForStaff(ctx, people.triage, q({ opd: 'PUPR', active: true }))],
    ['triage: search', () => listForStaff(ctx, people.triage, q({ q: 'sampah' }))],
    // The OPD inbox reads its own live dispositions in order, however few are active; its history
    // walks only reports that reached an OPD.
    ['OPD: active', () => listForStaff(ctx, people.opd, q({ active: true })), 'dispositions_opd_active_idx'],
    ['OPD: active, overdue first', () => listForStaff(ctx, people.opd, q({ active: true, overdue: true, limit: 100 }))],
    ['OPD: active, a small OPD', () => listForStaff(ctx, people.smallOpd, q({ active: true })), 'dispositions_opd_active_idx'],
    ['OPD: all', () => listForStaff(ctx, people.opd, q({})), 'reports_dispositioned_created_idx'],
    ['citizen: mine', () => listMine(ctx, people.citizen, q({}))],
  ];

  it.each(lists)('%s', async (name, run, index) => {
    captured = [];
    await run();
    const onReports = captured.filter((c) => /from "reports"/.test(c.query));
    expect(onReports.length).toBeGreaterThan(0);
    for (const c of onReports) {
      const explain = verbose ? 'explain (analyze, format json)' : 'explain (format json)';
      const [row] = (await pool.query(`${explain} ${c.query}`, c.params)).rows;
      const plan = row['QUERY PLAN'][0];
      const all = nodes(plan.Plan as PlanNode);
      if (verbose) {
        const shape = all.map((n) => `${n['Node Type']}${n['Relation Name'] ? ` ${n['Relation Name']}` : ''}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`);
        process.stdout.write(`${name}: ${plan['Execution Time']?.toFixed(1)} ms — ${shape.join(' › ')}\n`);
      }
      const seq = all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'reports');
      expect(seq, `${name} scans the reports table sequentially`).toEqual([]);
      if (index) expect(all.map((n) => n['Index Name']), `${name} reads ${index}`).toContain(index);
    }
  });
});
