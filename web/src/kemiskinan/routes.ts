import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import { navM } from './messages';
import { startVisitSync } from './offline';

const DINSOS = ['dinsos_desk', 'dinsos_section'] as const;
const OPD = ['opd_admin', 'opd_officer'] as const;

/** Poverty complaints (pengaduan kemiskinan): every page loads lazily. */
export const routes: RouteDef[] = [
  { path: '/kemiskinan', page: lazy(() => import('./pages/queue')), roles: ['citizen', ...DINSOS, 'kelurahan_operator', 'volunteer'] },
  { path: '/kemiskinan/ajukan', page: lazy(() => import('./pages/intake')), roles: ['citizen', 'kelurahan_operator', 'volunteer'] },
  { path: '/kemiskinan/pengaduan/:trackingNumber', page: lazy(() => import('./pages/complaint')), roles: ['citizen', ...DINSOS, 'kelurahan_operator', 'volunteer'] },
  { path: '/kemiskinan/kunjungan', page: lazy(() => import('./pages/visits')), roles: ['volunteer'] },
  { path: '/kemiskinan/kunjungan/:id', page: lazy(() => import('./pages/visit-form')), roles: ['volunteer'] },
  { path: '/kemiskinan/musyawarah', page: lazy(() => import('./pages/musyawarah')), roles: ['kelurahan_operator', ...DINSOS] },
  { path: '/kemiskinan/angka', page: lazy(() => import('./pages/figures')), roles: [...DINSOS, 'executive', 'auditor'] },
  { path: '/kemiskinan/dtsen', page: lazy(() => import('./pages/register')), roles: ['dinsos_desk'] },
  { path: '/kemiskinan/rujukan', page: lazy(() => import('./pages/referrals')), roles: OPD },
];

export const nav: NavItem[] = [
  { to: '/kemiskinan', label: navM.help, roles: ['citizen'] },
  { to: '/kemiskinan', label: navM.queue, roles: [...DINSOS, 'kelurahan_operator', 'volunteer'] },
  { to: '/kemiskinan/kunjungan', label: navM.visits, roles: ['volunteer'] },
  { to: '/kemiskinan/musyawarah', label: navM.musyawarah, roles: ['kelurahan_operator'] },
  { to: '/kemiskinan/dtsen', label: navM.register, roles: ['dinsos_desk'] },
  { to: '/kemiskinan/angka', label: navM.figures, roles: [...DINSOS, 'executive', 'auditor'] },
  { to: '/kemiskinan/rujukan', label: navM.referrals, roles: OPD },
];

// Visit records saved offline are sent on start and whenever the connection returns.
if (typeof window !== 'undefined') startVisitSync();
