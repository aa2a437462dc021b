/**
 * The transparency page's figures for a year, each from its module's read model: complaints per OPD
 * and their SLA shares (as the mayor's dashboard counts them), the IKM per service unit, the PPID's
 * yearly report and the e-monev realisation. Counts, shares and names of public bodies only: no
 * report, request, answer or person. Kept for a while per year (figures of a closed year change
 * rarely), so a busy page does not recount.
 */
import type { AppContext } from '../core/context.js';
import { invalid } from '../core/errors.js';
import { wibDate } from '../core/calendar/working-days.js';
import { complaintsByOpd, type Share } from '../dashboard/read-model.js';
import { ikmPerUnit } from '../skm/read-model.js';
import { yearlyReport } from '../ppid/read-model.js';
import { realisationByOpd } from '../emonev/read-model.js';

/** The current year's figures are recounted after this; a past year's after an hour. */
export const CURRENT_YEAR_TTL_MS = 5 * 60_000;
const PAST_YEAR_TTL_MS = 3600_000;
export const FIRST_YEAR = 2020;

const combine = (shares: Share[]): Share => {
  const met = shares.reduce((a, s) => a + s.met, 0);
  const decided = shares.reduce((a, s) => a + s.decided, 0);
  return { met, decided, share: decided ? met / decided : null };
};

async function compute(ctx: AppContext, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [complaints, units, ppid, emonev] = await Promise.all([
    complaintsByOpd(ctx, from, to),
    ikmPerUnit(ctx.db, { startsOn: from, endsOn: to }),
    yearlyReport(ctx, year),
    realisationByOpd(ctx.db, year),
  ]);
  const ppidRow = (r: (typeof ppid)['total']) => ({
    received: r.received,
    successful: r.successful,
    partiallySuccessful: r.partiallySuccessful,
    rejected: r.rejected,
    notHeld: r.notHeld,
    withdrawn: r.withdrawn,
    open: r.open,
    answeredLate: r.answeredLate,
    averageWorkingDays: r.averageWorkingDays,
    objections: r.objections,
    disputes: r.disputes,
  });
  return {
    year,
    generatedAt: ctx.clock().toISOString(),
    complaints: {
      total: {
        received: complaints.reduce((a, o) => a + o.received, 0),
        handled: complaints.reduce((a, o) => a + o.handled, 0),
        followUpSla: combine(complaints.map((o) => o.followUpSla)),
        resolveSla: combine(complaints.map((o) => o.resolveSla)),
      },
      byOpd: complaints.map((o) => ({ code: o.code, name: o.name, received: o.received, handled: o.handled, followUpSla: o.followUpSla, resolveSla: o.resolveSla })),
    },
    // Units nobody answered yet are left out: an empty row says nothing to a resident.
    ikm: units
      .filter((u) => u.respondents > 0)
      .map((u) => ({ name: u.name, kind: u.kind, opd: u.opd && { code: u.opd.code, name: u.opd.name }, respondents: u.respondents, ikm: u.ikm, converted: u.converted, grade: u.grade, label: u.label, published: u.published })),
    ppid: { total: ppidRow(ppid.total), byOpd: ppid.rows.map((r) => ({ opd: r.opd && { code: r.opd.code, name: r.opd.name }, ...ppidRow(r) })) },
    emonev: emonev.map((r) => ({
      opd: { code: r.opd.code, name: r.opd.name },
      subActivities: r.subActivities,
      reported: r.reported,
      budget: r.budget,
      financialRp: r.financialRp,
      financialPct: r.financialPct,
      physicalPct: r.physicalPct,
    })),
  };
}

export type TransparencyFigures = Awaited<ReturnType<typeof compute>>;

const kept = new WeakMap<AppContext, Map<number, { until: number; figures: Promise<TransparencyFigures> }>>();

/** A year's figures (default: this year in WIB); a year before FIRST_YEAR or after this one is refused. */
export async function transparency(ctx: AppContext, query: { year?: number | undefined }): Promise<TransparencyFigures> {
  const now = ctx.clock();
  const thisYear = Number(wibDate(now).slice(0, 4));
  const year = query.year ?? thisYear;
  if (year > thisYear || year < FIRST_YEAR) {
    throw invalid('year_out_of_range', `Tahun harus antara ${FIRST_YEAR} dan ${thisYear}.`, `The year must be between ${FIRST_YEAR} and ${thisYear}.`, 'year');
  }
  const byYear = kept.get(ctx) ?? new Map();
  kept.set(ctx, byYear);
  const hit = byYear.get(year);
  if (hit && hit.until > now.getTime()) return hit.figures;
  const figures = compute(ctx, year);
  byYear.set(year, { until: now.getTime() + (year === thisYear ? CURRENT_YEAR_TTL_MS : PAST_YEAR_TTL_MS), figures });
  // A failed count is not kept: the next visitor tries again.
  figures.catch(() => byYear.delete(year));
  return figures;
}
