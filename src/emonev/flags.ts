/**
 * When a month's report is due, and what the figures say against the plan: late months (due, and
 * nothing submitted) and being behind plan. Plain functions over a sub-kegiatan's plan and reports;
 * the deadlines come from the working-day calendar.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { addDays, wibStart } from '../core/calendar/working-days.js';
import { REPORTED } from './lifecycle.js';
import { DUE_WORKING_DAYS, LAG_POINTS } from './messages.js';
import type { Report } from './queries.js';

export interface Plan {
  planPhysical: readonly number[];
  planFinancial: readonly number[];
}

/** The last day of a month (WIB date). */
export const lastDayOf = (year: number, month: number): string => addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
export const firstDayOf = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-01`;

/** The end of the DUE_WORKING_DAYS-th working day after the month (its last day does not count). */
export const dueAt = (ctx: AppContext, db: Db, year: number, month: number): Promise<Date> => ctx.calendar.deadline(db, wibStart(lastDayOf(year, month)), DUE_WORKING_DAYS);

/** Each month's deadline of a year, January first. */
export const duesOf = (ctx: AppContext, db: Db, year: number): Promise<Date[]> => Promise.all(Array.from({ length: 12 }, (_, i) => dueAt(ctx, db, year, i + 1)));

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A report's figures beside the plan for its month. */
export function monthFigures(plan: Plan, r: Report, due: Date) {
  const planPhysicalPct = plan.planPhysical[r.month - 1]!;
  return {
    month: r.month,
    status: r.status,
    physicalPct: r.physicalPct,
    financialRp: r.financialRp,
    planPhysicalPct,
    planFinancialRp: plan.planFinancial[r.month - 1]!,
    physicalDeviation: round2(r.physicalPct - planPhysicalPct),
    submittedLate: r.firstSubmittedAt !== null && r.firstSubmittedAt.getTime() > due.getTime(),
  };
}

/** Behind plan: more than LAG_POINTS below the month's cumulative physical target. */
export const isLagging = (plan: Plan, r: Pick<Report, 'month' | 'physicalPct'>): boolean => plan.planPhysical[r.month - 1]! - r.physicalPct > LAG_POINTS;

/** A month is late once its deadline has passed without a submission (a draft or nothing). */
export const isLate = (report: Pick<Report, 'firstSubmittedAt'> | undefined, due: Date, now: Date): boolean => due.getTime() < now.getTime() && !report?.firstSubmittedAt;

/** The flags of a sub-kegiatan: its late months, its latest reported month against the plan. */
export function flagsOf(plan: Plan, reports: readonly Report[], dues: readonly Date[], now: Date) {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const lateMonths = dues.flatMap((due, i) => (isLate(byMonth.get(i + 1), due, now) ? [i + 1] : []));
  const reported = reports.filter((r) => REPORTED.includes(r.status)).sort((a, b) => b.month - a.month)[0];
  return {
    lateMonths,
    latest: reported ? monthFigures(plan, reported, dues[reported.month - 1]!) : null,
    lagging: reported ? isLagging(plan, reported) : false,
  };
}
