/**
 * Who may see and act on a catalogue item. A published item (and a retired one, at its address) is
 * public. Before that an item is seen only by the staff in its scope: the OPD's own staff and its
 * PPID Pelaksana, and the PPID Utama, the Atasan PPID and the auditor for every OPD; to anyone else it
 * does not exist (404). One principal may play several parts: the OPD's head (its opd_admin) both
 * authors and approves, the PPID Utama authors, checks and publishes.
 */
import type { Principal } from '../../core/auth/principal.js';
import type { Role } from '../../core/auth/roles.js';
import type { AccessRules } from '../../core/module.js';
import { STEP_ROUTES } from './api-schemas.js';
import { CATALOGUE_TRANSITIONS, catalogueLifecycle, type CatalogueAction, type CatalogueActor, type CatalogueStatus } from './lifecycle.js';

/** The roles behind each part of the lifecycle (scope to the item's OPD is checked by `actorsFor`). */
export const ACTOR_ROLES: Record<CatalogueActor, readonly Role[]> = {
  author: ['opd_admin', 'opd_officer', 'ppid_pelaksana', 'ppid_utama'],
  ppid: ['ppid_pelaksana', 'ppid_utama'],
  head: ['opd_admin', 'atasan_ppid'],
  utama: ['ppid_utama'],
};

/** Roles that read the items of every OPD in any status. */
export const CITY_WIDE: readonly Role[] = ['ppid_utama', 'atasan_ppid', 'auditor'];
/** Roles that read their own OPD's items in any status. */
const OPD_STAFF: readonly Role[] = ['opd_admin', 'opd_officer', 'ppid_pelaksana'];

/** Roles with a work list (the desk): everyone who reads unpublished items. */
export const DESK_ROLES: readonly Role[] = [...OPD_STAFF, ...CITY_WIDE];
/** Roles that may write drafts. */
export const AUTHOR_ROLES = ACTOR_ROLES.author;
/** Roles that may ever take `action` (the route's gate; the item's scope comes after). */
export const rolesFor = (action: CatalogueAction): Role[] => [...new Set(CATALOGUE_TRANSITIONS[action].by.flatMap((a) => ACTOR_ROLES[a]))];

export interface ItemFacts {
  opdId: number;
  status: CatalogueStatus;
}

const ownOpd = (p: Principal, opdId: number) => p.opdId !== null && p.opdId === opdId;

/** Staff who see the item in any status. */
export const inScope = (p: Principal | null, item: Pick<ItemFacts, 'opdId'>): boolean =>
  !!p && (CITY_WIDE.includes(p.role) || (OPD_STAFF.includes(p.role) && ownOpd(p, item.opdId)));

/** Anyone may read a published or retired item; the rest only staff in scope. */
export const canRead = (p: Principal | null, item: ItemFacts): boolean => item.status === 'published' || item.status === 'retired' || inScope(p, item);

/** The parts the caller plays on this item: none outside its scope. */
export function actorsFor(p: Principal | null, item: Pick<ItemFacts, 'opdId'>): CatalogueActor[] {
  if (!p) return [];
  const city = p.role === 'ppid_utama' || p.role === 'atasan_ppid';
  if (!city && !ownOpd(p, item.opdId)) return [];
  return (Object.keys(ACTOR_ROLES) as CatalogueActor[]).filter((a) => ACTOR_ROLES[a].includes(p.role));
}

/**
 * The part to take `action` as: one the table allows from this status if the caller has it, else
 * one that may take the action at all (so the table answers 409 for the status), else any (403).
 */
export function actorForAction(actors: readonly CatalogueActor[], action: CatalogueAction, status: CatalogueStatus): CatalogueActor {
  const by: readonly CatalogueActor[] = CATALOGUE_TRANSITIONS[action].by;
  return actors.find((a) => catalogueLifecycle.can(action, status, a)) ?? actors.find((a) => by.includes(a)) ?? actors[0]!;
}

const C = '/api/v1/ppid/catalogue';

/** The catalogue's routes in the authorization matrix; scope to the item's OPD is checked per item above. */
export const CATALOGUE_ACCESS: AccessRules = {
  [`GET ${C}`]: 'public',
  [`GET ${C}/desk`]: DESK_ROLES,
  [`GET ${C}/:id`]: 'public',
  [`GET ${C}/:id/documents/:documentId`]: 'public',
  [`POST ${C}`]: AUTHOR_ROLES,
  [`PATCH ${C}/:id`]: AUTHOR_ROLES,
  ...Object.fromEntries((Object.entries(STEP_ROUTES) as [CatalogueAction, { path: string }][]).map(([action, def]) => [`POST ${C}/:id/${def.path}`, rolesFor(action)])),
};
