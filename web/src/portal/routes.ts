import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { DESK_ROLES, EDITOR_ROLES, KIND_PATHS, KINDS } from './types';

const list = lazy(() => import('./pages/list'));
const item = lazy(() => import('./pages/item'));

/** The public portal (news, announcements, disruptions, hoax clarifications) and its desk; every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/portal', page: list },
  { path: '/portal/meja', page: lazy(() => import('./pages/desk')), roles: DESK_ROLES },
  { path: '/portal/tulis', page: lazy(() => import('./pages/new')), roles: EDITOR_ROLES },
  { path: '/portal/naskah/:id', page: lazy(() => import('./pages/staff-item')), roles: DESK_ROLES },
  ...KINDS.flatMap((k): RouteDef[] => [
    { path: KIND_PATHS[k], page: list },
    { path: `${KIND_PATHS[k]}/:slug`, page: item },
  ]),
];

export const nav: NavItem[] = [
  { to: '/portal', label: navM.portal, roles: ['anonymous', 'citizen'] },
  { to: '/portal/meja', label: navM.desk, roles: DESK_ROLES },
];
