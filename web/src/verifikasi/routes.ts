import { lazy } from 'react';
import type { NavItem, RouteDef } from '../lib/routes';

/** The public verification of signed documents: the page a document's QR code opens. */
export const routes: RouteDef[] = [{ path: '/verifikasi/:code', page: lazy(() => import('./pages/verify')) }];

export const nav: NavItem[] = [];
