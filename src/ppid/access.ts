/**
 * Who may see and act on an information request. The PPID Utama sees every request; a PPID
 * Pelaksana only those routed to its own OPD; the Atasan PPID (who decides objections) and the
 * auditor read every one; the requester their own, by account or by the secret link. Nobody else
 * learns the request exists (404). The requester's identity is shown to the requester and the PPID
 * desks only — never in the public archive.
 */
import type { Principal } from '../core/auth/principal.js';
import type { Role } from '../core/auth/roles.js';
import type { Actor } from './lifecycle.js';
import type { ObjectionActor } from './objection-lifecycle.js';

export const PPID_STAFF_ROLES: readonly Role[] = ['ppid_utama', 'ppid_pelaksana', 'atasan_ppid', 'auditor'];
/** Roles that read the list of objections. */
export const OBJECTION_ROLES: readonly Role[] = ['atasan_ppid', 'ppid_utama', 'auditor'];
/** Roles that enter requests received at the desk, by phone, letter or email. */
export const DESK_ROLES: readonly Role[] = ['ppid_utama', 'ppid_pelaksana'];

export interface RequestFacts {
  requesterId: string | null;
  opdId: number | null;
}

export type Audience = 'desk' | 'requester';

/**
 * The audience the caller belongs to, or null when the request must look as if it did not exist.
 * `withSecret`: the caller presented the request's secret link.
 */
export function audienceFor(p: Principal | null, r: RequestFacts, withSecret: boolean): Audience | null {
  if (p && (p.role === 'ppid_utama' || p.role === 'atasan_ppid' || p.role === 'auditor')) return 'desk';
  if (p?.role === 'ppid_pelaksana' && p.opdId !== null && p.opdId === r.opdId) return 'desk';
  if (withSecret || (p && r.requesterId === p.userId)) return 'requester';
  return null;
}

/** The lifecycle role the caller plays on this request, or null when they may only read. */
export function actorFor(p: Principal | null, r: RequestFacts, withSecret: boolean): Actor | null {
  if (p?.role === 'ppid_utama') return 'utama';
  if (p?.role === 'ppid_pelaksana' && p.opdId !== null && p.opdId === r.opdId) return 'pelaksana';
  if (withSecret || (p && r.requesterId === p.userId)) return 'requester';
  return null;
}

/** The part the caller plays in the objection to this request: its requester, the Atasan PPID who decides it, or the PPID Utama who answers for the body before the Komisi Informasi. */
export function objectionActorFor(p: Principal | null, r: RequestFacts, withSecret: boolean): ObjectionActor | null {
  if (p?.role === 'atasan_ppid') return 'atasan';
  if (p?.role === 'ppid_utama') return 'utama';
  if (withSecret || (p && r.requesterId === p.userId)) return 'requester';
  return null;
}
