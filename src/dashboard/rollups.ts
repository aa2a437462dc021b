/**
 * Day figures kept between requests, so a summary costs what changed since the last one, not a pass
 * over every report of its period (a year at a million reports is ~330,000 rows). Each instance
 * keeps its own in memory (derived data), and the database keeps them across starts (below).
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
 *
 * The days counted are also kept in the database (table dashboard_day_figures), so that an instance
 * that has just started, or has let a day go from its memory, reads the day instead of counting it
 * again. A kept row holds the newest visible event `through` at the look before it was counted
 * (what the count saw at least) and the calendar
 * it was counted with, and the ids in (through − LOOKBACK, through] not visible then (pending:
 * still committing, or rolled back). Every event not yet visible then was numbered above through −
 * LOOKBACK (the same bound as above), so it is newer than `through` or pending: the row is right as
 * long as no such event touches a report of its day (with more than a thousand pending, any event
 * above through − LOOKBACK counts). On a miss in memory, the rows of the missing days are read with
 * that check, in one statement (keptDays), and only the days it refuses are counted and written
 * back. A change on any instance writes an event, which the check finds; a holiday change changes
 * the fingerprint; data replaced by data with fewer events makes `through` lie beyond the newest
 * event, and such rows are not read. A row counted through an older event never replaces one
 * counted through a newer one. Days read from the table enter memory under the same rule as
 * counted ones (nothing dropped since the computation began), and leave it by the same looks. FORM
 * names the shape and meaning of DayFigures: change it with them, and rows of the old form are
 * left unread.
 *
 * Memory holds at most KEPT_BYTES of figures (as JSON text) per instance; beyond that the days
 * least recently asked for are let go (the database still has them).
 */
import type { Db } from '../core/db/client.js';
import { addDays, wibStart } from '../core/calendar/working-days.js';
import * as q from './queries.js';
import { sumDays, type DayFigures } from './day-figures.js';

const SETTLE_MS = 60_000;
const FORM = 'day-figures-1';
export const bounds = {
  /** LOOKBACK (tests lower it, to see a lagging through moved up among a handful of events). */
  lookback: 10_000,
  /** KEPT_BYTES: about 1,500 days at a million reports (8 KB of JSON a day); a few times that as objects. */
  keptBytes: 12 * 2 ** 20,
};

interface Kept {
  figures: DayFigures;
  /** Length of its JSON text: what the memory bound counts. */
  bytes: number;
}

interface Store {
  /** The newest visible event id at the last look; when (ms) it last moved, and when the events were last scanned. */
  through: number;
  movedAt: number;
  scannedAt: number;
  /** The calendar the days were counted with. */
  calendar: string;
  /** Least recently asked first (a day asked for moves to the end). */
  days: Map<string, Kept>;
  bytes: number;
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
    store = { through: 0, movedAt: 0, scannedAt: 0, calendar: '', days: new Map(), bytes: 0, generation: 0, looks: 0, droppedAt: new Map(), looking: Promise.resolve() };
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
      store.bytes = 0;
      store.generation++;
    } else if (mark.through > store.through || store.scannedAt < store.movedAt + SETTLE_MS) {
      const now = Date.now();
      for (const day of await q.daysChangedSince(db, Math.max(0, store.through - bounds.lookback))) {
        forget(store, day);
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

function forget(store: Store, day: string) {
  const kept = store.days.get(day);
  if (!kept) return;
  store.days.delete(day);
  store.bytes -= kept.bytes;
}

function keep(store: Store, day: string, kept: Kept) {
  forget(store, day);
  store.days.set(day, kept);
  store.bytes += kept.bytes;
  for (const oldest of store.days.keys()) {
    if (store.bytes <= bounds.keptBytes) break;
    forget(store, oldest);
  }
}

/** What one instance keeps in memory (for tests and the harness's notes). */
export const keptInMemory = (db: Db) => ({ days: storeOf(db).days.size, bytes: storeOf(db).bytes });

/** The period's figures that the clock does not change, summed over its days. */
export async function periodDays(db: Db, p: q.Period): Promise<DayFigures> {
  const store = storeOf(db);
  const looked = store.looking.then(() => look(db, store));
  store.looking = looked.catch(() => undefined);
  await looked;
  const found = new Map<string, DayFigures>();
  const missing: string[] = [];
  for (let day = p.from; day <= p.to; day = addDays(day, 1)) {
    const kept = store.days.get(day);
    if (!kept) {
      missing.push(day);
      continue;
    }
    found.set(day, kept.figures);
    // Most recently asked last: the memory bound lets the others go first.
    store.days.delete(day);
    store.days.set(day, kept);
  }
  if (missing.length) {
    const startedAt = store.looks;
    const generation = store.generation;
    const take = (day: string, text: string) => {
      const figures = JSON.parse(text) as DayFigures;
      found.set(day, figures);
      if (store.generation === generation && (store.droppedAt.get(day) ?? 0) <= startedAt) keep(store, day, { figures, bytes: text.length });
    };
    // What a count from here on sees: every event up to the last look's mark but those pending (the
    // mark was read before, so whatever was visible then is visible to the statements below).
    const through = store.through;
    let seen: q.Seen | undefined;
    const seenNow = async () => (seen ??= { through, pending: await q.pendingEvents(db, through, bounds.lookback) });
    const since = await q.oldestKept(db, missing, bounds.lookback);
    if (since !== null) {
      const lagging = since < through - bounds.lookback;
      for (const { day, figures } of await q.keptDays(db, missing, FORM, bounds.lookback, Math.max(0, since), lagging ? await seenNow() : undefined)) take(day, figures);
    }
    const uncounted = missing.filter((day) => !found.has(day));
    if (uncounted.length) {
      const counting = await seenNow();
      const counted = await q.dayFigures(db, runsOf(uncounted), p.calendarEnd);
      for (const { day, figures } of counted.days) take(day, figures);
      // Derived data: a failed write costs the next start a count, not this answer.
      await q.keepDays(db, counted, counting, FORM).catch((err: unknown) => process.emitWarning(`dashboard day figures not kept: ${String(err)}`));
    }
  }
  return sumDays(found.values());
}
