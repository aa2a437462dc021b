/**
 * All SQL of the executive dashboard. It is a read model over the aduan tables: aggregates are
 * computed in the database (percentile_cont for medians) so the page stays fast with a million
 * reports. Queries read reports by `created_at` within the period (reports_created_idx) — the summary
 * once for all its figures — and join a small working-day calendar instead of calling out per row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../core/db/client.js';
import { queryRows as rows } from '../core/db/json-rows.js';
import { holidays, kecamatan, kelurahan, opds } from '../core/reference/schema.js';
import { categories, dispositions, reports } from '../aduan/schema.js';
import { overdueExpr } from '../aduan/queries.js';
import { REPORT_STATUSES, TERMINAL_STATUSES } from '../aduan/lifecycle.js';

/** The period as instants: [from 00:00 WIB, the day after `to` 00:00 WIB). */
export interface Period {
  /** First and last WIB date, inclusive. */
  from: string;
  to: string;
  start: Date;
  end: Date;
  /** The last WIB date the working-day calendar must cover (answers come up to now). */
  calendarEnd: string;
  /** The weeks (Monday to Sunday) the period touches: the first Monday and how many. */
  weeks: { first: string; count: number };
  now: Date;
}

/** Open = still waiting on the city: neither terminal nor resolved (awaiting the reporter). */
export const OPEN_STATUSES = REPORT_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s) && s !== 'resolved');


const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The WIB calendar date of an instant (WIB is UTC+7 all year). */
const wibDay = (instant: SQL | AnyPgColumn) => sql`((${instant} at time zone 'UTC') + interval '7 hours')::date`;

/**
 * `cal.wd`: an array whose element i counts the working days (Mon–Fri, not a holiday or cuti
 * bersama) from the period's first day up to and including day i. Working days from a to b =
 * wd(b's WIB date) − wd(a's WIB date), never below zero — exactly core/calendar's
 * workingDaysBetween (the day a report arrives does not count). An array lookup per row instead of
 * joins keeps the planner's row estimates honest on large periods; materialized, so it is built once
 * whatever join order the planner picks.
 */
const calendarCte = (p: Period) => sql`cal as materialized (
  select array_agg(idx order by day) as wd from (
    select d::date as day, sum(case when extract(isodow from d) < 6 and h.date is null then 1 else 0 end) over (order by d) as idx
    from generate_series(${p.from}::date, ${p.calendarEnd}::date, interval '1 day') as d
    left join ${holidays} h on h.date = d::date) days)`;

const inPeriod = (p: Period) => sql`${reports.createdAt} >= ${p.start} and ${reports.createdAt} < ${p.end}`;

/** Working days from one instant to a later one, as a number (null when either is missing). */
const wd = (p: Period, from: SQL | AnyPgColumn, to: SQL | AnyPgColumn) => {
  // Read as a scalar subquery (one init plan), not a joined column: rows then carry no copy of the
  // array into sorts (a per-row copy made the OPD figures' sort spill megabytes to disk).
  const at = (instant: SQL | AnyPgColumn) => sql`((select wd from cal))[${wibDay(instant)} - ${p.from}::date + 1]`;
  return sql`greatest(0, ${at(to)} - ${at(from)})::float8`;
};

/** The first time an OPD answered its disposition publicly: a follow-up, or the resolution itself. */
const responseAt = sql`least(${dispositions.firstFollowUpAt}, case when ${dispositions.status} = 'done' then ${dispositions.doneAt} end)`;

/** Moves whenever any report changes (each change writes a timeline event); null before the first. */
export const changeMark = async (db: Db): Promise<string> =>
  String((await rows<{ mark: string | null }>(db, sql`select pg_sequence_last_value(pg_get_serial_sequence('report_events', 'id')) as mark`))[0]?.mark ?? 0);

/**
 * The period's reports, read once per summary (one index range scan) and shared by every figure:
 * each figure's FROM names it `period as reports`, so the column references stay those of the
 * reports table. Only the columns the figures use are copied.
 */
const periodCte = (p: Period) => sql`period as materialized (
  select ${reports.id}, ${reports.status}, ${reports.categoryId}, ${reports.kelurahanCode}, ${reports.createdAt}, ${reports.verifiedAt},
    ${reports.resolvedAt}, ${reports.verifyDueAt}, ${reports.followUpDueAt}, ${reports.firstFollowUpAt}, ${reports.resolveDueAt}
  from ${reports} where ${inPeriod(p)})`;
const period = sql`period as ${reports}`;

export interface StatusCount {
  status: string;
  count: number;
}
const statusCounts = sql`select ${reports.status} as status, count(*)::int as count from ${period} group by 1`;

export interface CategoryCount {
  code: string;
  nameId: string;
  nameEn: string;
  count: number;
}
/** Per khidmat (top-level category): six bars a meeting can read, sub-categories are in the export. */
const categoryCounts = sql`select g.code, g.name_id as "nameId", g.name_en as "nameEn", sum(n.count)::int as count
  from (select ${reports.categoryId} as id, count(*) as count from ${period} group by 1) n
  join ${categories} c on c.id = n.id
  join ${categories} g on g.id = coalesce(c.parent_id, c.id)
  group by g.id, g.code, g.name_id, g.name_en, g.sort_order
  order by count desc, g.sort_order`;

export interface KelurahanCount {
  code: string;
  name: string;
  kecamatan: string;
  count: number;
}
/** Every kelurahan, also those without reports: a quiet kelurahan is news too. */
const kelurahanCounts = sql`select k.code, k.name, kc.name as kecamatan, coalesce(n.count, 0)::int as count
  from ${kelurahan} k
  join ${kecamatan} kc on kc.code = k.kecamatan_code
  left join (select ${reports.kelurahanCode} as code, count(*) as count from ${period} group by 1) n on n.code = k.code
  order by count desc, k.name`;

export interface Totals {
  received: number;
  open: number;
  resolved: number;
  overdue: number;
  verifyMet: number;
  verifyMissed: number;
  resolveMet: number;
  resolveMissed: number;
  verifyMedian: number | null;
  resolveMedian: number | null;
}
/** Report-level figures: triage's verification and the citizen's wait until resolution. */
const totals = (p: Period) => sql`select count(*)::int as received,
    count(*) filter (where ${reports.status} in (${list(OPEN_STATUSES)}))::int as open,
    count(*) filter (where ${reports.resolvedAt} is not null)::int as resolved,
    count(*) filter (where ${overdueExpr(p.now)})::int as overdue,
    count(*) filter (where ${reports.verifiedAt} <= ${reports.verifyDueAt})::int as "verifyMet",
    count(*) filter (where ${reports.verifiedAt} > ${reports.verifyDueAt}
      or (${reports.verifiedAt} is null and ${reports.status} in ('submitted', 'postponed') and ${reports.verifyDueAt} < ${p.now}))::int as "verifyMissed",
    count(*) filter (where ${reports.resolvedAt} <= ${reports.resolveDueAt})::int as "resolveMet",
    count(*) filter (where ${reports.resolvedAt} > ${reports.resolveDueAt}
      or (${reports.resolvedAt} is null and ${reports.status} in ('dispositioned', 'in_progress') and ${reports.resolveDueAt} < ${p.now}))::int as "resolveMissed",
    percentile_cont(0.5) within group (order by ${wd(p, reports.createdAt, reports.verifiedAt)}) filter (where ${reports.verifiedAt} is not null) as "verifyMedian",
    percentile_cont(0.5) within group (order by ${wd(p, reports.createdAt, reports.resolvedAt)}) filter (where ${reports.resolvedAt} is not null) as "resolveMedian"
  from ${period}`;

export interface OpdFigures {
  /** null in the all-OPD total row. */
  code: string | null;
  name: string | null;
  shortName: string | null;
  reports: number;
  dispositions: number;
  followUpMet: number;
  followUpMissed: number;
  resolveMet: number;
  resolveMissed: number;
  verifyMedian: number | null;
  followUpMedian: number | null;
  resolveMedian: number | null;
}
/**
 * Per OPD, over the dispositions of reports received in the period (lead and co-handling alike),
 * plus one total row for all OPDs together (grouping set ()). The follow-up SLA is met when the OPD
 * answered (follow-up or resolution) by the disposition's deadline; missed when it answered later,
 * or has not answered and the deadline passed (also when it handed the report on after the
 * deadline). Still within time, or handed on in time: not yet decided, not counted.
 */
const opdFigures = (p: Period) => sql`select o.code, o.name, o.short_name as "shortName", figures.*
  from (
    select ${dispositions.opdId} as opd_id,
      count(distinct ${dispositions.reportId})::int as reports,
      count(*)::int as dispositions,
      count(*) filter (where ${responseAt} <= ${dispositions.followUpDueAt})::int as "followUpMet",
      count(*) filter (where ${responseAt} > ${dispositions.followUpDueAt}
        or (${responseAt} is null and ${dispositions.status} = 'active' and ${dispositions.followUpDueAt} < ${p.now})
        or (${responseAt} is null and ${dispositions.status} in ('returned', 'forwarded') and ${dispositions.doneAt} > ${dispositions.followUpDueAt}))::int as "followUpMissed",
      count(*) filter (where ${dispositions.status} = 'done' and ${dispositions.doneAt} <= ${reports.resolveDueAt})::int as "resolveMet",
      count(*) filter (where (${dispositions.status} = 'done' and ${dispositions.doneAt} > ${reports.resolveDueAt})
        or (${dispositions.status} = 'active' and ${reports.resolveDueAt} < ${p.now}))::int as "resolveMissed",
      percentile_cont(0.5) within group (order by ${wd(p, reports.createdAt, reports.verifiedAt)}) filter (where ${reports.verifiedAt} is not null) as "verifyMedian",
      percentile_cont(0.5) within group (order by ${wd(p, dispositions.createdAt, responseAt)}) filter (where ${responseAt} is not null) as "followUpMedian",
      percentile_cont(0.5) within group (order by ${wd(p, reports.createdAt, dispositions.doneAt)}) filter (where ${dispositions.status} = 'done') as "resolveMedian"
    from ${dispositions}
    join ${period} on ${reports.id} = ${dispositions.reportId}
    -- Report ids grow with arrival, so the period's reports lie between its smallest and largest id:
    -- their dispositions are one range of dispositions_report_idx, not a probe per report.
    where ${dispositions.reportId} between (select min(id) from period) and (select max(id) from period)
    group by grouping sets ((${dispositions.opdId}), ())) figures
  -- Names joined to the dozen result rows, not carried through the sort of every disposition.
  left join ${opds} o on o.id = figures.opd_id`;

export interface WeekCount {
  week: string;
  received: number;
  resolved: number;
}
/** Instant of 00:00 WIB on a date. */
const wibMidnight = (date: SQL) => sql`((${date})::timestamp - interval '7 hours') at time zone 'UTC'`;
/**
 * Received (by arrival) and resolved (by resolution time, whenever the report arrived) per WIB week
 * from Monday, each week a count over its range of an index (created_at, resolved_at).
 */
const weeklyTrend = (p: Period) => sql`select to_char(week, 'YYYY-MM-DD') as week,
    (select count(*) from ${reports} where ${reports.createdAt} >= starts and ${reports.createdAt} < ends)::int as received,
    (select count(*) from ${reports} where ${reports.resolvedAt} >= starts and ${reports.resolvedAt} < ends)::int as resolved
  -- An integer series, not a series of dates: the planner knows its length (a date series it guesses
  -- at 1000 rows, and the inflated cost switched on JIT compilation: +10 ms).
  from (select ${p.weeks.first}::date + 7 * i as week from generate_series(0, ${p.weeks.count} - 1) as i) weeks,
    lateral (select greatest(${wibMidnight(sql`week`)}, ${p.start}) as starts, least(${wibMidnight(sql`week + 7`)}, ${p.end}) as ends) bounds
  order by week`;

export interface SummaryFigures {
  statuses: StatusCount[];
  categories: CategoryCount[];
  kelurahan: KelurahanCount[];
  totals: Totals;
  opds: OpdFigures[];
  trend: WeekCount[];
}
const asArray = (query: SQL) => sql`(select coalesce(json_agg(x), '[]') from (${query}) x)`;
/**
 * Every figure of the summary in one statement over the period's reports read once (a cold
 * summary was six statements, each reading the period again). Each figure comes back as JSON.
 */
export async function summaryFigures(db: Db, p: Period): Promise<SummaryFigures> {
  const [row] = await rows<SummaryFigures>(
    db,
    sql`with ${calendarCte(p)}, ${periodCte(p)}
      select ${asArray(statusCounts)} as statuses, ${asArray(categoryCounts)} as categories, ${asArray(kelurahanCounts)} as kelurahan,
        (select row_to_json(x) from (${totals(p)}) x) as totals, ${asArray(opdFigures(p))} as opds, ${asArray(weeklyTrend(p))} as trend`,
  );
  return row!;
}

const openOnMap = (p: Period) => sql`${inPeriod(p)} and ${reports.status} in (${list(OPEN_STATUSES)})`;

export const openCounts = async (db: Db, p: Period) =>
  (
    await rows<{ shown: number; confidential: number }>(
      db,
      sql`select count(*) filter (where not ${reports.confidential})::int as shown, count(*) filter (where ${reports.confidential})::int as confidential
        from ${reports} where ${openOnMap(p)}`,
    )
  )[0]!;

export interface MapPoint {
  trackingNumber: string;
  lat: number;
  lng: number;
  status: string;
  categoryNameId: string;
  categoryNameEn: string;
  overdue: boolean;
}
/** Open, non-confidential reports as points: only report-level public fields, never the reporter. */
export const openPoints = (db: Db, p: Period, limit: number) =>
  rows<MapPoint>(
    db,
    sql`select ${reports.trackingNumber} as "trackingNumber", ${reports.lat} as lat, ${reports.lng} as lng, ${reports.status} as status,
        c.name_id as "categoryNameId", c.name_en as "categoryNameEn", ${overdueExpr(p.now)} as overdue
      from ${reports} join ${categories} c on c.id = ${reports.categoryId}
      where ${openOnMap(p)} and not ${reports.confidential}
      order by ${reports.createdAt} desc limit ${limit}`,
  );

export interface MapCluster {
  lat: number;
  lng: number;
  count: number;
}
/** Too many points for a browser: grid cells of `cell` degrees, placed at their reports' mean position. */
export const openClusters = (db: Db, p: Period, cell: number, limit: number) =>
  rows<MapCluster>(
    db,
    sql`select avg(${reports.lat})::float8 as lat, avg(${reports.lng})::float8 as lng, count(*)::int as count
      from ${reports} where ${openOnMap(p)} and not ${reports.confidential}
      group by floor(${reports.lat} / ${cell}), floor(${reports.lng} / ${cell})
      order by count desc limit ${limit}`,
  );

export const openByKelurahan = (db: Db, p: Period) =>
  rows<KelurahanCount>(
    db,
    sql`select k.code, k.name, kc.name as kecamatan, count(*)::int as count
      from ${reports} join ${kelurahan} k on k.code = ${reports.kelurahanCode} join ${kecamatan} kc on kc.code = k.kecamatan_code
      where ${openOnMap(p)} and not ${reports.confidential}
      group by k.code, k.name, kc.name order by count desc, k.name`,
  );

export interface ExportRow {
  id: number;
  trackingNumber: string;
  class: string;
  categoryGroupId: string;
  categoryGroupEn: string;
  categoryId: string;
  categoryEn: string;
  kecamatan: string;
  kelurahan: string;
  opds: string | null;
  status: string;
  confidential: boolean;
  /** Null for a confidential report: its text never leaves the desk. */
  title: string | null;
  createdAt: Date | string;
  verifiedAt: Date | string | null;
  dispositionedAt: Date | string | null;
  firstFollowUpAt: Date | string | null;
  resolvedAt: Date | string | null;
  closedAt: Date | string | null;
  verifyMet: boolean | null;
  followUpMet: boolean | null;
  resolveMet: boolean | null;
  verifyDays: number | null;
  followUpDays: number | null;
  resolveDays: number | null;
}

export const countInPeriod = async (db: Db, p: Period) =>
  (await rows<{ n: number }>(db, sql`select count(*)::int as n from ${reports} where ${inPeriod(p)}`))[0]!.n;

/**
 * The export table in arrival order. The SLA flags are null while undecided; the OPDs are those answering for the report (active or
 * done dispositions).
 */
export const exportRows = (db: Db, p: Period, limit: number) =>
  rows<ExportRow>(
    db,
    sql`with ${calendarCte(p)}
      select ${reports.id} as id, ${reports.trackingNumber} as "trackingNumber", ${reports.class} as class,
        g.name_id as "categoryGroupId", g.name_en as "categoryGroupEn", c.name_id as "categoryId", c.name_en as "categoryEn",
        kc.name as kecamatan, k.name as kelurahan,
        (select string_agg(o.short_name, ', ' order by d.id) from ${dispositions} d join ${opds} o on o.id = d.opd_id
          where d.report_id = ${reports.id} and d.status in ('active', 'done')) as opds,
        ${reports.status} as status, ${reports.confidential} as confidential,
        case when ${reports.confidential} then null else ${reports.title} end as title,
        ${reports.createdAt} as "createdAt", ${reports.verifiedAt} as "verifiedAt", ${reports.dispositionedAt} as "dispositionedAt",
        ${reports.firstFollowUpAt} as "firstFollowUpAt", ${reports.resolvedAt} as "resolvedAt", ${reports.closedAt} as "closedAt",
        case when ${reports.verifiedAt} is not null then ${reports.verifiedAt} <= ${reports.verifyDueAt}
          when ${reports.status} in ('submitted', 'postponed') and ${reports.verifyDueAt} < ${p.now} then false end as "verifyMet",
        case when ${reports.firstFollowUpAt} is not null then ${reports.firstFollowUpAt} <= ${reports.followUpDueAt}
          when ${reports.status} in ('dispositioned', 'in_progress') and ${reports.followUpDueAt} < ${p.now} then false end as "followUpMet",
        case when ${reports.resolvedAt} is not null and ${reports.resolveDueAt} is not null then ${reports.resolvedAt} <= ${reports.resolveDueAt}
          when ${reports.status} in ('dispositioned', 'in_progress') and ${reports.resolveDueAt} < ${p.now} then false end as "resolveMet",
        ${wd(p, reports.createdAt, reports.verifiedAt)} as "verifyDays",
        ${wd(p, reports.dispositionedAt, reports.firstFollowUpAt)} as "followUpDays",
        ${wd(p, reports.createdAt, reports.resolvedAt)} as "resolveDays"
      from ${reports}
      join ${categories} c on c.id = ${reports.categoryId}
      join ${categories} g on g.id = coalesce(c.parent_id, c.id)
      join ${kelurahan} k on k.code = ${reports.kelurahanCode}
      join ${kecamatan} kc on kc.code = k.kecamatan_code
      where ${inPeriod(p)}
      order by ${reports.createdAt}, ${reports.id}
      limit ${limit}`,
  );
