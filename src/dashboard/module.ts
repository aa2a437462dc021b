/** Dashboard — the mayor's view of how every OPD responds: counts, SLA shares, rankings, map, exports. */
import type { KhidmatModule } from '../core/module.js';
import { dashboardRoutes } from './routes.js';
import { DASHBOARD_ROLES } from './service.js';

const D = '/api/v1/dashboard';

export const dashboard: KhidmatModule = {
  name: 'dashboard',
  summary: 'executive dashboard over the aduan read model',
  routes: [{ plugin: dashboardRoutes }],
  access: {
    [`GET ${D}/summary`]: DASHBOARD_ROLES,
    [`GET ${D}/map`]: DASHBOARD_ROLES,
    [`GET ${D}/export.csv`]: DASHBOARD_ROLES,
    [`GET ${D}/export.xlsx`]: DASHBOARD_ROLES,
  },
};
