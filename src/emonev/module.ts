/**
 * e-monev — monitoring and evaluation of the OPDs' activities: the DPA's programmes, kegiatan and
 * sub-kegiatan with monthly plans, the OPDs' monthly realisation checked by the e-monev desk at
 * Bappeda, late and behind-plan flags, the complaints an activity answers, and the monthly evaluation
 * per OPD for the mayor's meetings. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { emonevRoutes } from './routes.js';
import { READ_ROLES, REPORT_ROLES, rolesFor, WRITE_ROLES } from './access.js';
import { STEP_ACTIONS } from './lifecycle.js';
import { EMONEV_STAFF, ensureEmonevDemo } from './demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** The e-monev desk at Bappeda: checks every OPD's monthly realisation, accepts or returns it. */
    bappeda: true;
  }
}

const E = '/api/v1/emonev';

/** Staff only, each OPD's records scoped to its own staff (views.ts, reports.ts); what answers a complaint is public. */
const access: AccessRules = {
  [`POST ${E}/dpa`]: WRITE_ROLES,
  [`GET ${E}/sub-activities`]: READ_ROLES,
  [`GET ${E}/sub-activities/:id`]: READ_ROLES,
  [`POST ${E}/sub-activities/:id/reports`]: REPORT_ROLES,
  [`POST ${E}/sub-activities/:id/complaints`]: WRITE_ROLES,
  [`DELETE ${E}/sub-activities/:id/complaints/:trackingNumber`]: WRITE_ROLES,
  [`GET ${E}/reports/:id`]: READ_ROLES,
  [`PATCH ${E}/reports/:id`]: REPORT_ROLES,
  ...Object.fromEntries(STEP_ACTIONS.map((a) => [`POST ${E}/reports/:id/${a}`, rolesFor(a)])),
  [`GET ${E}/reports/:id/photos/:photoId`]: READ_ROLES,
  [`GET ${E}/evaluation`]: READ_ROLES,
  [`GET ${E}/evaluation.xlsx`]: READ_ROLES,
  [`GET ${E}/complaints/:trackingNumber/activities`]: 'public',
};

export const emonev: KhidmatModule = {
  name: 'emonev',
  summary: 'e-monev: OPD programmes and activities (DPA), monthly realisation checked by Bappeda, late and behind-plan flags, linked complaints, monthly evaluation',
  roles: ['bappeda'],
  routes: [{ plugin: emonevRoutes }],
  access,
  demo: { staff: EMONEV_STAFF, run: ensureEmonevDemo },
};
