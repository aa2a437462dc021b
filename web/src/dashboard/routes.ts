import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';
import type { Role } from '../lib/session';

/** City-wide aggregates: the Wali Kota's office, admins, auditors and OPD heads (not officers, not citizens). */
export const DASHBOARD_ROLES: readonly Role[] = ['executive', 'super_admin', 'auditor', 'triage_admin', 'opd_admin'];

export const routes: RouteDef[] = [{ path: '/dasbor', page: lazy(() => import('./pages/dashboard')), roles: DASHBOARD_ROLES }];
export const nav: NavItem[] = [{ to: '/dasbor', label: { id: 'Dasbor', en: 'Dashboard' }, roles: DASHBOARD_ROLES }];
