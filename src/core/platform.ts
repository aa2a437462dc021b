/**
 * Core registers itself like a domain module: accounts, reference data, files and notifications —
 * what every module builds on — with their routes, jobs, authorization and demo staff.
 */
import { demoEmail as at, type AccessRules, type KhidmatModule } from './module.js';
import type { Role } from './auth/roles.js';
import { authRoutes } from './auth/routes.js';
import { officerRoutes } from './auth/officer-routes.js';
import { accountRoutes } from './account/routes.js';
import { siteRoutes } from './reference/site-routes.js';
import { referenceRoutes } from './reference/routes.js';
import { referenceAdminRoutes } from './reference/admin-routes.js';
import { uploadRoutes } from './files/routes.js';
import { sweepStaleUploads } from './files/sweep.js';
import { notificationRoutes } from './notifications/routes.js';
import { deliverDue } from './notifications/delivery.js';
import { deliverMessages, messengersOf } from './notifications/phone-delivery.js';
import { signingRoutes } from './signing/routes.js';
import { SIGNING_ACCESS } from './signing/access.js';

const V1 = '/api/v1';
const SUPER: readonly Role[] = ['super_admin'];
const USER_ADMINS: readonly Role[] = ['super_admin', 'opd_admin'];

const access: AccessRules = {
  // API documentation
  'GET /api/docs/': 'public',
  'HEAD /api/docs': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  [`GET ${V1}/health`]: 'public',
  [`GET ${V1}/ready`]: 'public',
  // METRICS_TOKEN, or the loopback address only (where this test runs): the metrics module tests that.
  'GET /metrics': 'public',

  // accounts
  [`POST ${V1}/auth/register`]: 'public',
  [`POST ${V1}/auth/login`]: 'public',
  [`POST ${V1}/auth/logout`]: 'public',
  [`GET ${V1}/auth/me`]: 'self',
  [`PUT ${V1}/auth/password`]: 'self',
  [`POST ${V1}/auth/password-reset`]: 'public',
  [`POST ${V1}/auth/password-reset/complete`]: 'public',
  [`GET ${V1}/account/data`]: 'self',
  [`DELETE ${V1}/account`]: ['citizen'],
  [`POST ${V1}/admin/staff`]: USER_ADMINS,
  [`GET ${V1}/officers`]: USER_ADMINS,
  [`POST ${V1}/officers`]: USER_ADMINS,
  [`POST ${V1}/officers/:id/deactivate`]: USER_ADMINS,
  [`POST ${V1}/officers/:id/reactivate`]: USER_ADMINS,

  // reference data: read by anyone, edited by the super admin
  [`GET ${V1}/site`]: 'public',
  [`GET ${V1}/regions`]: 'public',
  [`GET ${V1}/opds`]: 'public',
  [`GET ${V1}/holidays`]: 'public',
  [`PUT ${V1}/holidays/:date`]: SUPER,
  [`DELETE ${V1}/holidays/:date`]: SUPER,
  [`GET ${V1}/roads`]: 'public',
  [`POST ${V1}/roads`]: SUPER,
  [`PUT ${V1}/roads/:id`]: SUPER,
  [`POST ${V1}/opds`]: SUPER,
  [`PUT ${V1}/opds/:code`]: SUPER,
  [`PUT ${V1}/regions/kelurahan/:code`]: SUPER,

  // files and notifications: one's own
  [`POST ${V1}/uploads`]: 'self',
  // Documents (PDF, XLSX, CSV) are attached by officers only: a citizen's session gets 403.
  [`POST ${V1}/uploads/documents`]: 'scoped',
  [`GET ${V1}/uploads/:id`]: 'self',
  [`GET ${V1}/notifications`]: 'self',
  [`POST ${V1}/notifications/:id/read`]: 'self',
  [`GET ${V1}/notifications/channel`]: 'self',
  [`PUT ${V1}/notifications/channel`]: 'self',

  // signed documents: public verification, revocation by the issuing OPD
  ...SIGNING_ACCESS,
};

export const platform: KhidmatModule = {
  name: 'core',
  summary: 'accounts, reference data (regions, OPDs, holidays, roads), uploads, notifications and signed documents',
  routes: [authRoutes, accountRoutes, siteRoutes, referenceRoutes, referenceAdminRoutes, uploadRoutes, notificationRoutes, officerRoutes, signingRoutes].map((plugin) => ({ plugin })),
  access,
  jobs: (ctx, { mailer }) => [
    { name: 'outbox', everyMs: ctx.config.workerIntervalMs, run: () => deliverDue(ctx, mailer) },
    { name: 'outbox-phone', everyMs: ctx.config.workerIntervalMs, run: () => deliverMessages(ctx, messengersOf(ctx.config)) },
    { name: 'upload-sweep', everyMs: 3600_000, run: () => sweepStaleUploads(ctx) },
  ],
  demo: {
    staff: [
      { role: 'super_admin', email: at('admin'), fullName: 'Fadli Rahman, S.Kom.', opd: null, description: 'Super admin: users, OPDs, categories, reference data' },
      { role: 'executive', email: at('walikota'), fullName: 'Wali Kota Dumai (demo)', opd: null, description: 'Executive (Wali Kota): every dashboard, read-only' },
      { role: 'auditor', email: at('auditor'), fullName: 'Inspektorat Kota Dumai (demo)', opd: null, description: 'Auditor (Inspektorat): reads reports and the audit log' },
    ],
  },
};
