/** The results as a markdown table, each figure beside its goal. */
import type { LoadResult } from './load.js';
import type { PgbenchResult } from './pgbench.js';

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
const withRuns = (figure: number, runs: number[] | undefined) => (runs && runs.length > 1 ? `${figure} (${runs.join(', ')})` : String(figure));
const failures = (x: LoadResult) => `${x.failures}${Object.keys(x.failedBy ?? {}).length ? ` (${Object.entries(x.failedBy).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`;
/** A filing row beside its pgbench ceiling: app req/s, p50, p99, failures, pgbench tps and latency, ratio, goal. */
const againstCeiling = (i: LoadResult & { pgbench: PgbenchResult | undefined; ratio: number }) =>
  `| ${i.connections} | ${withRuns(i.rps, i.runs)} | ${i.p50} | ${i.p99} | ${failures(i)} | ${i.pgbench ? withRuns(i.pgbench.tps, i.pgbench.runs) : '—'} | ${i.pgbench?.latencyAvgMs ?? '—'} | ${i.ratio} | ${mark(i.ratio >= 0.5)} |`;
const readRow = (x: LoadResult) => {
  const goal = READ_GOALS[x.name];
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
          `First dashboard summaries after the server started, nothing kept yet (one request each, in this order): ${r.firstSummaries
            .map((f) => `the last ${f.days} days ${f.ms} ms`)
            .join('; ')}.`,
          '',
        ]
      : []),
    `Peak RSS of the server process during the run: ${r.peakRssMb} MB.`,
    '',
  ];
  return lines.join('\n');
}
