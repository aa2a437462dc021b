/**
 * SKM — Survei Kepuasan Masyarakat (PermenPANRB 14/2017): each service unit's survey of the nine
 * unsur (every OPD, each Layanan service, the complaint and PPID desks), invitations after a closed
 * complaint, an issued application or an answered information request, an anonymous public link and
 * paper forms, the IKM as the regulation computes it, and its publication. Its one registration with
 * the platform.
 */
import type { AccessRules, KhidmatModule } from '../core/module.js';
import { skmRoutes } from './routes.js';
import { skmPersonalData } from './privacy.js';
import { ENTRY_ROLES, PUBLISH_ROLES, READ_ROLES } from './access.js';
import { DESKS } from './messages.js';
import { syncUnits } from './queries.js';
import { inviteFinishedCases } from './invitations.js';
import { ensureSkmDemo } from './demo.js';

const S = '/api/v1/skm';
const R = `${S}/periods/:periodId/units/:unitId`;

/** Answering and published results are open to anyone; raw answers and entry are scoped per unit by access.ts. */
const access: AccessRules = {
  [`GET ${S}/units`]: 'public',
  [`GET ${S}/units/by-key/:key`]: 'public',
  [`POST ${S}/units/by-key/:key/answers`]: 'public',
  [`PUT ${S}/units/:unitId/population`]: PUBLISH_ROLES,
  [`POST ${S}/units/:unitId/paper-answers`]: ENTRY_ROLES,
  [`GET ${S}/invitations/:token`]: 'public',
  [`POST ${S}/invitations/:token/answers`]: 'public',
  [`GET ${S}/periods`]: 'public',
  [`POST ${S}/periods`]: ['super_admin'],
  [`GET ${S}/periods/:periodId/results`]: 'public',
  [`GET ${R}/results`]: 'public',
  [`GET ${R}/results.csv`]: 'public',
  [`GET ${R}/results.xlsx`]: 'public',
  [`GET ${R}/results.pdf`]: 'public',
  [`GET ${R}/answers`]: READ_ROLES,
  [`POST ${R}/publish`]: PUBLISH_ROLES,
};

export const skm: KhidmatModule = {
  name: 'skm',
  summary: 'SKM/IKM (PermenPANRB 14/2017): service satisfaction surveys per unit, invitations after finished complaints, applications and information requests, results and publication',
  routes: [{ plugin: skmRoutes }],
  access,
  seed: (db) => syncUnits(db, DESKS),
  jobs: (ctx) => [{ name: 'skm-invitations', everyMs: 60_000, run: () => inviteFinishedCases(ctx) }],
  personalData: skmPersonalData,
  demo: { run: ensureSkmDemo },
};
