import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { JobRunner, RunObserver } from '../jobs/jobs.js';
import type { KhidmatModule } from '../module.js';
import { outbox } from '../notifications/schema.js';
import { allBatchStats } from '../batch/batched.js';
import { principalCacheOf } from '../auth/principal-cache.js';

export interface Metrics {
  registry: client.Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeJob: RunObserver;
  /** Queue depths come from the job runner, which starts after the app is built. */
  watchQueues(runner: JobRunner): void;
}

/**
 * Prometheus metrics of one app instance, in its own registry (tests run several apps in one
 * process). Process metrics come from prom-client's defaults; each module adds its own series.
 */
export function createMetrics(ctx: AppContext, modules: readonly KhidmatModule[] = []): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });

  const http = new client.Histogram({
    name: 'khidmat_http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status; the _count series gives the request rate',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobRuns = new client.Counter({
    name: 'khidmat_job_runs_total',
    help: 'Background job runs in this instance by outcome',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const jobSeconds = new client.Histogram({
    name: 'khidmat_job_duration_seconds',
    help: 'Background job run time',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.25, 1, 5, 30],
    registers: [registry],
  });

  let runner: JobRunner | undefined;
  new client.Gauge({
    name: 'khidmat_queue_jobs',
    help: 'Jobs per BullMQ queue and state (scale-out mode only)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, counts } of (await runner?.depths()) ?? []) {
        for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
      }
    },
  });

  new client.Gauge({
    name: 'khidmat_outbox_messages',
    help: 'Notifications not delivered yet: pending (waiting or retrying), sending (WhatsApp/SMS handed to the provider, not yet confirmed) and failed (gave up, needs an operator)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      // outbox_pending_idx leads with status: delivered rows (the bulk) are never read.
      const rows = await ctx.db
        .select({ status: outbox.status, n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(sql`${outbox.status} in ('pending', 'sending', 'failed')`)
        .groupBy(outbox.status);
      this.reset();
      for (const status of ['pending', 'sending', 'failed'] as const) this.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    },
  });

  // Sessions answered from memory: a hit rate falling to zero means the instance stopped listening.
  new client.Counter({
    name: 'khidmat_principal_cache_requests_total',
    help: 'Session tokens resolved from the in-memory principal cache (hit) or the database (miss)',
    labelNames: ['result'],
    registers: [registry],
    collect() {
      this.reset();
      const cache = principalCacheOf(ctx);
      this.inc({ result: 'hit' }, cache?.stats.hits ?? 0);
      this.inc({ result: 'miss' }, cache?.stats.misses ?? 0);
    },
  });
  new client.Gauge({
    name: 'khidmat_principal_cache_listening',
    help: '1 while the instance hears the database announce session changes (the cache is used only then)',
    registers: [registry],
    collect() {
      this.set(principalCacheOf(ctx)?.isListening ? 1 : 0);
    },
  });

  // Batching (session look-ups, group commit of filings): items / batches is the mean batch size.
  const batchSeries = [
    ['khidmat_batches_total', 'Batches served, by batching', 'batches'],
    ['khidmat_batch_items_total', 'Calls served in batches, by batching', 'items'],
    ['khidmat_batch_seconds_total', 'Time spent serving batches, by batching', 'seconds'],
  ] as const;
  for (const [name, help, field] of batchSeries) {
    new client.Counter({
      name,
      help,
      labelNames: ['batch'],
      registers: [registry],
      collect() {
        this.reset();
        for (const [batch, stats] of allBatchStats(ctx)) this.inc({ batch }, stats[field]);
      },
    });
  }

  for (const m of modules) m.metrics?.(ctx, registry);

  return {
    registry,
    observeRequest: (method, route, status, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    observeJob: (job, seconds, ok) => {
      jobRuns.inc({ job, outcome: ok ? 'ok' : 'failed' });
      jobSeconds.observe({ job }, seconds);
    },
    watchQueues: (r) => {
      runner = r;
    },
  };
}
