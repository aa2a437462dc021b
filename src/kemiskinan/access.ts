/**
 * Who may see a household and act on its complaints. Nothing here is ever public: Dinas Sosial
 * roles see every household; a volunteer only those they were sent to; a kelurahan operator only
 * households of their own kelurahan; a citizen only their own complaints. Everybody else gets 404.
 */
import type { Role } from '../core/auth/schema.js';
import type { Principal } from '../core/auth/principal.js';
import { OPD_ROLES } from '../core/auth/principal.js';
import type { Actor, Section } from './lifecycle.js';

export const DINSOS_ROLES: readonly Role[] = ['dinsos_desk', 'dinsos_section'];
/** Roles that read aggregate figures (no household data in them). */
export const FIGURE_ROLES: readonly Role[] = [...DINSOS_ROLES, 'executive', 'auditor'];
/** Roles that file on a citizen's behalf. */
export const ON_BEHALF_ROLES: readonly Role[] = ['kelurahan_operator', 'volunteer'];

/** The principal plus the module's own scope: a section officer's section, an operator's kelurahan. */
export interface Viewer extends Principal {
  section: Section | null;
  kelurahanCode: string | null;
}

export interface HouseholdFacts {
  kelurahanCodes: readonly string[];
  /** Volunteers sent to visit the household, or who filed for it. */
  volunteerIds: readonly string[];
  citizenIds: readonly string[];
}

export type Audience = 'dinsos' | 'operator' | 'volunteer' | 'citizen';

export function audienceFor(v: Viewer | null, f: HouseholdFacts): Audience | null {
  if (!v) return null;
  if (DINSOS_ROLES.includes(v.role)) return 'dinsos';
  if (v.role === 'kelurahan_operator' && v.kelurahanCode !== null && f.kelurahanCodes.includes(v.kelurahanCode)) return 'operator';
  if (v.role === 'volunteer' && f.volunteerIds.includes(v.userId)) return 'volunteer';
  if (v.role === 'citizen' && f.citizenIds.includes(v.userId)) return 'citizen';
  return null;
}

export interface ComplaintFacts {
  section: Section | null;
  kelurahanCode: string;
  citizenId: string | null;
  /** Volunteers with a visit still to make on this complaint. */
  openVisitVolunteerIds: readonly string[];
  activeReferralOpdIds: readonly number[];
}

/** The lifecycle role the viewer plays on this complaint, or null when they may only read. */
export function actorFor(v: Viewer, c: ComplaintFacts): Actor | null {
  if (v.role === 'dinsos_desk') return 'desk';
  if (v.role === 'dinsos_section' && v.section !== null && v.section === c.section) return 'section';
  if (v.role === 'volunteer' && c.openVisitVolunteerIds.includes(v.userId)) return 'volunteer';
  if (v.role === 'kelurahan_operator' && v.kelurahanCode === c.kelurahanCode) return 'operator';
  if (v.role === 'citizen' && v.userId === c.citizenId) return 'citizen';
  if (OPD_ROLES.includes(v.role) && v.opdId !== null && c.activeReferralOpdIds.includes(v.opdId)) return 'opd';
  return null;
}

/** Staff audiences see NIKs masked, internal notes and officers' names; a citizen only public steps. */
export const isStaffAudience = (a: Audience): boolean => a !== 'citizen';
