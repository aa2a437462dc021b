import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { READ_ROLES, WRITE_ROLES } from './types';

/** e-Monev: the OPDs' sub-activities and their monthly realisation, the desk's checks, the mayor's monthly evaluation. */
export const routes: RouteDef[] = [
  { path: '/emonev', page: lazy(() => import('./pages/list')), roles: READ_ROLES },
  { path: '/emonev/kegiatan/:id', page: lazy(() => import('./pages/sub-activity')), roles: READ_ROLES },
  { path: '/emonev/laporan/:id', page: lazy(() => import('./pages/report')), roles: READ_ROLES },
  { path: '/emonev/evaluasi', page: lazy(() => import('./pages/evaluation')), roles: READ_ROLES },
  { path: '/emonev/dpa', page: lazy(() => import('./pages/dpa')), roles: WRITE_ROLES },
];

export const nav: NavItem[] = [
  { to: '/emonev', label: navM.list, roles: READ_ROLES },
  { to: '/emonev/evaluasi', label: navM.evaluation, roles: READ_ROLES },
  { to: '/emonev/dpa', label: navM.dpa, roles: WRITE_ROLES },
];
