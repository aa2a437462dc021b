import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { startOutboxSync } from './outbox';
import { prefetchReference } from './reference';

/** Citizen pages: every page loads lazily; the route table itself is tiny. */
export const routes: RouteDef[] = [
  { path: '/', page: lazy(() => import('./pages/home')) },
  { path: '/masuk', page: lazy(() => import('./pages/login')) },
  { path: '/daftar', page: lazy(() => import('./pages/register')) },
  { path: '/lupa-sandi', page: lazy(() => import('./pages/forgot')) },
  { path: '/sandi-baru', page: lazy(() => import('./pages/reset')) },
  { path: '/ganti-sandi', page: lazy(() => import('./pages/change-password')) },
  { path: '/lapor', page: lazy(() => import('./pages/file-report')), roles: ['citizen'] },
  { path: '/laporan-saya', page: lazy(() => import('./pages/mine')), roles: ['citizen'] },
  { path: '/akun', page: lazy(() => import('./pages/account')), roles: ['citizen'] },
  { path: '/akun-dihapus', page: lazy(() => import('./pages/deleted')) },
  { path: '/laporan', page: lazy(() => import('./pages/public')) },
  { path: '/laporan/:trackingNumber', page: lazy(() => import('./pages/report')) },
];

export const nav: NavItem[] = [
  { to: '/laporan', label: navM.publicReports, roles: ['anonymous', 'citizen'] },
  { to: '/lapor', label: navM.file, roles: ['anonymous', 'citizen'] },
  { to: '/laporan-saya', label: navM.mine, roles: ['citizen'] },
  { to: '/akun', label: navM.account, roles: ['citizen'] },
  { to: '/daftar', label: navM.register, roles: ['anonymous'] },
];

// Reports queued offline are sent on start and whenever the connection returns; reference data is
// cached now so that the report form also opens without a connection later.
if (typeof window !== 'undefined') {
  startOutboxSync();
  prefetchReference();
}
