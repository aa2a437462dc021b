import * as citizen from './citizen/routes';
import * as staff from './staff/routes';
import * as dashboard from './dashboard/routes';
import * as kemiskinan from './kemiskinan/routes';
import * as ppid from './ppid/routes';
import * as ppidCatalogue from './ppid/catalogue/routes';
import * as verifikasi from './verifikasi/routes';
import * as satudata from './satudata/routes';
import * as layanan from './layanan/routes';
import * as skm from './skm/routes';
import * as emonev from './emonev/routes';
import * as portal from './portal/routes';
import * as transparansi from './transparansi/routes';
import type { NavItem, RouteDef } from './lib/routes';

/**
 * The web app's areas, one per module (aduan has two: the citizen's pages and the staff desks),
 * each with its own route table, header links and messages. The router and the header read this
 * list; a new module adds its area here. Pages outside the citizen area load lazily.
 */
export const AREAS: readonly { routes: RouteDef[]; nav: NavItem[] }[] = [citizen, staff, dashboard, kemiskinan, ppid, ppidCatalogue, satudata, verifikasi, layanan, skm, emonev, transparansi, portal];
