import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { AUTHOR_ROLES, DESK_ROLES } from './types';

/** Satu Data: the open data catalogue for everyone, the producers' and the steward's desk; every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/data', page: lazy(() => import('./pages/search')) },
  { path: '/data/meja', page: lazy(() => import('./pages/desk')), roles: DESK_ROLES },
  { path: '/data/baru', page: lazy(() => import('./pages/new')), roles: AUTHOR_ROLES },
  { path: '/data/:name', page: lazy(() => import('./pages/dataset')) },
  { path: '/data/:name/versi/:number', page: lazy(() => import('./pages/version')) },
];

export const nav: NavItem[] = [
  { to: '/data', label: navM.data, roles: ['anonymous', 'citizen'] },
  { to: '/data/meja', label: navM.desk, roles: DESK_ROLES },
];
