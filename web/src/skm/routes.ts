import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { ENTRY_ROLES } from './types';

/** Service satisfaction (SKM/IKM): the survey form, the results, the officers' paper entry. */
export const routes: RouteDef[] = [
  { path: '/skm', page: lazy(() => import('./pages/results')) },
  { path: '/skm/isi/:token', page: lazy(() => import('./pages/answer')) },
  { path: '/skm/u/:key', page: lazy(() => import('./pages/answer')) },
  { path: '/skm/kertas', page: lazy(() => import('./pages/paper')), roles: ENTRY_ROLES },
];

export const nav: NavItem[] = [
  { to: '/skm', label: navM.results, roles: ['anonymous', 'citizen', 'executive', 'auditor', ...ENTRY_ROLES] },
  { to: '/skm/kertas', label: navM.paper, roles: ENTRY_ROLES },
];
