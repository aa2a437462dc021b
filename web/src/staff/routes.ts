import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';

/** The staff workspace: every page loads lazily, so none of it reaches the citizen's first load. */
const DESK = ['triage_admin', 'super_admin', 'opd_admin', 'opd_officer'] as const;
const ADMINS = ['opd_admin', 'super_admin'] as const;
const SUPER = ['super_admin'] as const;
/** Who files a report for a resident (assisted intake): the desks, kelurahan operators and volunteers. */
const ASSISTING = [...DESK, 'kelurahan_operator', 'volunteer'] as const;
const admin = (name: 'AdminHome' | 'Holidays' | 'Opds' | 'Categories' | 'Regions' | 'Roads') =>
  lazy(() => import('./pages/admin').then((x) => ({ default: x[name] })));

export const routes: RouteDef[] = [
  { path: '/staf', page: lazy(() => import('./pages/work-list')), roles: DESK },
  { path: '/staf/laporan/:tn', page: lazy(() => import('./pages/report')), roles: DESK },
  { path: '/staf/lapor-untuk-warga', page: lazy(() => import('./pages/assisted')), roles: ASSISTING },
  { path: '/staf/petugas', page: lazy(() => import('./pages/officers')), roles: ADMINS },
  { path: '/staf/admin', page: admin('AdminHome'), roles: SUPER },
  { path: '/staf/admin/libur', page: admin('Holidays'), roles: SUPER },
  { path: '/staf/admin/opd', page: admin('Opds'), roles: SUPER },
  { path: '/staf/admin/kategori', page: admin('Categories'), roles: SUPER },
  { path: '/staf/admin/wilayah', page: admin('Regions'), roles: SUPER },
  { path: '/staf/admin/jalan', page: admin('Roads'), roles: SUPER },
];

// Header labels only: the staff messages themselves load with the pages.
export const nav: NavItem[] = [
  { to: '/staf', label: { id: 'Meja kerja', en: 'Work desk' }, roles: DESK },
  { to: '/staf/lapor-untuk-warga', label: { id: 'Lapor untuk warga', en: 'File for a resident' }, roles: ASSISTING },
  { to: '/staf/petugas', label: { id: 'Petugas', en: 'Officers' }, roles: ADMINS },
  { to: '/staf/admin', label: { id: 'Admin', en: 'Admin' }, roles: SUPER },
];
