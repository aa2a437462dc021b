/**
 * Who may call each route: the declared authorization of the whole HTTP surface. The matrix test
 * walks the real route table with every role and without a session and checks the answers against
 * this table; a route missing here fails it by name. Scope (whose report, which OPD) is checked by the
 * modules' own tests; here a scope refusal (404) still counts as "the role got past the gate".
 *
 * - 'public': anyone, with or without a session
 * - 'self': any signed-in account, acting on its own data (no session: 401)
 * - 'scoped': a session is required (no session: 401); which roles may act is decided per record by
 *   the module's own scope rules (its scope tests cover them), so signed-in answers are only checked
 *   for never being a 5xx
 * - 'api-key': Open311 clients with a valid api_key, session irrelevant (no key: 403)
 * - a role list: those roles (no session: 401, another role: 403)
 *
 * "Denied" is 403, or 401 `unauthenticated`; a 401 `invalid_credentials` from log-in is an answer, not a refusal.
 */
import type { Role } from '../../core/auth/schema.js';

export type Rule = 'public' | 'self' | 'scoped' | 'api-key' | readonly Role[];

const SUPER: readonly Role[] = ['super_admin'];
const TRIAGE: readonly Role[] = ['super_admin', 'triage_admin'];
const OPD: readonly Role[] = ['opd_admin', 'opd_officer'];
const REPORTER: readonly Role[] = ['citizen'];
const DASHBOARD: readonly Role[] = ['executive', 'super_admin', 'auditor', 'triage_admin', 'opd_admin'];
const STAFF: readonly Role[] = ['super_admin', 'triage_admin', 'opd_admin', 'opd_officer', 'executive', 'auditor'];

const V1 = '/api/v1';
const R = `${V1}/reports/:trackingNumber`;

export const ACCESS_MATRIX: Record<string, Rule> = {
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
  [`DELETE ${V1}/account`]: REPORTER,
  [`POST ${V1}/admin/staff`]: ['super_admin', 'opd_admin'],
  [`GET ${V1}/officers`]: ['super_admin', 'opd_admin'],
  [`POST ${V1}/officers`]: ['super_admin', 'opd_admin'],
  [`POST ${V1}/officers/:id/deactivate`]: ['super_admin', 'opd_admin'],
  [`POST ${V1}/officers/:id/reactivate`]: ['super_admin', 'opd_admin'],

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
  [`GET ${V1}/categories`]: 'public',
  [`POST ${V1}/categories`]: SUPER,
  [`PUT ${V1}/categories/:code`]: SUPER,
  [`POST ${V1}/admin/api-keys`]: SUPER,
  [`GET ${V1}/admin/api-keys`]: SUPER,
  [`DELETE ${V1}/admin/api-keys/:id`]: SUPER,

  // files and notifications: one's own
  [`POST ${V1}/uploads`]: 'self',
  [`GET ${V1}/uploads/:id`]: 'self',
  [`GET ${V1}/notifications`]: 'self',
  [`POST ${V1}/notifications/:id/read`]: 'self',

  // aduan
  [`POST ${V1}/reports`]: REPORTER,
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

  // dashboard (src/dashboard/service.ts DASHBOARD_ROLES)
  [`GET ${V1}/dashboard/summary`]: DASHBOARD,
  [`GET ${V1}/dashboard/map`]: DASHBOARD,
  [`GET ${V1}/dashboard/export.csv`]: DASHBOARD,
  [`GET ${V1}/dashboard/export.xlsx`]: DASHBOARD,

  // kemiskinan: role gates at the route where there is one, otherwise per household/complaint scope
  // (src/kemiskinan/access.ts, tested by src/kemiskinan/scope.test.ts)
  [`GET ${V1}/kemiskinan/needs`]: 'public',
  [`GET ${V1}/kemiskinan/me`]: 'self',
  [`PUT ${V1}/kemiskinan/staff/:userId/scope`]: ['super_admin', 'dinsos_desk'],
  [`GET ${V1}/kemiskinan/volunteers`]: ['dinsos_desk', 'dinsos_section'],
  [`POST ${V1}/kemiskinan/register/imports`]: ['dinsos_desk'],
  ...Object.fromEntries(
    [
      'POST /complaints',
      'GET /complaints',
      'GET /complaints/:trackingNumber',
      'GET /complaints/:trackingNumber/photos/:photoId',
      ...['route', 'return', 'take-emergency', 'assign-visit', 'assist', 'refer', 'refuse', 'register-match', 'withdraw', 'comments'].map((a) => `POST /complaints/:trackingNumber/${a}`),
      'GET /households/:id',
      'GET /visits',
      'POST /visits/:id/record',
      'GET /referrals',
      'POST /referrals/:id/respond',
      'GET /musyawarah',
      'POST /musyawarah',
      'GET /musyawarah/:id/export',
      'GET /figures',
      'GET /figures/monthly-report',
      'GET /register',
      'GET /register/imports/:id',
      'GET /register/imports/:id/rejects',
    ].map((r) => [r.replace(' /', ` ${V1}/kemiskinan/`), 'scoped' as const]),
  ),

  // Open311 GeoReport v2
  'GET /open311/v2/discovery.:format': 'public',
  'GET /open311/v2/services.:format': 'public',
  'GET /open311/v2/services/:code.:format': 'public',
  'POST /open311/v2/requests.:format': 'api-key',
  'GET /open311/v2/requests.:format': 'public',
  'GET /open311/v2/requests/:id.:format': 'public',
  'GET /open311/v2/tokens/:token.:format': 'public',
};
