/**
 * Who may do what with a service unit's survey. Everyone answers and reads published results. A
 * unit's own staff (its OPD's admins and officers, for the OPD's counters and its Layanan services; the complaint desk's triage admins, the PPID
 * desk's PPID Utama) enter paper forms and read its raw answers and unpublished results; the city's
 * administrators, executives and auditors read every unit. Raw answers never leave these roles: an
 * open suggestion may name someone.
 */
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import type { Unit } from './queries.js';
import type { UnitKind } from './schema.js';

/** The roles that staff a unit of each kind (an OPD's units and its services': only those of that OPD). */
const STAFF_OF: Readonly<Record<UnitKind, readonly Role[]>> = {
  opd: ['opd_admin', 'opd_officer'],
  layanan: ['opd_admin', 'opd_officer'],
  aduan_desk: ['triage_admin'],
  ppid_desk: ['ppid_utama'],
};
/** May publish a unit's results: the city's administrator and the unit's heads. */
const PUBLISHERS_OF: Readonly<Record<UnitKind, readonly Role[]>> = { opd: ['opd_admin'], layanan: ['opd_admin'], aduan_desk: ['triage_admin'], ppid_desk: ['ppid_utama'] };

export const CITY_READERS: readonly Role[] = ['super_admin', 'executive', 'auditor'];
export const ENTRY_ROLES: readonly Role[] = ['super_admin', 'opd_admin', 'opd_officer', 'triage_admin', 'ppid_utama'];
export const READ_ROLES: readonly Role[] = [...CITY_READERS, 'opd_admin', 'opd_officer', 'triage_admin', 'ppid_utama'];
export const PUBLISH_ROLES: readonly Role[] = ['super_admin', 'opd_admin', 'triage_admin', 'ppid_utama'];

const staffs = (p: Principal, u: Pick<Unit, 'kind' | 'opdId'>, roles: Readonly<Record<UnitKind, readonly Role[]>>) =>
  roles[u.kind].includes(p.role) && (u.opdId === null || (p.opdId !== null && p.opdId === u.opdId));

export const mayEnter = (p: Principal, u: Pick<Unit, 'kind' | 'opdId'>): boolean => p.role === 'super_admin' || staffs(p, u, STAFF_OF);
export const mayReadRaw = (p: Principal | null, u: Pick<Unit, 'kind' | 'opdId'>): boolean => !!p && (CITY_READERS.includes(p.role) || staffs(p, u, STAFF_OF));
export const mayPublish = (p: Principal, u: Pick<Unit, 'kind' | 'opdId'>): boolean => p.role === 'super_admin' || staffs(p, u, PUBLISHERS_OF);
