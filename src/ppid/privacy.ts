/**
 * What the PPID module holds about a person with an account (UU 27/2022): the requests they filed
 * while logged in, as they see them. On erasure the requests stay in the PPID's register — the law
 * requires the register of requests and answers — but no longer lead to the account.
 */
import type { PersonalDataHolder } from '../core/module.js';
import { requestDetail } from './reads.js';
import * as q from './queries.js';

export const ppidPersonalData: PersonalDataHolder = {
  async export(ctx, p) {
    const informationRequests = [];
    for (const n of await q.requestsOfPerson(ctx.db, p.userId)) informationRequests.push(await requestDetail(ctx, p, n));
    return { informationRequests };
  },
  erase: (tx, userId) => q.unlinkPerson(tx, userId),
};
