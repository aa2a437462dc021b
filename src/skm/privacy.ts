/**
 * What the SKM module holds about a person with an account (UU 27/2022): the invitations sent to
 * them. Answers carry no identity. On erasure the invitations stay (one per case) without the account.
 */
import type { PersonalDataHolder } from '../core/module.js';
import * as q from './queries.js';

export const skmPersonalData: PersonalDataHolder = {
  async export(ctx, p) {
    const rows = await q.invitationsOfPerson(ctx.db, p.userId);
    return {
      surveyInvitations: rows.map((r) => ({ unit: r.unit, caseKind: r.caseKind, caseRef: r.caseRef, invitedAt: r.createdAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null })),
    };
  },
  erase: (tx, userId) => q.unlinkPerson(tx, userId),
};
