/**
 * What the aduan module holds about one citizen, for their data request (UU 27/2022 on personal
 * data protection), and the unlinking of their reports when they delete their account: the reports
 * stay (the city still has to fix the road) but nothing leads back to the person any more.
 */
import type { PersonalDataHolder } from '../core/module.js';
import { reportDetail } from './reads.js';
import { reportsOfPerson, unlinkPerson } from './queries.js';

type Detail = Awaited<ReturnType<typeof reportDetail>>;

export const aduanPersonalData: PersonalDataHolder = {
  /** Every report the citizen filed or follows, each as the citizen sees it (with its public timeline). */
  async export(ctx, p) {
    const filed: Detail[] = [];
    const followed: Detail[] = [];
    for (const row of await reportsOfPerson(ctx.db, p.userId)) {
      const detail = await reportDetail(ctx, p, row.trackingNumber);
      (row.mine ? filed : followed).push(detail);
    }
    return { reports: filed, followedReports: followed };
  },
  /** Removes every link from reports to the citizen; the reports they filed stay, anonymous. */
  erase: (tx, userId) => unlinkPerson(tx, userId),
};
