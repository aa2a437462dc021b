/**
 * What the kemiskinan module holds about a citizen, for their data request (UU 27/2022), and how it
 * lets go of them when they delete their account. The household's case stays with Dinas Sosial —
 * assistance given and referrals made are the office's record, and the household's other members
 * are in it too — but nothing links it to the erased account any more.
 */
import type { PersonalDataHolder } from '../core/module.js';
import { complaintDetail } from './reads.js';
import { viewerOf } from './staff.js';
import * as q from './queries.js';

export const kemiskinanPersonalData: PersonalDataHolder = {
  /** Every poverty complaint the citizen follows, as they see it: household, timeline, visits, outcomes. */
  async export(ctx, p) {
    const viewer = await viewerOf(ctx, p);
    const povertyComplaints = [];
    for (const tn of await q.complaintsOfCitizen(ctx.db, p.userId)) povertyComplaints.push(await complaintDetail(ctx, viewer, tn));
    return { povertyComplaints };
  },
  erase: (tx, userId) => q.unlinkPerson(tx, userId),
};
