/**
 * The public portal: news, announcements, service-disruption notices and hoax clarifications,
 * written by the humas editors and checked before they go out; public pages with Indonesian
 * full-text search, RSS and Atom feeds, and sharing tags. Its one registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { feedRoutes, portalRoutes } from './routes.js';
import { DESK_ROLES, EDITOR_ROLES, rolesFor } from './access.js';
import { STEP_ACTIONS } from './lifecycle.js';
import { PORTAL_PAGES } from './pages.js';
import { PORTAL_STAFF, ensurePortalDemo } from './demo.js';

declare module '../core/auth/roles.js' {
  interface RoleRegistry {
    /** Humas editor (Diskominfo): writes the portal's items. */
    portal_editor: true;
    /** Redaktur: checks the editors' items and publishes them. */
    portal_checker: true;
  }
}

const P = '/api/v1/portal';

/** Published items, their photos and the feeds are public; the desk is the editors', checkers' and auditor's. */
const access: AccessRules = {
  [`GET ${P}/items`]: 'public',
  [`GET ${P}/items/:kind/:slug`]: 'public',
  [`GET ${P}/images/:id`]: 'public',
  [`GET ${P}/desk`]: DESK_ROLES,
  [`POST ${P}/drafts`]: EDITOR_ROLES,
  [`GET ${P}/drafts/:id`]: DESK_ROLES,
  [`PATCH ${P}/drafts/:id`]: EDITOR_ROLES,
  ...Object.fromEntries(STEP_ACTIONS.map((action) => [`POST ${P}/drafts/:id/${action}`, rolesFor(action)])),
  'GET /portal/rss.xml': 'public',
  'GET /portal/atom.xml': 'public',
};

export const portal: KhidmatModule = {
  name: 'portal',
  summary: 'Public portal: news, announcements, service-disruption notices and hoax clarifications, checked before publication; search, RSS/Atom, Open Graph',
  roles: ['portal_editor', 'portal_checker'],
  routes: [{ plugin: portalRoutes }, { plugin: feedRoutes, prefix: '' }],
  access,
  pages: PORTAL_PAGES,
  demo: { staff: PORTAL_STAFF, run: ensurePortalDemo },
};
