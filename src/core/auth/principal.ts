import type { Role } from './schema.js';
import { forbidden, unauthenticated } from '../errors.js';

/** The authenticated caller, resolved once per request from the session cookie or bearer token. */
export interface Principal {
  userId: string;
  role: Role;
  opdId: number | null;
  fullName: string;
  /** Logged in with a temporary password: only /auth/me, /auth/password and /auth/logout act as this user. */
  passwordChangeRequired?: boolean;
}

export const OPD_ROLES: readonly Role[] = ['opd_admin', 'opd_officer'];

export function requireUser(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  return p;
}

export function requireRole(p: Principal | null, roles: readonly Role[]): Principal {
  const user = requireUser(p);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}
