/** The sub-kegiatan as the API shows them, and finding one within the caller's scope. */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { notFound } from '../core/errors.js';
import { duesOf, flagsOf } from './flags.js';
import { SUB_ACTIVITY } from './messages.js';
import * as q from './queries.js';

/** The sub-kegiatan, if the caller may act on it in this way; otherwise it does not exist for them. */
export async function subActivityFor(db: Db, p: Principal, id: number, may: (p: Principal, opdId: number) => boolean): Promise<q.ListedSubActivity> {
  const s = await q.subActivityById(db, id);
  if (!s || !may(p, s.s.opdId)) throw notFound(SUB_ACTIVITY);
  return s;
}

export const locationOf = (x: { lat: number | null; lng: number | null }) => (x.lat === null || x.lng === null ? null : { lat: x.lat, lng: x.lng });

export function subActivityView(s: q.ListedSubActivity, reports: readonly q.Report[], dues: readonly Date[], now: Date) {
  return {
    id: s.s.id,
    opd: { code: s.opd.code, name: s.opd.name },
    year: s.s.year,
    programme: s.programme,
    activity: s.activity,
    code: s.s.code,
    name: s.s.name,
    budget: s.s.budget,
    output: s.s.output,
    plan: { physical: s.s.planPhysical, financial: s.s.planFinancial },
    location: locationOf(s.s),
    complaints: s.links,
    reports: reports.map((r) => ({ id: r.id, month: r.month, status: r.status })),
    ...flagsOf(s.s, reports, dues, now),
  };
}

/** Views of many sub-kegiatan with their reports, their reports read in one query. */
export async function subActivityViews(ctx: AppContext, list: readonly q.ListedSubActivity[]) {
  const reports = await q.reportsOf(ctx.db, list.map((s) => s.s.id));
  const years = [...new Set(list.map((s) => s.s.year))];
  const dues = new Map(await Promise.all(years.map(async (y) => [y, await duesOf(ctx, ctx.db, y)] as const)));
  const now = ctx.clock();
  const bySub = groupBySubActivity(reports);
  return list.map((s) => subActivityView(s, bySub.get(s.s.id) ?? [], dues.get(s.s.year)!, now));
}

/** Reports by their sub-kegiatan (a city-wide list holds thousands). */
export function groupBySubActivity(reports: readonly q.Report[]): Map<number, q.Report[]> {
  const by = new Map<number, q.Report[]>();
  for (const r of reports) {
    const list = by.get(r.subActivityId);
    if (list) list.push(r);
    else by.set(r.subActivityId, [r]);
  }
  return by;
}
