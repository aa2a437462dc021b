/**
 * The dashboard's read model: each OPD's complaint figures for a span of days, counted exactly as the
 * mayor's dashboard counts them, for other modules' reports (e-monev's monthly evaluation, the
 * transparency page). Counts and shares only, no report or person.
 */
import type { AppContext } from '../core/context.js';
import { periodOf, summary, type Share } from './service.js';
import { periodDays } from './rollups.js';
import * as q from './queries.js';

export type { Share };

export interface OpdComplaints {
  code: string;
  name: string;
  /** Complaints dispositioned to the OPD that arrived in the span. */
  received: number;
  /** Of those, the dispositions the OPD resolved (within the deadline or late). */
  handled: number;
  followUpSla: Share;
  resolveSla: Share;
}

/** Every OPD with complaints arriving between two WIB dates (inclusive), as on the dashboard. */
export async function complaintsByOpd(ctx: AppContext, from: string, to: string): Promise<OpdComplaints[]> {
  const s = await summary(ctx, { from, to });
  const [days, names] = await Promise.all([periodDays(ctx.db, periodOf({ from, to }, ctx.clock())), q.names(ctx.db)]);
  const idOf = new Map(names.opds.map((o) => [o.code, o.id]));
  return s.byOpd.map((r) => {
    const day = days.opds[idOf.get(r.code) ?? -1];
    return { code: r.code, name: r.name, received: r.reports, handled: day ? day.resolveMet + day.resolveLate : 0, followUpSla: r.followUpSla, resolveSla: r.resolveSla };
  });
}
