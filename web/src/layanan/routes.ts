import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { startApplicationSync } from './outbox';
import { EDITOR_ROLES, INBOX_ROLES } from './types';

/** Public services (layanan): the catalogue and standar pelayanan for anyone, applications, the OPD desks and the service editor. Every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/layanan', page: lazy(() => import('./pages/catalogue')) },
  { path: '/layanan/saya', page: lazy(() => import('./pages/mine')) },
  { path: '/layanan/meja', page: lazy(() => import('./pages/desk')), roles: INBOX_ROLES },
  { path: '/layanan/kelola', page: lazy(() => import('./pages/manage')), roles: EDITOR_ROLES },
  { path: '/layanan/kelola/:code', page: lazy(() => import('./pages/editor')), roles: EDITOR_ROLES },
  { path: '/layanan/permohonan/:number', page: lazy(() => import('./pages/application')) },
  { path: '/layanan/:code/ajukan', page: lazy(() => import('./pages/apply')) },
  { path: '/layanan/:code', page: lazy(() => import('./pages/service')) },
];

export const nav: NavItem[] = [
  { to: '/layanan', label: navM.services, roles: ['anonymous', 'citizen'] },
  { to: '/layanan/meja', label: navM.desk, roles: INBOX_ROLES },
  { to: '/layanan/kelola', label: navM.manage, roles: EDITOR_ROLES },
];

// Applications filled in without a connection are sent on start and whenever it returns.
if (typeof window !== 'undefined') startApplicationSync();
