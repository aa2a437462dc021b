/**
 * Kemiskinan — poverty complaints and social assistance (Sitanjak Makin Mantap): households against
 * the welfare register, Dinas Sosial's sections, volunteers' visits, referrals, the musyawarah
 * kelurahan. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { kemiskinanRoutes } from './routes.js';
import { processQueuedImports } from './register-import.js';
import { kemiskinanSlaSweep } from './sla.js';
import { kemiskinanPersonalData } from './privacy.js';
import { KEMISKINAN_STAFF, ensureKemiskinanDemo } from './demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** Dinas Sosial's Seksi Data, Pelaporan dan Pengaduan: verifies and routes, imports the register. */
    dinsos_desk: true;
    /** A Dinas Sosial section (social-economic, health, education): handles what is routed to it. */
    dinsos_section: true;
    /** Relawan pendamping: visits households, files on their behalf. */
    volunteer: true;
    /** Kelurahan operator: files for residents, records the musyawarah kelurahan. */
    kelurahan_operator: true;
  }
}

const K = '/api/v1/kemiskinan';

/**
 * Role gates at the route where there is one; otherwise per household and complaint scope
 * (src/kemiskinan/access.ts, tested by src/kemiskinan/scope.test.ts).
 */
const access: AccessRules = {
  [`GET ${K}/needs`]: 'public',
  [`GET ${K}/me`]: 'self',
  [`PUT ${K}/staff/:userId/scope`]: ['super_admin', 'dinsos_desk'],
  [`GET ${K}/volunteers`]: ['dinsos_desk', 'dinsos_section'],
  [`POST ${K}/register/imports`]: ['dinsos_desk'],
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
    ].map((r) => [r.replace(' /', ` ${K}/`), 'scoped' as const]),
  ),
};

export const kemiskinan: KhidmatModule = {
  name: 'kemiskinan',
  summary: 'Kemiskinan (poverty complaints): households, the welfare register, visits, assistance, referrals',
  roles: ['dinsos_desk', 'dinsos_section', 'volunteer', 'kelurahan_operator'],
  routes: [{ plugin: kemiskinanRoutes }],
  access,
  jobs: (ctx) => [
    { name: 'register-import', everyMs: 5_000, run: () => processQueuedImports(ctx) },
    { name: 'kemiskinan-sla', everyMs: 60_000, run: () => kemiskinanSlaSweep(ctx) },
  ],
  personalData: kemiskinanPersonalData,
  demo: { staff: KEMISKINAN_STAFF, run: (ctx) => ensureKemiskinanDemo(ctx) },
};
