/**
 * All SQL of the executive dashboard. It is a read model over the aduan tables. The summary is
 * built from figures per day of arrival (dayFigures: counts and histograms of working days, which
 * add up, and the deadlines of what still waits; see rollups.ts) and a weekly trend. Queries read
 * reports by `created_at` (reports_created_idx) and look working days up in a small calendar array
 * instead of calling out per row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../core/db/client.js';
import { queryRows as rows } from '../core/db/json-rows.js';
import { holidays, kecamatan, kelurahan, opds } from '../core/reference/schema.js';
import { categories, dispositions, overdueExpr, overdueFrom, reportEvents, reports } from '../aduan/read-model.js';
import { REPORT_STATUSES, TERMINAL_STATUSES } from '../aduan/index.js';
import { dashboardDayFigures as kept } from './schema.js';

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

/** Reports that may still become overdue or miss a deadline with time alone. */
const CLOCK_STATUSES = ['submitted', 'postponed', 'dispositioned', 'in_progress'] as const;

/** Where working days are counted from, and up to which day: a period, or a run of days. */
type Calendar = Pick<Period, 'from' | 'calendarEnd'>;
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The WIB calendar date of an instant (WIB is UTC+7 all year). */
const wibDay = (instant: SQL | AnyPgColumn) => sql`((${instant} at time zone 'UTC') + interval '7 hours')::date`;

/** An instant as milliseconds since 1970, as JavaScript counts them. */
const epochMs = (instant: SQL | AnyPgColumn) => sql`(extract(epoch from ${instant}) * 1000)::float8`;

/**
 * `cal.wd`: an array whose element i counts the working days (Mon–Fri, not a holiday or cuti
 * bersama) from the period's first day up to and including day i. Working days from a to b =
 * wd(b's WIB date) − wd(a's WIB date), never below zero — exactly core/calendar's
 * workingDaysBetween (the day a report arrives does not count). An array lookup per row instead of
 * joins keeps the planner's row estimates honest on large periods; materialized, so it is built once
 * whatever join order the planner picks.
 */
const calendarCte = (c: Calendar) => sql`cal as materialized (
  select array_agg(idx order by day) as wd from (
    select d::date as day, sum(case when extract(isodow from d) < 6 and h.date is null then 1 else 0 end) over (order by d) as idx
    from generate_series(${c.from}::date, ${c.calendarEnd}::date, interval '1 day') as d
    left join ${holidays} h on h.date = d::date) days)`;

const inPeriod = (p: Period) => sql`${reports.createdAt} >= ${p.start} and ${reports.createdAt} < ${p.end}`;

/** Working days from one instant to a later one, as a number; callers guard a missing instant (greatest() would make it 0). */
const wd = (c: Calendar, from: SQL | AnyPgColumn, to: SQL | AnyPgColumn) => {
  // Read as a scalar subquery (one init plan), not a joined column: rows then carry no copy of the
  // array into sorts (a per-row copy made the OPD figures' sort spill megabytes to disk).
  const at = (instant: SQL | AnyPgColumn) => sql`((select wd from cal))[${wibDay(instant)} - ${c.from}::date + 1]`;
  return sql`greatest(0, ${at(to)} - ${at(from)})::float8`;
};

/** The first time an OPD answered its disposition publicly: a follow-up, or the resolution itself. */
const responseAt = sql`least(${dispositions.firstFollowUpAt}, case when ${dispositions.status} = 'done' then ${dispositions.doneAt} end)`;

/** Moves whenever any report changes (each change writes a timeline event); null before the first. */
export const changeMark = async (db: Db): Promise<string> =>
  String((await rows<{ mark: string | null }>(db, sql`select pg_sequence_last_value(pg_get_serial_sequence('report_events', 'id')) as mark`))[0]?.mark ?? 0);

/** A run of consecutive WIB days of arrival, as instants: [first 00:00 WIB, the day after last 00:00 WIB). */
export interface DayRun {
  first: string;
  last: string;
  start: Date;
  end: Date;
}

/**
 * The runs' reports, read once (an index range scan per run) and shared by every figure: each
 * figure's FROM names it `runs_reports as reports`, so the column references stay those of the
 * reports table. Only the columns the figures use are copied, and the WIB day of arrival.
 */
const runsReportsCte = (runs: DayRun[]) => sql`runs_reports as materialized (
  select ${reports.id}, ${reports.status}, ${reports.categoryId}, ${reports.kelurahanCode}, ${reports.createdAt}, ${reports.verifiedAt},
    ${reports.resolvedAt}, ${reports.verifyDueAt}, ${reports.followUpDueAt}, ${reports.firstFollowUpAt}, ${reports.resolveDueAt},
    ${wibDay(reports.createdAt)} as day
  from ${reports}
  where ${sql.join(
    runs.map((r) => sql`(${reports.createdAt} >= ${r.start} and ${reports.createdAt} < ${r.end})`),
    sql` or `,
  )})`;
const runsReports = sql`runs_reports as ${reports}`;

/**
 * The dispositions of the runs' reports (lead and co-handling alike) with what the clock no longer
 * changes: the follow-up SLA is met when the OPD answered (follow-up or resolution) by the
 * disposition's deadline, late when it answered later or handed the report on after the deadline;
 * resolution met or late by the report's deadline. The three durations, null while not reached.
 * And for an active disposition, the deadlines it may still miss with time alone.
 */
const runsDispositionsCte = (c: Calendar) => sql`runs_dispositions as materialized (
  select reports.day, ${dispositions.opdId} as opd_id, ${dispositions.reportId} as report_id,
    ${responseAt} <= ${dispositions.followUpDueAt} as follow_up_met,
    ${responseAt} > ${dispositions.followUpDueAt}
      or (${responseAt} is null and ${dispositions.status} in ('returned', 'forwarded') and ${dispositions.doneAt} > ${dispositions.followUpDueAt}) as follow_up_late,
    ${dispositions.status} = 'done' and ${dispositions.doneAt} <= ${reports.resolveDueAt} as resolve_met,
    ${dispositions.status} = 'done' and ${dispositions.doneAt} > ${reports.resolveDueAt} as resolve_late,
    case when ${reports.verifiedAt} is not null then ${wd(c, reports.createdAt, reports.verifiedAt)} end as verify_days,
    case when ${responseAt} is not null then ${wd(c, dispositions.createdAt, responseAt)} end as follow_up_days,
    case when ${dispositions.status} = 'done' then ${wd(c, reports.createdAt, dispositions.doneAt)} end as resolve_days,
    case when ${dispositions.status} = 'active' and ${dispositions.firstFollowUpAt} is null then ${epochMs(dispositions.followUpDueAt)} end as follow_up_due,
    case when ${dispositions.status} = 'active' then ${epochMs(reports.resolveDueAt)} end as resolve_due
  from ${dispositions}
  join ${runsReports} on ${reports.id} = ${dispositions.reportId}
  -- Report ids grow with arrival, so the runs' reports lie between their smallest and largest id:
  -- their dispositions are one range of dispositions_report_idx, not a probe per report.
  where ${dispositions.reportId} between (select min(id) from runs_reports) and (select max(id) from runs_reports))`;

/** Per day, a JSON object counting the rows of `from` by `key`. */
const countsBy = (from: SQL, key: SQL) => sql`select day, jsonb_object_agg(k, n) as counts
  from (select day, ${key} as k, count(*) as n from ${from} group by 1, 2) x group by day`;

/**
 * Per day and group `g`, the durations as one JSON object: per measure a histogram, working days as
 * keys and how many took that long as values ({"verify": {"0": 3, "1": 5}}).
 */
const durations = (from: SQL, measures: [string, string][]) => sql`select day, g, jsonb_object_agg(measure, histogram) as durations
  from (select day, g, measure, jsonb_object_agg(v, n) as histogram
    from (${sql.join(
      measures.map(([measure, column]) => sql`select day, g, ${measure}::text as measure, ${sql.raw(column)} as v, count(*) as n
        from ${from} where ${sql.raw(column)} is not null group by day, g, ${sql.raw(column)}`),
      sql` union all `,
    )}) x group by day, g, measure) y
  group by day, g`;
const histogram = (measure: string) => sql`coalesce(durations.durations -> ${measure}, '{}')`;

/**
 * A fingerprint of the holiday calendar: durations in working days depend on it. Read in the same
 * statement as what is counted with it, so the two agree.
 */
const calendarFingerprint = sql`coalesce((select md5(string_agg(date::text, ',' order by date)) from ${holidays}), '')`;
/** The newest visible timeline event: every change to a report writes one, on any instance. */
const newestEvent = sql`coalesce((select max(id) from ${reportEvents}), 0)::float8`;

/** At most this many pending events are noted with a count (more: the lookback bounds them instead). */
const MAX_PENDING = 1000;
/**
 * The event ids in (through − lookback, through] not visible now: being written by transactions
 * still open, or never to be seen (rolled back). Null when there are more than MAX_PENDING. A
 * statement of its own, with `through` as a parameter: inside a larger one its guessed cost
 * tipped the plan into JIT compilation (+0.3 s).
 */
export const pendingEvents = async (db: Db, through: number, lookback: number) =>
  (
    await rows<{ ids: number[] | null }>(
      db,
      sql`select case when count(*) > ${MAX_PENDING} then null else coalesce(array_agg(g::float8 order by g), '{}') end as ids
        from generate_series(greatest(1, ${through}::bigint - ${lookback} + 1), ${through}::bigint) g
        where not exists (select 1 from ${reportEvents} where ${reportEvents.id} = g)`,
    )
  )[0]!.ids;

/** What a count of day figures saw: every event up to `through` except the pending ones. */
export interface Seen {
  through: number;
  pending: number[] | null;
}

/** Days' figures as counted: each day's DayFigures as JSON text (its length is what keeping it costs). */
export interface Counted {
  /** The holiday calendar's fingerprint, read with the figures. */
  calendar: string;
  days: { day: string; figures: string }[];
}

/**
 * Every day of the runs as DayFigures (see day-figures.ts): what the clock no longer changes about
 * the reports that arrived that day, in one statement over the runs' reports read once. A day
 * without reports comes back too, with zero counts.
 */
export async function dayFigures(db: Db, runs: DayRun[], calendarEnd: string): Promise<Counted> {
  const c: Calendar = { from: runs[0]!.first, calendarEnd };
  const answer = await rows<{ day: string; figures: string; calendar: string }>(
    db,
    sql`with ${calendarCte(c)}, ${runsReportsCte(runs)}, ${runsDispositionsCte(c)},
      days as (${sql.join(
        runs.map((r) => sql`select d::date as day from generate_series(${r.first}::date, ${r.last}::date, interval '1 day') d`),
        sql` union all `,
      )}),
      totals as (select day, count(*)::int as received,
          count(*) filter (where ${reports.status} in (${list(OPEN_STATUSES)}))::int as open,
          count(*) filter (where ${reports.resolvedAt} is not null)::int as resolved,
          count(*) filter (where ${reports.verifiedAt} <= ${reports.verifyDueAt})::int as "verifyMet",
          count(*) filter (where ${reports.verifiedAt} > ${reports.verifyDueAt})::int as "verifyLate",
          count(*) filter (where ${reports.resolvedAt} <= ${reports.resolveDueAt})::int as "resolveMet",
          count(*) filter (where ${reports.resolvedAt} > ${reports.resolveDueAt})::int as "resolveLate"
        from ${runsReports} group by day),
      statuses as (${countsBy(runsReports, sql`${reports.status}`)}),
      categories as (${countsBy(runsReports, sql`${reports.categoryId}`)}),
      kelurahan as (${countsBy(runsReports, sql`${reports.kelurahanCode}`)}),
      report_durations as (${durations(
        sql`(select day, 0 as g, case when ${reports.verifiedAt} is not null then ${wd(c, reports.createdAt, reports.verifiedAt)} end as verify_days,
          case when ${reports.resolvedAt} is not null then ${wd(c, reports.createdAt, reports.resolvedAt)} end as resolve_days from ${runsReports}) r`,
        [['verify', 'verify_days'], ['resolve', 'resolve_days']],
      )}),
      opd_durations as (${durations(sql`(select *, opd_id as g from runs_dispositions) d`, [
        ['verify', 'verify_days'],
        ['followUp', 'follow_up_days'],
        ['resolve', 'resolve_days'],
      ])}),
      opd_counts as (select day, opd_id as g, count(distinct report_id)::int as reports, count(*)::int as dispositions,
          count(*) filter (where follow_up_met)::int as "followUpMet", count(*) filter (where follow_up_late)::int as "followUpLate",
          count(*) filter (where resolve_met)::int as "resolveMet", count(*) filter (where resolve_late)::int as "resolveLate",
          jsonb_build_object('followUpDue', coalesce(jsonb_agg(follow_up_due) filter (where follow_up_due is not null), '[]'),
            'resolveDue', coalesce(jsonb_agg(resolve_due) filter (where resolve_due is not null), '[]')) as waiting
        from runs_dispositions group by day, opd_id),
      opd_days as (select day, jsonb_object_agg(x.g, to_jsonb(x) - 'day' - 'g' || jsonb_build_object('verifyDays', ${histogram('verify')},
          'followUpDays', ${histogram('followUp')}, 'resolveDays', ${histogram('resolve')})) as opds
        from opd_counts x left join opd_durations durations using (day, g) group by day),
      dispositioned as (select day, count(distinct report_id)::int as n from runs_dispositions group by day),
      waiting as (select day, jsonb_build_object(
          'overdueFrom', coalesce(jsonb_agg(overdue_from) filter (where overdue_from is not null), '[]'),
          'verifyDue', coalesce(jsonb_agg(${epochMs(reports.verifyDueAt)}) filter (where ${reports.verifiedAt} is null and ${reports.status} in ('submitted', 'postponed')), '[]'),
          'resolveDue', coalesce(jsonb_agg(${epochMs(reports.resolveDueAt)})
            filter (where ${reports.resolvedAt} is null and ${reports.status} in ('dispositioned', 'in_progress') and ${reports.resolveDueAt} is not null), '[]')) as waiting
        from ${runsReports}, lateral (select ${epochMs(overdueFrom)} as overdue_from) o
        where ${reports.status} in (${list(CLOCK_STATUSES)}) group by day)
    select to_char(days.day, 'YYYY-MM-DD') as day,
      (coalesce(to_jsonb(totals) - 'day', jsonb_build_object('received', 0, 'open', 0, 'resolved', 0, 'verifyMet', 0, 'verifyLate', 0, 'resolveMet', 0, 'resolveLate', 0))
      || jsonb_build_object(
        'statuses', coalesce(statuses.counts, '{}'), 'categories', coalesce(categories.counts, '{}'), 'kelurahan', coalesce(kelurahan.counts, '{}'),
        'verifyDays', ${histogram('verify')}, 'resolveDays', ${histogram('resolve')},
        'dispositionedReports', coalesce(dispositioned.n, 0), 'opds', coalesce(opd_days.opds, '{}'),
        'waiting', coalesce(waiting.waiting, '{"overdueFrom": [], "verifyDue": [], "resolveDue": []}')))::text as figures,
      ${calendarFingerprint} as calendar
    from days
    left join totals using (day) left join statuses using (day) left join categories using (day) left join kelurahan using (day)
    left join report_durations durations using (day) left join opd_days using (day) left join dispositioned using (day)
    left join waiting using (day)`,
  );
  return { calendar: answer[0]?.calendar ?? '', days: answer.map(({ day, figures }) => ({ day, figures })) };
}

/**
 * Where the day figures stand: the newest visible timeline event (every change to a report writes
 * one, on any instance) and a fingerprint of the holiday calendar the durations were counted with.
 */
export const rollupMark = async (db: Db) =>
  (
    await rows<{ through: number; calendar: string }>(
      db,
      sql`select ${newestEvent} as through, ${calendarFingerprint} as calendar`,
    )
  )[0]!;

/** The first event a row's count may not have seen: the one after its through, or after through − lookback when no pending ones were noted. */
const unseenFrom = (lookback: number) => sql`case when ${kept.pending} is null then ${kept.through} - ${lookback} else ${kept.through} end`;

/** Where the check of the kept rows of these days must start reading events (null: none kept). */
export const oldestKept = async (db: Db, days: string[], lookback: number) =>
  (await rows<{ since: number | null }>(db, sql`select min(${unseenFrom(lookback)})::float8 as since from ${kept} where ${kept.day} = any(${`{${days.join(',')}}`}::date[])`))[0]!
    .since;

/**
 * The kept days among `days` that are still right now, as JSON text: counted in this `form` with
 * today's holiday calendar, at most as late as the newest visible event (the data was not replaced
 * by one with fewer events), and no report of the day touched by an event the count did not see —
 * one newer than its `through`, or one of its pending ones (without those noted: one newer than
 * `through` − lookback). One statement, so one snapshot; the events are read in one pass from
 * `since` (oldestKept − lookback, a parameter: read inside the statement, the planner guessed
 * millions of events and compiled the plan, +0.5 s). A row whose through lags by more than the
 * lookback is moved up to `seen` (read before this statement), so that pass stays short for days
 * nobody changes: every event `seen` counts as seen was visible to this check, which found none
 * touching the day that the row's count had not seen.
 */
export const keptDays = (db: Db, days: string[], form: string, lookback: number, since: number, seen?: Seen) =>
  rows<{ day: string; figures: string }>(
    db,
    sql`with mark as materialized (select ${newestEvent} as through, ${form} || ':' || ${calendarFingerprint} as calendar),
      -- A row kept since oldestKept with an older through (emptied and counted again) is left for counting.
      candidates as materialized (select ${kept.day} as day, ${kept.through} as through, ${kept.pending} as pending, ${kept.figures} as figures
        from ${kept}, mark where ${kept.day} = any(${`{${days.join(',')}}`}::date[]) and ${kept.calendar} = mark.calendar
          and ${kept.through} <= mark.through and ${unseenFrom(lookback)} >= ${since}),
      -- The events newer than \`since\` and the pending ones, each with its report's day (a report
      -- looked up per event: an index probe each).
      changed as materialized (select (select ${wibDay(reports.createdAt)} from ${reports} where ${reports.id} = e.report_id) as day, e.id
        from (select ${reportEvents.id}, ${reportEvents.reportId} from ${reportEvents} where ${reportEvents.id} > ${since}
          union all select ${reportEvents.id}, ${reportEvents.reportId} from ${reportEvents}
            where ${reportEvents.id} <= ${since} and ${reportEvents.id} in (select unnest(pending) from candidates)) e),
      good as (select c.* from candidates c where not exists (select 1 from changed x where x.day = c.day
        and (x.id > c.through or case when c.pending is null then x.id > c.through - ${lookback} else x.id = any(c.pending) end)))${
        seen
          ? sql`,
      -- Rows another statement holds are skipped, not waited for: never part of a deadlock.
      moved as (update ${kept} set through = ${seen.through}, pending = ${pgArray(seen.pending)}::bigint[]
        where ${kept.day} in (select k.day from ${kept} k join good on good.day = k.day and good.through = k.through
          where good.through < ${seen.through - lookback} for update of k skip locked))`
          : sql``
      }
    select to_char(day, 'YYYY-MM-DD') as day, figures::text as figures from good`,
  );

const pgArray = (list: number[] | null) => (list ? `{${list.join(',')}}` : null);

/**
 * Keeps counted days in the table: a day already kept is replaced unless its row was counted
 * through a newer event (two instances counting the same day keep the later count).
 */
export const keepDays = (db: Db, counted: Counted, seen: Seen, form: string) =>
  db.execute(
    sql`insert into ${kept} (day, calendar, through, pending, figures)
      select x.day, c.calendar, c.through, c.pending, x.figures from jsonb_to_recordset(${`[${[...counted.days]
        // In day order, so two instances keeping the same days lock their rows in the same order.
        .sort((a, b) => (a.day < b.day ? -1 : 1))
        .map((d) => `{"day":${JSON.stringify(d.day)},"figures":${d.figures}}`)
        .join(',')}]`}::jsonb) as x(day date, figures jsonb)
        cross join lateral (select ${`${form}:${counted.calendar}`}::text as calendar, ${seen.through}::bigint as through,
          ${pgArray(seen.pending)}::bigint[] as pending) c
      on conflict (day) do update set calendar = excluded.calendar, through = excluded.through, pending = excluded.pending, figures = excluded.figures, counted_at = now()
        where ${kept.through} <= excluded.through`,
  );

/** The WIB days of arrival of the reports changed by timeline events after `since`. */
export const daysChangedSince = async (db: Db, since: number) =>
  (
    await rows<{ day: string }>(
      db,
      sql`select distinct to_char(${wibDay(reports.createdAt)}, 'YYYY-MM-DD') as day
        from ${reportEvents} join ${reports} on ${reports.id} = ${reportEvents.reportId} where ${reportEvents.id} > ${since}`,
    )
  ).map((r) => r.day);

/** Kelurahan come ordered by name, in the database's collation. */
export interface Names {
  categories: { id: number; parentId: number | null; code: string; nameId: string; nameEn: string; sortOrder: number }[];
  kelurahan: { code: string; name: string; kecamatan: string }[];
  opds: { id: number; code: string; name: string; shortName: string }[];
}
/** The reference lists the figures are labelled with (a few dozen rows each). */
export async function names(db: Db): Promise<Names> {
  const [row] = await rows<Names>(
    db,
    sql`select
      (select coalesce(json_agg(x), '[]') from (select id, parent_id as "parentId", code, name_id as "nameId", name_en as "nameEn", sort_order as "sortOrder" from ${categories}) x) as categories,
      (select coalesce(json_agg(x order by x.name), '[]') from (select k.code, k.name, kc.name as kecamatan from ${kelurahan} k join ${kecamatan} kc on kc.code = k.kecamatan_code) x) as kelurahan,
      (select coalesce(json_agg(x), '[]') from (select id, code, name, short_name as "shortName" from ${opds}) x) as opds`,
  );
  return row!;
}

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
export const weeklyTrend = (db: Db, p: Period) =>
  rows<WeekCount>(
    db,
    sql`select to_char(week, 'YYYY-MM-DD') as week,
      (select count(*) from ${reports} where ${reports.createdAt} >= starts and ${reports.createdAt} < ends)::int as received,
      (select count(*) from ${reports} where ${reports.resolvedAt} >= starts and ${reports.resolvedAt} < ends)::int as resolved
    -- An integer series, not a series of dates: the planner knows its length (a date series it guesses
    -- at 1000 rows, and the inflated cost switched on JIT compilation: +10 ms).
    from (select ${p.weeks.first}::date + 7 * i as week from generate_series(0, ${p.weeks.count} - 1) as i) weeks,
      lateral (select greatest(${wibMidnight(sql`week`)}, ${p.start}) as starts, least(${wibMidnight(sql`week + 7`)}, ${p.end}) as ends) bounds
    order by week`,
  );

export interface KelurahanCount {
  code: string;
  name: string;
  kecamatan: string;
  count: number;
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
  /** Where the next page starts: arrival at full precision (a Date keeps milliseconds only). */
  key: string;
}

/** The last row of a page of the export: the next page starts after it. */
export interface ExportKey {
  key: string;
  id: number;
}

export const countInPeriod = async (db: Db, p: Period) =>
  (await rows<{ n: number }>(db, sql`select count(*)::int as n from ${reports} where ${inPeriod(p)}`))[0]!.n;

/**
 * The export table in arrival order, a page at a time (after the row `after`). The SLA flags are null while undecided; the OPDs are
 * those answering for the report (active or done dispositions).
 */
export const exportRows = (db: Db, p: Period, limit: number, after?: ExportKey) =>
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
        ${wd(p, reports.createdAt, reports.resolvedAt)} as "resolveDays",
        ${reports.createdAt}::text as key
      from ${reports}
      join ${categories} c on c.id = ${reports.categoryId}
      join ${categories} g on g.id = coalesce(c.parent_id, c.id)
      join ${kelurahan} k on k.code = ${reports.kelurahanCode}
      join ${kecamatan} kc on kc.code = k.kecamatan_code
      where ${inPeriod(p)}${after ? sql` and (${reports.createdAt}, ${reports.id}) > (${after.key}::timestamptz, ${after.id})` : sql``}
      order by ${reports.createdAt}, ${reports.id}
      limit ${limit}`,
  );
