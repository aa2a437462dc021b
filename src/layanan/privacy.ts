/**
 * What the public-services module holds about a person with an account (UU 27/2022): the
 * applications they filed, as they see them. On erasure the applications stay with the OPD — an
 * issued document and its register are the city's records — but no longer lead to the account.
 */
import type { PersonalDataHolder } from '../core/module.js';
import { applicationDetail } from './reads.js';
import * as q from './queries.js';

export const layananPersonalData: PersonalDataHolder = {
  async export(ctx, p) {
    const serviceApplications = [];
    for (const n of await q.applicationsOfPerson(ctx.db, p.userId)) serviceApplications.push(await applicationDetail(ctx, p, n));
    return { serviceApplications };
  },
  erase: (tx, userId) => q.unlinkPerson(tx, userId),
};
