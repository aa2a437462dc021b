import type { Db } from '../db/client.js';
import { holidays } from '../reference/schema.js';
import { addWorkingDays, workingDaysBetween } from './working-days.js';

/**
 * The working-day calendar backed by the holidays table, cached briefly (edits are rare). Methods
 * take the caller's executor: on PGlite a query outside an open transaction would wait on it forever.
 */
export interface Calendar {
  deadline(db: Db, from: Date, workingDays: number): Promise<Date>;
  workingDaysBetween(db: Db, from: Date, to: Date): Promise<number>;
  /** Called after a super admin edits holidays; other instances pick the change up within the TTL. */
  invalidate(): void;
}

export function createCalendar(ttlMs = 60_000): Calendar {
  let cached: { at: number; days: ReadonlySet<string> } | undefined;
  const load = async (db: Db): Promise<ReadonlySet<string>> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const rows = await db.select({ date: holidays.date }).from(holidays);
      cached = { at: Date.now(), days: new Set(rows.map((r) => r.date)) };
    }
    return cached.days;
  };
  return {
    deadline: async (db, from, n) => addWorkingDays(from, n, await load(db)),
    workingDaysBetween: async (db, from, to) => workingDaysBetween(from, to, await load(db)),
    invalidate: () => (cached = undefined),
  };
}
