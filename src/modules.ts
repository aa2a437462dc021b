/**
 * Every module of the platform, in the order they start. The app (routes), the background jobs, the
 * demo, the account's data rights, the metrics and the authorization tests all read this list: a
 * new module is one entry here (its own `module.ts`), and nothing else central changes.
 */
import type { KhidmatModule } from './core/module.js';
import type { Role } from './core/auth/roles.js';
import { rolesOf } from './core/module.js';
import { platform } from './core/platform.js';
import { aduan } from './aduan/module.js';
import { kemiskinan } from './kemiskinan/module.js';
import { dashboard } from './dashboard/module.js';
import { open311 } from './open311/module.js';
import { ppid } from './ppid/module.js';
import { channels } from './channels/module.js';
import { layanan } from './layanan/module.js';
import { satudata } from './satudata/module.js';
import { skm } from './skm/module.js';
import { emonev } from './emonev/module.js';
import { portal } from './portal/module.js';
import { transparansi } from './transparansi/module.js';

export const MODULES: readonly KhidmatModule[] = [platform, aduan, kemiskinan, dashboard, open311, ppid, satudata, layanan, channels, skm, emonev, portal, transparansi];

/** Every role, core's and the modules'. */
export const ROLES = rolesOf(MODULES);
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'citizen'> => r !== 'citizen');
