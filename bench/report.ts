/** The results as a markdown table, each figure beside its goal. */
import { withRuns, type LoadResult } from './load.js';
import type { PgbenchResult } from './pgbench.js';
import { signingMarkdown, type SigningBench } from './signing.js';
import { layananMarkdown, type LayananResult } from './layanan.js';
import { skmMarkdown, type SkmResult } from './skm.js';
import { portalMarkdown, type PortalResult } from './portal.js';
import { satudataMarkdown, type SatudataResult } from './satudata.js';

interface Result {
  date: string;
  machine: { loadAverage: number; loadAverageEnd?: number; cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  reports: number;
  seconds: number;
  readConnections: number;
  intake: (LoadResult & { pgbench: PgbenchResult; ratio: number })[];
  reads: LoadResult[];
  /** PPID filing against its pgbench ceiling and the public archive; absent from runs before 2026-11-25. */
  ppid?: { requests: number; filing: (LoadResult & { pgbench: PgbenchResult; ratio: number })[]; reads: LoadResult[] };
  /** Absent from a partial run (--only) that leaves it out. */
  httpCeiling: LoadResult | undefined;
  /** The first summaries after the server starts (nothing kept yet); absent from runs before 2026-11-24 08:00 UTC. */
  firstSummaries?: { days: number; ms: number }[];
  peakRssMb: number;
  /** Time to answer after the first start, and everything after the restart; absent from runs before 2026-12-07. */
  startup?: Startup;
  afterRestart?: { startup: Startup; summaries: { count: number; p50: number; p95: number; max: number } };
  /** The embedded default's first start with the demo city and a short load; absent from runs before 2026-12-07. */
  pglite?: { startup: Startup; peakAtReadyMb: number; peakMb: number; reads: LoadResult[] };
  /** Signing a one-page document (bench/signing.ts); absent from runs before 2026-12-07 08:00 UTC. */
  signing?: SigningBench | undefined;
  /** Satu Data's CKAN search and large-upload rows (bench/satudata.ts); absent from runs before 2026-12-07 09:00 UTC. */
  satudata?: SatudataResult | undefined;
  /** Layanan's submission and inbox rows (bench/layanan.ts); absent from runs before 2026-12-07 09:00 UTC. */
  layanan?: LayananResult | undefined;
  /** SKM's IKM of a unit-year (bench/skm.ts); absent from runs before 2026-12-07 09:00 UTC. */
  skm?: SkmResult | undefined;
  /** The portal's public list and search over 50,000 items (bench/portal.ts); absent from runs before 2026-12-07 11:00 UTC. */
  portal?: PortalResult | undefined;
}

interface Startup {
  healthMs: number;
  readyMs: number;
  firstListMs: number;
}

/** Peak RSS goals (MB): the whole run on PostgreSQL; PGlite's first start with the demo city and a short load. */
const RSS_GOAL_PG = 300;
const RSS_GOAL_PGLITE = 400;
/** p95 of the summaries right after a restart (ms). */
const AFTER_RESTART_GOAL = 150;
const startupText = (s: Startup) => `health ${s.healthMs} ms, ready ${s.readyMs} ms, first public list ${s.firstListMs} ms`;

/** Start-up and memory, each beside its goal. */
function startupAndMemory(r: Result): string[] {
  const rows = [
    `| peak RSS of the server (PostgreSQL), the whole run | ${r.peakRssMb} MB | ≤ ${RSS_GOAL_PG} MB ${mark(r.peakRssMb <= RSS_GOAL_PG)} |`,
    ...(r.pglite
      ? [
          `| peak RSS of the server (PGlite), first start with the demo city, until ready | ${r.pglite.peakAtReadyMb} MB | — |`,
          `| peak RSS of the server (PGlite), first start and a short load (${r.pglite.reads.map((x) => x.name).join(', ')}) | ${r.pglite.peakMb} MB | ≤ ${RSS_GOAL_PGLITE} MB ${mark(r.pglite.peakMb <= RSS_GOAL_PGLITE)} |`,
        ]
      : []),
    ...(r.startup ? [`| first start (PostgreSQL), from spawn | ${startupText(r.startup)} | — |`] : []),
    ...(r.afterRestart
      ? [
          `| after a restart (PostgreSQL), from spawn | ${startupText(r.afterRestart.startup)} | — |`,
          `| after a restart: dashboard summaries of ${r.afterRestart.summaries.count} periods (the last 30 days, the last 365, others of 1–365 days), one at a time | p50 ${r.afterRestart.summaries.p50} ms, p95 ${r.afterRestart.summaries.p95} ms, max ${r.afterRestart.summaries.max} ms | p95 ≤ ${AFTER_RESTART_GOAL} ms ${mark(r.afterRestart.summaries.p95 <= AFTER_RESTART_GOAL)} |`,
        ]
      : []),
    ...(r.pglite ? [`| first start (PGlite, built server, empty DATA_DIR: the template copied, migrations and the demo city), from spawn | ${startupText(r.pglite.startup)} | — |`] : []),
  ];
  return [
    '### Start-up and memory',
    '',
    '| measure | figure | goal |',
    '| --- | --- | :---: |',
    ...rows,
    '',
    ...(r.pglite?.reads.length ? [`PGlite's short load (demo city, ${r.pglite.reads[0]!.connections} connections, ${r.pglite.reads[0]!.seconds} s each):`, '', ...READ_HEAD, ...r.pglite.reads.map((x) => readRowAgainst(x, undefined)), ''] : []),
  ];
}

/** p95 goals in ms at 1M reports; list, map and search 50 ms, the dashboard 150 ms. */
const READ_GOALS: Record<string, number> = {
  'public list (filters)': 50,
  'map (bbox)': 50,
  'full-text search': 50,
  'staff list (triage)': 50,
  'staff list (OPD)': 50,
  'dashboard summary': 150,
  'dashboard summary, another period each time': 150,
  'dashboard map': 150,
  // At 100,000 PPID requests.
  'PPID archive list': 50,
  'PPID archive full-text search': 50,
};

const mark = (ok: boolean) => (ok ? '✅' : '❌');
const failures = (x: LoadResult) => `${x.failures}${Object.keys(x.failedBy ?? {}).length ? ` (${Object.entries(x.failedBy).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`;
/** A filing row beside its pgbench ceiling: app req/s, p50, p99, failures, pgbench tps and latency, ratio, goal. */
const againstCeiling = (i: LoadResult & { pgbench: PgbenchResult | undefined; ratio: number }) =>
  `| ${i.connections} | ${withRuns(i.rps, i.runs)} | ${i.p50} | ${i.p99} | ${failures(i)} | ${i.pgbench ? withRuns(i.pgbench.tps, i.pgbench.runs) : '—'} | ${i.pgbench?.latencyAvgMs ?? '—'} | ${i.ratio} | ${mark(i.ratio >= 0.5)} |`;
const readRow = (x: LoadResult) => readRowAgainst(x, READ_GOALS[x.name]);
const readRowAgainst = (x: LoadResult, goal: number | undefined) => {
  return `| ${x.name} | ${x.rps} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.failures} | ${goal ? `≤ ${goal} ms ${mark(x.p95 <= goal)}` : '—'} |`;
};
const READ_HEAD = ['| read | req/s | p50 ms | p95 ms | p99 ms | failures | goal p95 |', '| --- | ---: | ---: | ---: | ---: | ---: | :---: |'];
const CEILING_HEAD = ['| connections | app req/s | p50 ms | p99 ms | failures | pgbench tps | pgbench avg ms | app / ceiling | goal ≥ 0.5 |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |'];

export function markdown(r: Result): string {
  const lines = [
    `## Benchmark ${r.date.slice(0, 10)} — ${r.reports.toLocaleString('en')} reports`,
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres}. ` +
      `Server, database and load generator share the machine (1-minute load average at start: ${r.machine.loadAverage}${r.machine.loadAverageEnd !== undefined ? `, at the end: ${r.machine.loadAverageEnd}` : ''}); ${r.seconds} s per run.`,
    '',
    // A partial run (--only) leaves out the sections it did not measure.
    ...(r.intake.length
      ? [
          '### Intake (POST /api/v1/reports, JSON, no photo, with an Idempotency-Key) against the pgbench ceiling (same rows: report, event, audit, outbox, idempotency key)',
          '',
          ...(r.intake.some((i) => i.runs) ? ['Each figure is the median run of several, with every run\'s figure in parentheses; the ratio compares the medians.', ''] : []),
          ...CEILING_HEAD,
          ...r.intake.map(againstCeiling),
          '',
        ]
      : []),
    ...(r.reads.length ? [`### Reads at ${r.reports.toLocaleString('en')} reports (${r.readConnections} connections)`, '', ...READ_HEAD, ...r.reads.map(readRow), ''] : []),
    ...(r.ppid && (r.ppid.filing.length || r.ppid.reads.length)
      ? [
          `### PPID at ${r.ppid.requests.toLocaleString('en')} information requests`,
          '',
          ...(r.ppid.filing.length
            ? [
                'Filing (POST /api/v1/ppid/requests, anonymous web form, with an Idempotency-Key) against the pgbench ceiling (the same statements in one transaction: key claimed, registration serial, request with its encrypted identity number, event, audit, key answered; no outbox row, as the server runs without SMTP):',
                '',
                ...(r.ppid.filing.some((i) => i.runs) ? ['Each figure is the median run of several, with every run\'s figure in parentheses; the ratio compares the medians.', ''] : []),
                ...CEILING_HEAD,
                ...r.ppid.filing.map(againstCeiling),
                '',
              ]
            : []),
          ...(r.ppid.reads.length ? [`Public archive (GET /api/v1/ppid/archive, anonymous, ${r.readConnections} connections):`, '', ...READ_HEAD, ...r.ppid.reads.map(readRow), ''] : []),
        ]
      : []),
    ...(r.httpCeiling
      ? [`HTTP ceiling (${r.httpCeiling.name}, ${r.httpCeiling.connections} connections): ${r.httpCeiling.rps} req/s, p50 ${r.httpCeiling.p50} ms, p99 ${r.httpCeiling.p99} ms.`, '']
      : []),
    ...(r.firstSummaries?.length
      ? [
          `First dashboard summaries after the server started, nothing kept yet${r.afterRestart ? ' in memory or in the database (as on the first start ever; the harness empties the table)' : ''} (one request each, in this order): ${r.firstSummaries
            .map((f) => `the last ${f.days} days ${f.ms} ms`)
            .join('; ')}.`,
          '',
        ]
      : []),
    ...(r.signing ? signingMarkdown(r.signing) : []),
    ...(r.satudata ? satudataMarkdown(r.satudata) : []),
    ...(r.layanan ? layananMarkdown(r.layanan) : []),
    ...(r.skm ? skmMarkdown(r.skm) : []),
    ...(r.portal ? portalMarkdown(r.portal) : []),
    ...(r.afterRestart || r.pglite ? startupAndMemory(r) : [`Peak RSS of the server process during the run: ${r.peakRssMb} MB.`, '']),
  ];
  return lines.join('\n');
}
