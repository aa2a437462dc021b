import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { startRequestSync } from './outbox';
import { OBJECTION_ROLES, STAFF_ROLES } from './types';

/** Public information requests (PPID, UU 14/2008): every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/ppid', page: lazy(() => import('./pages/home')) },
  { path: '/ppid/ajukan', page: lazy(() => import('./pages/file')) },
  { path: '/ppid/permohonan/:registrationNumber', page: lazy(() => import('./pages/request')) },
  { path: '/ppid/saya', page: lazy(() => import('./pages/mine')), roles: ['citizen'] },
  { path: '/ppid/meja', page: lazy(() => import('./pages/desk')), roles: STAFF_ROLES },
  { path: '/ppid/keberatan', page: lazy(() => import('./pages/objections')), roles: OBJECTION_ROLES },
  { path: '/ppid/arsip', page: lazy(() => import('./pages/archive')) },
  { path: '/ppid/laporan', page: lazy(() => import('./pages/report')) },
];

export const nav: NavItem[] = [
  { to: '/ppid', label: navM.public, roles: ['anonymous', 'citizen'] },
  { to: '/ppid/meja', label: navM.desk, roles: STAFF_ROLES },
  { to: '/ppid/keberatan', label: navM.objections, roles: OBJECTION_ROLES },
  { to: '/ppid/laporan', label: navM.report, roles: ['ppid_utama', 'atasan_ppid'] },
];

// Requests filed without a connection are sent on start and whenever the connection returns.
if (typeof window !== 'undefined') startRequestSync();
