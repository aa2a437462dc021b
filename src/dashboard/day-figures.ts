/**
 * The dashboard's figures of one WIB day of arrivals, in a form that adds up: counts, and
 * histograms of working days instead of medians (a median of medians is not a median, but summed
 * histograms give the exact one). A period's summary is the sum of its days plus what only the
 * clock changes (overdue, missed deadlines of reports still open), which is counted live.
 */

/** How many durations took each number of working days ("3" → 12). */
export type Histogram = Record<string, number>;

/** Deadlines (ms since 1970) of what still waits: whether each has passed depends on the clock alone. */
export type Deadlines = number[];

export interface OpdDay {
  /** Distinct reports the OPD was dispositioned. */
  reports: number;
  dispositions: number;
  followUpMet: number;
  /** Answered after the deadline, or handed on after it: decided whatever the clock says later. */
  followUpLate: number;
  resolveMet: number;
  resolveLate: number;
  verifyDays: Histogram;
  followUpDays: Histogram;
  resolveDays: Histogram;
  /** Active dispositions: not yet answered (by the follow-up deadline), not yet resolved (by the report's). */
  waiting: { followUpDue: Deadlines; resolveDue: Deadlines };
}

export interface DayFigures {
  statuses: Record<string, number>;
  /** By category id (sub-categories; grouped under their khidmat when read). */
  categories: Record<string, number>;
  kelurahan: Record<string, number>;
  received: number;
  open: number;
  resolved: number;
  verifyMet: number;
  verifyLate: number;
  resolveMet: number;
  resolveLate: number;
  verifyDays: Histogram;
  resolveDays: Histogram;
  /** Distinct reports with any disposition (an OPD's reports summed would count shared ones twice). */
  dispositionedReports: number;
  opds: Record<string, OpdDay>;
  waiting: {
    /** Reports still waiting on the city, each from the moment it is overdue (as overdueExpr). */
    overdueFrom: Deadlines;
    /** Not yet verified; dispositioned or in progress but not yet resolved. */
    verifyDue: Deadlines;
    resolveDue: Deadlines;
  };
}

export const emptyDay = (): DayFigures => ({
  statuses: {},
  categories: {},
  kelurahan: {},
  received: 0,
  open: 0,
  resolved: 0,
  verifyMet: 0,
  verifyLate: 0,
  resolveMet: 0,
  resolveLate: 0,
  verifyDays: {},
  resolveDays: {},
  dispositionedReports: 0,
  opds: {},
  waiting: { overdueFrom: [], verifyDue: [], resolveDue: [] },
});

const emptyOpd = (): OpdDay => ({
  reports: 0,
  dispositions: 0,
  followUpMet: 0,
  followUpLate: 0,
  resolveMet: 0,
  resolveLate: 0,
  verifyDays: {},
  followUpDays: {},
  resolveDays: {},
  waiting: { followUpDue: [], resolveDue: [] },
});

/**
 * Adds `from` into `into`: numbers are summed, lists (deadlines) joined, objects (counts by key,
 * histograms, OPDs) added key by key, a key only `from` has starting from nothing. Every figure of
 * a day adds up this way.
 */
function addInto<T extends object>(into: T, from: T) {
  const target = into as Record<string, unknown>;
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') target[key] = ((target[key] as number | undefined) ?? 0) + value;
    // One by one: spreading a long list into push() would overflow the call's arguments.
    else if (Array.isArray(value)) {
      const list = (target[key] ??= []) as unknown[];
      for (const item of value) list.push(item);
    } else addInto((target[key] ??= {}) as object, value as object);
  }
}

/** The figures of several days as one (a new object; the days are left as they are). */
export function sumDays(days: Iterable<DayFigures>): DayFigures {
  const sum = emptyDay();
  for (const day of days) addInto(sum, day);
  return sum;
}

/** All OPDs together, as the total row shows them: every disposition, each report once. */
export function allOpds(day: DayFigures): OpdDay {
  const all = emptyOpd();
  for (const figures of Object.values(day.opds)) addInto(all, figures);
  all.reports = day.dispositionedReports;
  return all;
}

/**
 * The median of the durations a histogram counts, as PostgreSQL's percentile_cont(0.5): the middle
 * value, or the mean of the two middle ones; null when there are none.
 */
export function median(histogram: Histogram): number | null {
  const values = Object.entries(histogram)
    .map(([value, n]) => [Number(value), n] as const)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  // 0-based positions of the middle value(s): equal when the count is odd.
  const at = (position: number) => {
    let upTo = 0;
    for (const [value, n] of values) if ((upTo += n) > position) return value;
    throw new Error('unreachable: position beyond the histogram');
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
}

/** How many of the deadlines have passed at `now`. */
export const passed = (deadlines: Deadlines, now: Date) => deadlines.filter((due) => due < now.getTime()).length;
