/**
 * Satu Data — sectoral statistics and the city's open data portal (Perpres 39/2019 Satu Data
 * Indonesia): OPDs publish their datasets as versions a data steward (walidata, at Diskominfo)
 * checks; the platform publishes its own figures; national portals harvest through a CKAN-compatible
 * API and a DCAT catalogue. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { satudataRoutes } from './routes.js';
import { ckanRoutes } from './ckan-routes.js';
import { AUTHOR_ROLES, DESK_ROLES, rolesFor } from './access.js';
import { STEP_ROUTES } from './api-schemas.js';
import type { VersionAction } from './lifecycle.js';
import { platformJobs } from './platform.js';
import { SATUDATA_STAFF, ensureSatudataDemo } from './demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** Walidata (data steward, Diskominfo): checks the OPDs' dataset versions and accepts or returns them. */
    walidata: true;
  }
}

const A = '/api/v1/data';

/** Published datasets and files are public; the rest is scoped to the producer OPD and the steward per dataset. */
const access: AccessRules = {
  [`GET ${A}/datasets`]: 'public',
  [`GET ${A}/datasets/:name`]: 'public',
  [`GET ${A}/datasets/:name/versions/:number`]: 'public',
  [`GET ${A}/resources/:id/download`]: 'public',
  [`GET ${A}/desk`]: DESK_ROLES,
  [`POST ${A}/datasets`]: AUTHOR_ROLES,
  [`PATCH ${A}/datasets/:name`]: AUTHOR_ROLES,
  [`POST ${A}/datasets/:name/versions`]: AUTHOR_ROLES,
  ...Object.fromEntries((Object.entries(STEP_ROUTES) as [VersionAction, { path: string }][]).map(([action, def]) => [`POST ${A}/datasets/:name/versions/:number/${def.path}`, rolesFor(action)])),
  // CKAN's action API and the DCAT catalogue: harvesters read them without an account.
  'GET /api/3/action/:action': 'public',
  'POST /api/3/action/:action': 'public',
  'GET /catalog.jsonld': 'public',
};

export const satudata: KhidmatModule = {
  name: 'satudata',
  summary: 'Satu Data (open data): OPD datasets checked by the data steward, versions, the platform’s own statistics, a CKAN-compatible API and DCAT',
  roles: ['walidata'],
  routes: [{ plugin: satudataRoutes }, { plugin: ckanRoutes, prefix: '' }],
  access,
  jobs: (ctx) => platformJobs(ctx),
  demo: { staff: SATUDATA_STAFF, run: ensureSatudataDemo },
};
