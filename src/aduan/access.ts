/**
 * Who may see and act on a report. Routes authenticate; these rules decide scope: an OPD sees only
 * reports dispositioned to it, a citizen only their own (and public ones), and an anonymous
 * reporter's identity never leaves the triage desk.
 */
import { OPD_ROLES, type Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import type { Actor, ReportStatus } from './lifecycle.js';
import { PUBLIC_STATUSES } from './lifecycle.js';

/** Roles that may read every report (executive and auditor only read). */
export const CITYWIDE_READ_ROLES: readonly Role[] = ['super_admin', 'triage_admin', 'executive', 'auditor'];

export interface ScopeFacts {
  reporterId: string | null;
  followerIds: readonly string[];
  status: ReportStatus;
  confidential: boolean;
  anonymous: boolean;
  /** OPDs that ever held a disposition of the report, and those holding one now. */
  dispositionOpdIds: readonly number[];
  activeOpdIds: readonly number[];
}

/** 'follower': reporter of a duplicate merged into this report; sees its progress, not its reporter. */
export type Audience = 'triage' | 'citywide' | 'opd' | 'reporter' | 'follower' | 'public';

/** The widest view the principal has of the report, or null when it must look as if it did not exist. */
export function audienceFor(p: Principal | null, r: ScopeFacts): Audience | null {
  if (p?.role === 'triage_admin') return 'triage';
  if (p && CITYWIDE_READ_ROLES.includes(p.role)) return 'citywide';
  if (p && OPD_ROLES.includes(p.role) && p.opdId !== null && r.dispositionOpdIds.includes(p.opdId)) return 'opd';
  if (p && r.reporterId === p.userId) return 'reporter';
  if (p && r.followerIds.includes(p.userId)) return 'follower';
  if (isPublic(r)) return 'public';
  return null;
}

export const isPublic = (r: Pick<ScopeFacts, 'confidential' | 'status'>): boolean =>
  !r.confidential && PUBLIC_STATUSES.includes(r.status);

/** The lifecycle role the principal plays on this report, or null when they may only read. */
export function actorFor(p: Principal, r: ScopeFacts): Actor | null {
  if (p.role === 'triage_admin' || p.role === 'super_admin') return 'triage';
  if (OPD_ROLES.includes(p.role) && p.opdId !== null && r.activeOpdIds.includes(p.opdId)) return 'opd';
  if (p.role === 'citizen' && r.reporterId === p.userId) return 'reporter';
  return null;
}

/** Whether the reporter's identity (name, contact, masked NIK) is shown to this audience. */
export function showsIdentity(audience: Audience, anonymous: boolean): boolean {
  if (audience === 'public' || audience === 'follower') return false;
  if (audience === 'triage' || audience === 'reporter') return true;
  return !anonymous;
}
