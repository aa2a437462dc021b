/**
 * Layanan — online public services and permits: a catalogue of services defined as data (standar
 * pelayanan, versioned forms, requirements, processing steps with working-day deadlines), online
 * and counter applications worked through each OPD's desk, and a signed document with a QR code at
 * the end. Internal services (OPD staff applying to Diskominfo) run on the same engine. Its one
 * registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { layananRoutes } from './routes.js';
import { integrationRoutes } from './integration-routes.js';
import { KEY_ACTIONS } from './integration.js';
import { deliverWebhooks, pruneDeliveryLog } from './webhook-delivery.js';
import { layananPersonalData } from './privacy.js';
import { EDITOR_ROLES, INBOX_ROLES } from './access.js';
import { ACTION_ROUTES } from './api-schemas.js';
import { LAYANAN_STAFF, ensureLayananDemo } from './demo.js';

const S = '/api/v1/layanan/services';
const A = '/api/v1/layanan/applications';
const I = '/api/v1/layanan/integration/applications';

/**
 * The catalogue is public; its editor is the OPD admins'. Applications need a session; who may
 * file for which service, and who may see or act on an application, is decided per record by
 * access.ts (an OPD sees only its own services' applications).
 */
const access: AccessRules = {
  [`GET ${S}`]: 'public',
  [`GET ${S}/:code`]: 'public',
  [`POST ${S}`]: EDITOR_ROLES,
  [`PATCH ${S}/:code`]: EDITOR_ROLES,
  [`POST ${S}/:code/versions`]: EDITOR_ROLES,
  [`POST ${A}`]: 'scoped',
  [`GET ${A}`]: INBOX_ROLES,
  [`GET ${A}/mine`]: 'self',
  [`GET ${A}/:number`]: 'scoped',
  [`PUT ${A}/:number/answers`]: 'scoped',
  [`POST ${A}/:number/requirements/:key`]: 'scoped',
  [`GET ${A}/:number/files/:documentId`]: 'scoped',
  [`GET ${A}/:number/document.pdf`]: 'scoped',
  ...Object.fromEntries(Object.values(ACTION_ROUTES).map((a) => [`POST ${A}/:number/${a.path}`, 'scoped' as const])),
  // A service's webhook and the OPD's API keys: the OPD admin's own (another OPD's service: 404).
  [`GET ${S}/:code/webhook`]: ['opd_admin'],
  [`PUT ${S}/:code/webhook`]: ['opd_admin'],
  [`DELETE ${S}/:code/webhook`]: ['opd_admin'],
  'GET /api/v1/layanan/opd-keys': ['opd_admin'],
  'POST /api/v1/layanan/opd-keys': ['opd_admin'],
  'DELETE /api/v1/layanan/opd-keys/:id': ['opd_admin'],
  // The incoming API: an OPD system's key, scoped to that OPD.
  [`GET ${I}`]: 'opd-key',
  [`GET ${I}/:number`]: 'opd-key',
  [`POST ${I}/:number/issue`]: 'opd-key',
  ...Object.fromEntries(KEY_ACTIONS.map((a) => [`POST ${I}/:number/${ACTION_ROUTES[a].path}`, 'opd-key' as const])),
};

export const layanan: KhidmatModule = {
  name: 'layanan',
  summary: 'Layanan (public services and permits): a catalogue defined as data, versioned forms, applications through each OPD’s steps, signed documents',
  routes: [{ plugin: layananRoutes }, { plugin: integrationRoutes }],
  access,
  jobs: (ctx) => [
    { name: 'layanan-webhooks', everyMs: 5_000, run: () => deliverWebhooks(ctx) },
    { name: 'layanan-delivery-log-retention', everyMs: 3_600_000, run: () => pruneDeliveryLog(ctx) },
  ],
  personalData: layananPersonalData,
  demo: { staff: LAYANAN_STAFF, run: ensureLayananDemo },
};
