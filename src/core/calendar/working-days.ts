/**
 * The Indonesian working-day calendar (hari kerja): Monday–Friday in WIB that is neither a national
 * holiday nor cuti bersama. Service-level deadlines (e.g. PPID: answer within 10 working days) are
 * counted in these days, so every date here is a WIB calendar date, never the server's or UTC's.
 */

/** WIB is UTC+7 all year (Indonesia has no daylight saving time). */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in WIB (YYYY-MM-DD) at the given instant. */
export function wibDate(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

const WIB_LONG_DATE = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' });
/** The WIB date as an Indonesian letter writes it ("7 Desember 2026"), for notices people read. */
export function wibLongDate(instant: Date): string {
  return WIB_LONG_DATE.format(instant);
}

/** Midnight UTC of a YYYY-MM-DD date: a convenient handle for weekday and day arithmetic. */
function utcMidnight(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over into March: only a string that round-trips names a real date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  }
  return ms;
}

/** The date `n` days after (before, if negative) a YYYY-MM-DD date. */
export function addDays(date: string, n: number): string {
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

const nextDate = (date: string) => addDays(date, 1);

/** The instant a WIB date begins (00:00 WIB). */
export const wibStart = (date: string): Date => new Date(utcMidnight(date) - WIB_OFFSET_MS);

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The last millisecond of a WIB date, as an instant. */
function endOfWibDay(date: string): Date {
  return new Date(utcMidnight(date) + DAY_MS - 1 - WIB_OFFSET_MS);
}

/**
 * The deadline n working days after `from`: the day of submission does not count (it is usually
 * partly over), so counting starts on the next working day, and the deadline is the end of the
 * n-th. With n = 0 the deadline is the end of the first working day on or after `from`'s date.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  let date = wibDate(from);
  if (days === 0) {
    while (!isWorkingDay(date, holidays)) date = nextDate(date);
    return endOfWibDay(date);
  }
  for (let counted = 0; counted < days; ) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) counted++;
  }
  return endOfWibDay(date);
}

/**
 * Whole working days elapsed from `from` to `to`, counted like addWorkingDays: the working days
 * after from's WIB date up to and including to's. So a report closed before its deadline from
 * addWorkingDays(from, n) took at most n working days.
 */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>): number {
  if (to.getTime() <= from.getTime()) return 0;
  const last = wibDate(to);
  let count = 0;
  // YYYY-MM-DD strings order the same way as the dates they name.
  for (let date = nextDate(wibDate(from)); date <= last; date = nextDate(date)) {
    if (isWorkingDay(date, holidays)) count++;
  }
  return count;
}
