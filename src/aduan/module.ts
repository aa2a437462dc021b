/**
 * Aduan — complaints and aspirations (Dumai Berkhidmat, SP4N-LAPOR!): intake, triage, disposition
 * to OPDs, follow-up and working-day SLAs. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import type { Role } from '../core/auth/roles.js';
import { aduanRoutes } from './routes.js';
import { ASSISTING_ROLES } from './assisted.js';
import { categoryRoutes } from './category-routes.js';
import { similarRoutes } from './similar-routes.js';
import { seedCategories } from './category-seed.js';
import { slaSweep } from './sla.js';
import { aduanMetrics } from './metrics.js';
import { aduanPersonalData } from './privacy.js';
import { ADUAN_STAFF, ensureAduanDemo } from './demo/demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** Diskominfo's triage desk: verifies and dispositions every report. */
    triage_admin: true;
  }
}

const V1 = '/api/v1';
const R = `${V1}/reports/:trackingNumber`;
const TRIAGE: readonly Role[] = ['super_admin', 'triage_admin'];
const OPD: readonly Role[] = ['opd_admin', 'opd_officer'];
const REPORTER: readonly Role[] = ['citizen'];
const STAFF: readonly Role[] = ['super_admin', 'triage_admin', 'opd_admin', 'opd_officer', 'executive', 'auditor'];

const access: AccessRules = {
  [`GET ${V1}/categories`]: 'public',
  [`POST ${V1}/categories`]: ['super_admin'],
  [`PUT ${V1}/categories/:code`]: ['super_admin'],

  [`POST ${V1}/reports`]: REPORTER,
  [`POST ${V1}/reports/assisted`]: ASSISTING_ROLES,
  [`GET ${V1}/reports/public`]: 'public',
  [`GET ${V1}/reports/mine`]: 'self',
  [`GET ${V1}/reports`]: STAFF,
  [`GET ${R}`]: 'public',
  [`GET ${R}/photos/:photoId`]: 'public',
  [`GET ${R}/similar`]: TRIAGE,
  [`POST ${R}/verify`]: TRIAGE,
  [`POST ${R}/postpone`]: TRIAGE,
  [`POST ${R}/reject`]: TRIAGE,
  [`POST ${R}/outside-authority`]: TRIAGE,
  [`POST ${R}/archive`]: TRIAGE,
  [`POST ${R}/merge`]: TRIAGE,
  [`POST ${R}/disposition`]: TRIAGE,
  [`POST ${R}/accept`]: OPD,
  [`POST ${R}/follow-up`]: OPD,
  [`POST ${R}/return`]: OPD,
  [`POST ${R}/forward`]: OPD,
  [`POST ${R}/co-handlers`]: OPD,
  [`POST ${R}/resolve`]: OPD,
  [`POST ${R}/confirm`]: REPORTER,
  [`POST ${R}/reopen`]: REPORTER,
  [`POST ${R}/withdraw`]: REPORTER,
  [`POST ${R}/rating`]: REPORTER,
  [`POST ${R}/comments`]: [...TRIAGE, ...OPD],
};

export const aduan: KhidmatModule = {
  name: 'aduan',
  summary: 'Aduan (complaints and aspirations): filing, triage, disposition to OPDs, follow-up, SLAs',
  roles: ['triage_admin'],
  routes: [categoryRoutes, aduanRoutes, similarRoutes].map((plugin) => ({ plugin })),
  access,
  seed: seedCategories,
  jobs: (ctx) => [{ name: 'sla-sweep', everyMs: ctx.config.slaSweepIntervalMs, run: () => slaSweep(ctx) }],
  metrics: aduanMetrics,
  personalData: aduanPersonalData,
  demo: { staff: ADUAN_STAFF, run: ensureAduanDemo },
};
