/**
 * Who works the portal: the humas editors write (portal_editor), the checkers (portal_checker, the
 * redaktur) check and publish; the auditor reads every item and its history. Published items are
 * public; before that an item exists for these roles only. The portal is the city's, not an
 * OPD's: no OPD scope.
 */
import type { Role } from '../core/auth/roles.js';
import { forbidden } from '../core/errors.js';
import { TRANSITIONS, type Actor, type ItemAction } from './lifecycle.js';

export const ACTOR_ROLES: Record<Actor, readonly Role[]> = { editor: ['portal_editor'], checker: ['portal_checker'] };
export const EDITOR_ROLES = ACTOR_ROLES.editor;
/** Roles with the desk: every item in every status, with its versions and history. */
export const DESK_ROLES: readonly Role[] = ['portal_editor', 'portal_checker', 'auditor'];

/** Roles that may ever take `action` (the route's gate). */
export const rolesFor = (action: ItemAction): Role[] => [...new Set(TRANSITIONS[action].by.flatMap((a) => ACTOR_ROLES[a]))];

export function actorOf(role: Role): Actor {
  const actor = (Object.keys(ACTOR_ROLES) as Actor[]).find((a) => ACTOR_ROLES[a].includes(role));
  if (!actor) throw forbidden();
  return actor;
}
