import type { AccessRules } from '../module.js';

const V1 = '/api/v1';

/** Verification is for anyone holding the paper; revoking is the issuing OPD's admin's (scope in the service) or the super admin's. */
export const SIGNING_ACCESS: AccessRules = {
  [`GET ${V1}/verifications/:code`]: 'public',
  [`POST ${V1}/verifications/:code/check`]: 'public',
  [`POST ${V1}/signed-documents/:id/revoke`]: ['super_admin', 'opd_admin'],
};
