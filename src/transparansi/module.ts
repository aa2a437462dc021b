/**
 * Transparansi — the public status page (which services work now, the disruption notices in force,
 * answering from the server's last check while the database is down) and the transparency page (a
 * year's complaints per OPD with SLA shares, IKM per unit, PPID figures and e-monev realisation,
 * without personal data). Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { transparansiRoutes, V1 } from './routes.js';
import { HEARTBEAT, PLATFORM_CHECKS } from './health.js';
import { beat } from './queries.js';

const access: AccessRules = {
  [`GET ${V1}/status`]: 'public',
  'GET /status.html': 'public',
  [`GET ${V1}/transparansi`]: 'public',
};

export const transparansi: KhidmatModule = {
  name: 'transparansi',
  summary: 'status page (served from the last check, also while the database is down) and transparency figures per year (complaints and SLA per OPD, IKM, PPID, e-monev)',
  routes: [{ plugin: transparansiRoutes, prefix: '' }],
  access,
  health: PLATFORM_CHECKS,
  // The job queue's heartbeat: it runs wherever the queue runs it, and every instance's check reads it.
  jobs: (ctx) => [{ name: 'status-heartbeat', everyMs: ctx.config.status.heartbeatMs, run: () => beat(ctx.db, HEARTBEAT, ctx.clock()) }],
};
