import client from 'prom-client';
import type { AppContext } from '../core/context.js';
import { LIVE_STATUSES, overdueByStatus } from './queries.js';

/** Overdue counts are a scan of the live reports: computed at most this often, not per scrape. */
const OVERDUE_TTL_MS = 30_000;

/** The aduan series of an instance's Prometheus registry. */
export function aduanMetrics(ctx: AppContext, registry: client.Registry): void {
  let overdue: { at: number; rows: { status: string; n: number }[] } | undefined;
  new client.Gauge({
    name: 'khidmat_sla_overdue_reports',
    help: 'Live reports past a working-day deadline, by status (refreshed at most every 30 s)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!overdue || Date.now() - overdue.at > OVERDUE_TTL_MS) overdue = { at: Date.now(), rows: await overdueByStatus(ctx.db, ctx.clock()) };
      this.reset();
      for (const status of LIVE_STATUSES) this.set({ status }, overdue.rows.find((r) => r.status === status)?.n ?? 0);
    },
  });
}
