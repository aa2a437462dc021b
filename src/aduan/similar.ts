/**
 * Possible duplicates of a report for the triage desk's merge: open reports of the same or a
 * sibling category within a radius and a time window, ranked by shared Indonesian word stems.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { forbidden, notFound } from '../core/errors.js';
import { REPORT } from './actions.js';
import { STATUS_LABELS } from './messages.js';
import type { ReportStatus } from './lifecycle.js';
import * as q from './queries.js';

/** Reports that can still take a merge and are still being worked on. */
const OPEN: readonly ReportStatus[] = ['submitted', 'postponed', 'verified', 'dispositioned', 'in_progress'];
const TRIAGE_ROLES = ['triage_admin', 'super_admin'];

export interface SimilarQuery {
  radiusM: number;
  days: number;
  limit: number;
}

export async function similarReports(ctx: AppContext, p: Principal, trackingNumber: string, query: SimilarQuery) {
  if (!TRIAGE_ROLES.includes(p.role)) throw forbidden();
  const origin = await q.findReport(ctx.db, trackingNumber);
  if (!origin) throw notFound(REPORT);
  const rows = await q.similarReports(ctx.db, origin, { ...query, statuses: OPEN });
  return rows.map((row) => ({
    trackingNumber: row.r.trackingNumber,
    title: row.r.title,
    status: row.r.status,
    statusLabel: STATUS_LABELS[row.r.status],
    category: { code: row.categoryCode, name: { id: row.categoryNameId, en: row.categoryNameEn } },
    kelurahanName: row.kelurahanName,
    createdAt: row.r.createdAt.toISOString(),
    distanceM: Math.round(Number(row.distanceM)),
    textScore: Math.round(Number(row.textScore) * 100) / 100,
  }));
}
