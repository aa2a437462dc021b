/**
 * Who sees and acts on e-monev. An OPD's own staff (opd_admin, opd_officer) enter its DPA, report its
 * realisation and link its sub-kegiatan to complaints; to them another OPD's records do not exist
 * (404). The e-monev desk at Bappeda checks every OPD's reports and may enter any OPD's DPA. The
 * mayor's office (executive), the city's administrator and the auditor read everything.
 */
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import type { Actor } from './lifecycle.js';

export const OPD_STAFF: readonly Role[] = ['opd_admin', 'opd_officer'];
export const DESK: readonly Role[] = ['bappeda'];
/** Read every OPD: the desk, the mayor's office, the administrator, the auditor. */
export const CITY_READERS: readonly Role[] = [...DESK, 'executive', 'super_admin', 'auditor'];
export const READ_ROLES: readonly Role[] = [...OPD_STAFF, ...CITY_READERS];
/** Enter the DPA and link complaints: an OPD's staff for their OPD, the desk for any. */
export const WRITE_ROLES: readonly Role[] = [...OPD_STAFF, ...DESK];
/** Report realisation: the OPD's own staff only (the desk checks, it does not report). */
export const REPORT_ROLES: readonly Role[] = OPD_STAFF;

const ownOpd = (p: Principal, opdId: number) => OPD_STAFF.includes(p.role) && p.opdId !== null && p.opdId === opdId;

export const mayRead = (p: Principal, opdId: number): boolean => CITY_READERS.includes(p.role) || ownOpd(p, opdId);
export const mayWrite = (p: Principal, opdId: number): boolean => DESK.includes(p.role) || ownOpd(p, opdId);

/** The parts the caller plays on a report of an OPD's sub-kegiatan. */
export function actorsFor(p: Principal, opdId: number): Actor[] {
  if (DESK.includes(p.role)) return ['desk'];
  return ownOpd(p, opdId) ? ['opd'] : [];
}

/** The OPD whose records a caller lists: its own for OPD staff, any (the one asked, or all) for the city's readers. */
export const listScope = (p: Principal, asked: number | undefined): number | undefined => (CITY_READERS.includes(p.role) ? asked : (p.opdId ?? -1));

/** Roles that may ever take a report step (the route's gate; the OPD's scope comes after). */
export const rolesFor = (action: 'submit' | 'accept' | 'return' | 'resubmit'): readonly Role[] => (action === 'accept' || action === 'return' ? DESK : REPORT_ROLES);
