/**
 * PPID — public information requests under UU 14/2008 (Keterbukaan Informasi Publik) and Perki
 * 1/2021: filing by anyone, verification by the PPID Utama, routing to the OPDs' PPID Pelaksana,
 * working-day deadlines with one extension, written notices, objections to the Atasan PPID and
 * disputes at the Komisi Informasi. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { ppidRoutes } from './routes.js';
import { ppidPersonalData } from './privacy.js';
import { OBJECTION_ROLES, PPID_STAFF_ROLES } from './access.js';
import { ACTION_ROUTES, OBJECTION_ROUTES } from './api-schemas.js';
import { PPID_STAFF, ensurePpidDemo } from './demo.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { CATALOGUE_ACCESS } from './catalogue/access.js';
import { ensureCatalogueDemo } from './catalogue/demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** PPID Utama (Diskominfo): verifies, routes and answers requests; publishes serta-merta notices. */
    ppid_utama: true;
    /** PPID Pelaksana: one desk per OPD, handles the requests routed to its OPD. */
    ppid_pelaksana: true;
    /** Atasan PPID: decides objections (keberatan). */
    atasan_ppid: true;
  }
}

const P = '/api/v1/ppid/requests';

/**
 * Filing, reading and the requester's steps are open to anyone: the scope is the request's secret
 * link or the requester's account (and the desks' roles), checked per request by access.ts.
 */
const access: AccessRules = {
  [`POST ${P}`]: 'public',
  [`GET ${P}`]: PPID_STAFF_ROLES,
  [`GET ${P}/mine`]: 'self',
  [`GET ${P}/:registrationNumber`]: 'public',
  [`GET ${P}/:registrationNumber/receipt.pdf`]: 'public',
  [`GET ${P}/:registrationNumber/notice.pdf`]: 'public',
  [`GET ${P}/:registrationNumber/documents/:documentId`]: 'public',
  [`POST ${P}/:registrationNumber/power-of-attorney`]: 'public',
  ...Object.fromEntries(Object.values(ACTION_ROUTES).map((a) => [`POST ${P}/:registrationNumber/${a.path}`, 'public' as const])),
  [`POST ${P}/:registrationNumber/objection`]: 'public',
  ...Object.fromEntries(Object.values(OBJECTION_ROUTES).map((a) => [`POST ${P}/:registrationNumber/objection/${a.path}`, 'public' as const])),
  'GET /api/v1/ppid/objections': OBJECTION_ROLES,
  // Published figures and answers, without any requester's identity.
  'GET /api/v1/ppid/archive': 'public',
  'GET /api/v1/ppid/report': 'public',
  'GET /api/v1/ppid/report.csv': 'public',
  'GET /api/v1/ppid/report.xlsx': 'public',
  'GET /api/v1/ppid/report.pdf': 'public',
  // The information catalogue (DIP) and its publication workflow.
  ...CATALOGUE_ACCESS,
};

export const ppid: KhidmatModule = {
  name: 'ppid',
  summary: 'PPID (public information requests, UU 14/2008): filing, verification, routing to OPDs, deadlines, written notices',
  roles: ['ppid_utama', 'ppid_pelaksana', 'atasan_ppid'],
  routes: [{ plugin: ppidRoutes }, { plugin: catalogueRoutes }],
  access,
  personalData: ppidPersonalData,
  demo: {
    staff: PPID_STAFF,
    run: async (ctx, town) => {
      await ensurePpidDemo(ctx, town);
      await ensureCatalogueDemo(ctx, town);
    },
  },
};
