/**
 * Who may see and act on the catalogue and on an application. An OPD's staff see only the
 * applications of their own OPD's services (an internal service's applying OPD also follows its
 * own); the officer holding the current step acts on it (an OPD admin may also take its officers'
 * steps); the applicant — or, for a walk-in filed at the counter, that OPD's counter staff — acts
 * as the applicant. A draft is the applicant's alone until it is submitted. Auditors read every application. Nobody else learns it exists (404).
 */
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import type { ProcessStep } from './form/definition.js';
import type { Actor } from './lifecycle.js';

/** Roles that work applications (the inbox). */
export const DESK_ROLES: readonly Role[] = ['opd_officer', 'opd_admin'];
/** Roles that define services and publish their forms. */
export const EDITOR_ROLES: readonly Role[] = ['opd_admin', 'super_admin'];
/** Roles that read the inbox: the desks, and auditors. */
export const INBOX_ROLES: readonly Role[] = [...DESK_ROLES, 'auditor'];

export interface ApplicationFacts {
  status: string;
  opdId: number;
  applicantId: string | null;
  applicantOpdId: number | null;
  channel: 'online' | 'counter';
}

const isDesk = (p: Principal | null, opdId: number) => !!p && DESK_ROLES.includes(p.role) && p.opdId === opdId;

/** May this caller edit the service of this OPD? */
export const mayEdit = (p: Principal, opdId: number): boolean => p.role === 'super_admin' || (p.role === 'opd_admin' && p.opdId === opdId);

export type Audience = 'desk' | 'applicant' | 'auditor';

/** How the caller sees the application, or null when it must look as if it did not exist. */
export function audienceFor(p: Principal | null, a: ApplicationFacts): Audience | null {
  if (!p) return null;
  // A draft is the applicant's working copy: the OPD sees it once filed, unless its own counter made it.
  if (isDesk(p, a.opdId) && (a.status !== 'draft' || a.channel === 'counter')) return 'desk';
  if (a.applicantId === p.userId) return 'applicant';
  // An internal request is followed by its applying OPD's staff as well.
  if (a.applicantOpdId !== null && p.opdId === a.applicantOpdId && p.role !== 'citizen') return 'applicant';
  if (p.role === 'auditor') return 'auditor';
  return null;
}

/** The lifecycle roles the caller may play now: the applicant's, and the current step's handler's. */
export function actorsFor(p: Principal | null, a: ApplicationFacts & { step: ProcessStep | undefined }): Actor[] {
  if (!p) return [];
  const actors: Actor[] = [];
  const ownOpdRequest = a.applicantOpdId !== null && p.role !== 'citizen' && p.opdId === a.applicantOpdId;
  if (a.applicantId === p.userId || ownOpdRequest || (a.channel === 'counter' && isDesk(p, a.opdId))) actors.push('applicant');
  const stepRole = a.step?.role;
  if (isDesk(p, a.opdId) && stepRole && (p.role === stepRole || p.role === 'opd_admin')) actors.push('handler');
  return actors;
}
