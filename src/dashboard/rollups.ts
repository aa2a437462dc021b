/**
 * Day figures kept between requests, so a summary costs what changed since the last one, not a pass
 * over every report of its period (a year at a million reports is ~330,000 rows). Each instance
 * keeps its own: the figures are derived data, and the first request after a start fills them.
 *
 * A day's figures are dropped when a report that arrived that day changes: every change writes a
 * timeline event, so the days of the reports of events newer than the last look are the ones to
 * drop. Events are numbered when written but become visible when their transaction commits, so an
 * event numbered below the last look may appear after it; each look therefore goes back LOOKBACK
 * events before the last one (far more than the transactions in flight at once ever write). When
 * the holiday calendar changes, every duration may change: all days are dropped.
 */
import type { Db } from '../core/db/client.js';
import { addDays, wibStart } from '../core/calendar/working-days.js';
import * as q from './queries.js';
import { sumDays, type DayFigures } from './day-figures.js';

const LOOKBACK = 10_000;

interface Store {
  /** The newest event id seen at the last look, and the calendar the days were counted with. */
  through: number;
  calendar: string;
  days: Map<string, DayFigures>;
  /** Looks so far, and at which look each day was last dropped: a computation that started before must not store it. */
  looks: number;
  droppedAt: Map<string, number>;
  /** The last look asked for. Looks run one after another, and each request waits for its own, so
   *  it sees every change made before it was asked (a shared look begun earlier could miss one). */
  looking: Promise<void>;
}
const stores = new WeakMap<Db, Store>();

function storeOf(db: Db): Store {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = { through: 0, calendar: '', days: new Map(), looks: 0, droppedAt: new Map(), looking: Promise.resolve() }));
  return store;
}

async function look(db: Db, store: Store) {
  const mark = await q.rollupMark(db);
  store.looks++;
  // Another calendar changes durations; fewer events than seen means the data was replaced (a restore).
  if (mark.calendar !== store.calendar || mark.through < store.through) {
    for (const day of store.days.keys()) store.droppedAt.set(day, store.looks);
    store.days.clear();
    store.calendar = mark.calendar;
  } else if (mark.through > store.through && store.days.size) {
    for (const day of await q.daysChangedSince(db, Math.max(0, store.through - LOOKBACK))) {
      store.days.delete(day);
      store.droppedAt.set(day, store.looks);
    }
  }
  store.through = mark.through;
}

/** Consecutive days as runs, each read with one index range. */
export function runsOf(days: string[]): q.DayRun[] {
  const runs: q.DayRun[] = [];
  for (const day of [...days].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last.last, 1) === day) {
      last.last = day;
      last.end = wibStart(addDays(day, 1));
    } else runs.push({ first: day, last: day, start: wibStart(day), end: wibStart(addDays(day, 1)) });
  }
  return runs;
}

/** The period's figures that the clock does not change, summed over its days. */
export async function periodDays(db: Db, p: q.Period): Promise<DayFigures> {
  const store = storeOf(db);
  const looked = store.looking.then(() => look(db, store));
  store.looking = looked.catch(() => undefined);
  await looked;
  const all: string[] = [];
  for (let day = p.from; day <= p.to; day = addDays(day, 1)) all.push(day);
  const missing = all.filter((day) => !store.days.has(day));
  const found = new Map(all.filter((day) => store.days.has(day)).map((day) => [day, store.days.get(day)!]));
  if (missing.length) {
    const startedAt = store.looks;
    const calendar = store.calendar;
    for (const [day, figures] of await q.dayFigures(db, runsOf(missing), p.calendarEnd)) {
      found.set(day, figures);
      if (store.calendar === calendar && (store.droppedAt.get(day) ?? 0) <= startedAt) store.days.set(day, figures);
    }
  }
  return sumDays(found.values());
}
