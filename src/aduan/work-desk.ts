/**
 * What a staff desk needs beyond the plain view: the next deadline counted in working days, and the
 * actions the caller may take now — derived from the lifecycle table so no client repeats it.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { ACTION_ROUTES } from './api-schemas.js';
import { canTransition, REPORT_ACTIONS, type Actor, type ReportStatus } from './lifecycle.js';
import type { ReportRow } from './queries.js';

/** The deadline the report is running against now (the same rules as the overdue flag). */
export function nextDueAt(r: Pick<ReportRow, 'status' | 'verifyDueAt' | 'followUpDueAt' | 'resolveDueAt' | 'firstFollowUpAt'>): Date | null {
  if (r.status === 'submitted' || r.status === 'postponed') return r.verifyDueAt;
  if (r.status !== 'dispositioned' && r.status !== 'in_progress') return null;
  const dues = [r.firstFollowUpAt === null ? r.followUpDueAt : null, r.resolveDueAt].filter((d): d is Date => d !== null);
  return dues.length ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
}

/** Working days from now to `due` (0 = due today); negative = working days past it. */
export async function workingDaysLeft(ctx: AppContext, db: Db, due: string | Date | null, now: Date): Promise<number | null> {
  if (due === null) return null;
  const at = new Date(due);
  if (at >= now) return ctx.calendar.workingDaysBetween(db, now, at);
  return -(await ctx.calendar.workingDaysBetween(db, at, now)) || 0;
}

/** Fills `sla.workingDaysLeft` of listed reports. */
export async function withWorkingDaysLeft<T extends { sla: { nextDueAt: string | null } }>(ctx: AppContext, db: Db, items: T[], now: Date) {
  return Promise.all(items.map(async (it) => ({ ...it, sla: { ...it.sla, workingDaysLeft: await workingDaysLeft(ctx, db, it.sla.nextDueAt, now) } })));
}

export type ActionPath = (typeof ACTION_ROUTES)[keyof typeof ACTION_ROUTES]['path'];

/** The lifecycle actions `actor` may take on a report in `status`, with their URL segment. */
export function allowedActions(actor: Actor | null, status: ReportStatus): { action: keyof typeof ACTION_ROUTES; path: ActionPath }[] {
  if (!actor || actor === 'system') return [];
  return REPORT_ACTIONS.filter((a): a is keyof typeof ACTION_ROUTES => a in ACTION_ROUTES && canTransition(a, status, actor)).map((action) => ({
    action,
    path: ACTION_ROUTES[action].path,
  }));
}
