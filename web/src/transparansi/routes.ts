import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';

/** The public status page (which services work now) and the transparency page (a year's figures). */
export const routes: RouteDef[] = [
  { path: '/status', page: lazy(() => import('./pages/status')) },
  { path: '/transparansi', page: lazy(() => import('./pages/transparency')) },
];

export const nav: NavItem[] = [{ to: '/transparansi', label: navM.transparency, roles: ['anonymous', 'citizen', 'executive', 'auditor'] }];
