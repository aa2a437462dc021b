/**
 * Who sees and acts on Satu Data. Published versions and their datasets are public. Before a
 * dataset's first publication, and for any version not published, only its producer OPD's staff
 * (opd_admin, opd_officer: the produsen data) and the data steward (walidata, at Diskominfo) see
 * them; to anyone else they do not exist (404). The auditor reads everything.
 */
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import { TRANSITIONS, type Actor, type VersionAction } from './lifecycle.js';

export const PRODUCER_ROLES: readonly Role[] = ['opd_admin', 'opd_officer'];
export const STEWARD_ROLES: readonly Role[] = ['walidata'];
/** Roles that write datasets and submit versions (the steward for any OPD). */
export const AUTHOR_ROLES: readonly Role[] = [...PRODUCER_ROLES, ...STEWARD_ROLES];
/** Roles with a desk: the work list of datasets and waiting versions. */
export const DESK_ROLES: readonly Role[] = [...AUTHOR_ROLES, 'auditor'];

/** Roles that may ever take `action` (the route's gate; the dataset's scope comes after). */
export const rolesFor = (action: VersionAction): Role[] => [...new Set(TRANSITIONS[action].by.flatMap((a) => (a === 'steward' ? STEWARD_ROLES : AUTHOR_ROLES)))];

const ownOpd = (p: Principal, opdId: number) => p.opdId !== null && p.opdId === opdId;

/** Staff who see a dataset's unpublished versions. */
export const inScope = (p: Principal | null, opdId: number): boolean =>
  !!p && (p.role === 'walidata' || p.role === 'auditor' || (PRODUCER_ROLES.includes(p.role) && ownOpd(p, opdId)));

/** The parts the caller plays on a dataset of `opdId`. */
export function actorsFor(p: Principal | null, opdId: number): Actor[] {
  if (!p) return [];
  if (p.role === 'walidata') return ['producer', 'steward'];
  return PRODUCER_ROLES.includes(p.role) && ownOpd(p, opdId) ? ['producer'] : [];
}

/** The OPD whose datasets a desk lists: its own for a producer, every one (undefined) for the steward and the auditor. */
export const deskScope = (p: Principal): number | undefined => (p.role === 'walidata' || p.role === 'auditor' ? undefined : (p.opdId ?? -1));
