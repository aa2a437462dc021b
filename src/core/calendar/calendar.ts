import type { Db } from '../db/client.js';
import { holidays } from '../reference/schema.js';
import { addWorkingDays, wibDate, workingDaysBetween } from './working-days.js';

/**
 * The working-day calendar backed by the holidays table, cached briefly (edits are rare). Methods
 * take the caller's executor: on PGlite a query outside an open transaction would wait on it forever.
 */
export interface Calendar {
  deadline(db: Db, from: Date, workingDays: number): Promise<Date>;
  workingDaysBetween(db: Db, from: Date, to: Date): Promise<number>;
  /** The holidays and cuti bersama (WIB dates, YYYY-MM-DD). */
  holidays(db: Db): Promise<ReadonlySet<string>>;
  /** Called after a super admin edits holidays; other instances pick the change up within the TTL. */
  invalidate(): void;
}

export function createCalendar(ttlMs = 60_000): Calendar {
  // Deadlines depend only on the WIB date they count from: every filing of a day shares one.
  let cached: { at: number; days: ReadonlySet<string>; deadlines: Map<string, number> } | undefined;
  const load = async (db: Db) => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const rows = await db.select({ date: holidays.date }).from(holidays);
      cached = { at: Date.now(), days: new Set(rows.map((r) => r.date)), deadlines: new Map() };
    }
    return cached;
  };
  return {
    deadline: async (db, from, n) => {
      const { days, deadlines } = await load(db);
      const key = `${wibDate(from)}+${n}`;
      let due = deadlines.get(key);
      if (due === undefined) deadlines.set(key, (due = addWorkingDays(from, n, days).getTime()));
      return new Date(due);
    },
    workingDaysBetween: async (db, from, to) => workingDaysBetween(from, to, (await load(db)).days),
    holidays: async (db) => (await load(db)).days,
    invalidate: () => (cached = undefined),
  };
}
