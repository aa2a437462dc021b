import { lazy } from 'react';
import type { NavItem, RouteDef } from '../../lib/routes';
import { navM } from './messages';
import { AUTHOR_ROLES, DESK_ROLES } from './types';

/** The Daftar Informasi Publik (DIP): the public catalogue and the desks' publication work; every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/ppid/dip', page: lazy(() => import('./pages/catalogue')) },
  { path: '/ppid/dip/kelola', page: lazy(() => import('./pages/desk')), roles: DESK_ROLES },
  { path: '/ppid/dip/baru', page: lazy(() => import('./pages/editor').then((p) => ({ default: p.NewItem }))), roles: AUTHOR_ROLES },
  { path: '/ppid/dip/:id', page: lazy(() => import('./pages/item')) },
  { path: '/ppid/dip/:id/ubah', page: lazy(() => import('./pages/editor')), roles: AUTHOR_ROLES },
];

export const nav: NavItem[] = [{ to: '/ppid/dip/kelola', label: navM.desk, roles: DESK_ROLES }];
