/**
 * Day figures kept between requests, so a summary costs what changed since the last one, not a pass
 * over every report of its period (a year at a million reports is ~330,000 rows). Each instance
 * keeps its own: the figures are derived data, and the first request after a start fills them.
 *
 * A day's figures are dropped when a report that arrived that day changes: every change writes a
 * timeline event, so the days of the reports of events newer than the last look are the ones to
 * drop. Events are numbered when written but become visible when their transaction commits, so an
 * event numbered below the newest one seen may appear after it (a batch still committing while a
 * later one finished). So each look goes back LOOKBACK events (far more than the transactions in
 * flight at once ever write), and after the newest event moved, looks go back again, even with no
 * newer event, until one looks later than SETTLE_MS after the move — longer than any transaction
 * that writes events stays open. When the holiday calendar changes every duration may change, and
 * when there are fewer events than before the data was replaced (a restore): then every day is
 * dropped.
 */
import type { Db } from '../core/db/client.js';
import { addDays, wibStart } from '../core/calendar/working-days.js';
import * as q from './queries.js';
import { sumDays, type DayFigures } from './day-figures.js';

const LOOKBACK = 10_000;
const SETTLE_MS = 60_000;

interface Store {
  /** The newest visible event id at the last look; when (ms) it last moved, and when the events were last scanned. */
  through: number;
  movedAt: number;
  scannedAt: number;
  /** The calendar the days were counted with. */
  calendar: string;
  days: Map<string, DayFigures>;
  /** A computation stores its days only if none was dropped since it started: all of them (generation) or its own (droppedAt, in looks). */
  generation: number;
  looks: number;
  droppedAt: Map<string, number>;
  /** The last look asked for. Looks run one after another, and each request waits for its own, so
   *  it sees every change made before it was asked (a shared look begun earlier could miss one). */
  looking: Promise<void>;
}
const stores = new WeakMap<Db, Store>();

function storeOf(db: Db): Store {
  let store = stores.get(db);
  if (!store) {
    store = { through: 0, movedAt: 0, scannedAt: 0, calendar: '', days: new Map(), generation: 0, looks: 0, droppedAt: new Map(), looking: Promise.resolve() };
    stores.set(db, store);
  }
  return store;
}

async function look(db: Db, store: Store) {
  const mark = await q.rollupMark(db);
  // The first look only notes where things stand: no computation has started before it.
  if (store.looks++ > 0) {
    if (mark.calendar !== store.calendar || mark.through < store.through) {
      store.days.clear();
      store.generation++;
    } else if (mark.through > store.through || store.scannedAt < store.movedAt + SETTLE_MS) {
      const now = Date.now();
      for (const day of await q.daysChangedSince(db, Math.max(0, store.through - LOOKBACK))) {
        store.days.delete(day);
        store.droppedAt.set(day, store.looks);
      }
      store.scannedAt = now;
    }
  }
  if (mark.through !== store.through) store.movedAt = Date.now();
  store.calendar = mark.calendar;
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
    const generation = store.generation;
    for (const [day, figures] of await q.dayFigures(db, runsOf(missing), p.calendarEnd)) {
      found.set(day, figures);
      if (store.generation === generation && (store.droppedAt.get(day) ?? 0) <= startedAt) store.days.set(day, figures);
    }
  }
  return sumDays(found.values());
}
