/**
 * Layanan — online public services and permits: a catalogue of services defined as data (standar
 * pelayanan, versioned forms, requirements, processing steps with working-day deadlines), online
 * and counter applications worked through each OPD's desk, and a signed document with a QR code at
 * the end. Internal services (OPD staff applying to Diskominfo) run on the same engine. Its one
 * registration with the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { layananRoutes } from './routes.js';
import { layananPersonalData } from './privacy.js';
import { EDITOR_ROLES, INBOX_ROLES } from './access.js';
import { ACTION_ROUTES } from './api-schemas.js';
import { LAYANAN_STAFF, ensureLayananDemo } from './demo.js';

const S = '/api/v1/layanan/services';
const A = '/api/v1/layanan/applications';

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
};

export const layanan: KhidmatModule = {
  name: 'layanan',
  summary: 'Layanan (public services and permits): a catalogue defined as data, versioned forms, applications through each OPD’s steps, signed documents',
  routes: [{ plugin: layananRoutes }],
  access,
  personalData: layananPersonalData,
  demo: { staff: LAYANAN_STAFF, run: ensureLayananDemo },
};
