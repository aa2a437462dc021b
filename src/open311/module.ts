/** Open311 GeoReport v2 over aduan, for existing Open311 and FixMyStreet-style clients, and its API keys. */
import type { KhidmatModule } from '../core/module.js';
import { open311Routes } from './routes.js';
import { open311AdminRoutes } from './admin-routes.js';

const O = '/open311/v2';

export const open311: KhidmatModule = {
  name: 'open311',
  summary: 'Open311 GeoReport v2 (JSON and XML) and its API keys',
  routes: [{ plugin: open311AdminRoutes }, { plugin: open311Routes, prefix: O }],
  access: {
    'POST /api/v1/admin/api-keys': ['super_admin'],
    'GET /api/v1/admin/api-keys': ['super_admin'],
    'DELETE /api/v1/admin/api-keys/:id': ['super_admin'],
    [`GET ${O}/discovery.:format`]: 'public',
    [`GET ${O}/services.:format`]: 'public',
    [`GET ${O}/services/:code.:format`]: 'public',
    [`POST ${O}/requests.:format`]: 'api-key',
    [`GET ${O}/requests.:format`]: 'public',
    [`GET ${O}/requests/:id.:format`]: 'public',
    [`GET ${O}/tokens/:token.:format`]: 'public',
  },
};
