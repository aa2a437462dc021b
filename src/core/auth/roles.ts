/**
 * The platform's roles. Core names those every module shares (citizens, the super admin, OPD staff,
 * the executive and the auditor); a domain module adds its own by extending `RoleRegistry` in its
 * module file (TypeScript declaration merging) and listing them in its registration, so the role
 * type, the validation schemas and the authorization tests all know them without a central list.
 */
export interface RoleRegistry {
  citizen: true;
  super_admin: true;
  opd_admin: true;
  opd_officer: true;
  executive: true;
  auditor: true;
}
export type Role = Extract<keyof RoleRegistry, string>;

export const CORE_ROLES = ['citizen', 'super_admin', 'opd_admin', 'opd_officer', 'executive', 'auditor'] as const satisfies readonly Role[];
