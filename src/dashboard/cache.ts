/**
 * Dashboard answers are the same for every viewer of a period until a report changes: the meeting
 * room's projector, the mayor's phone and every OPD head opening the dashboard share one
 * computation (the map reads the period's open reports; a summary sums its days' figures, see
 * rollups.ts, and counts the weekly trend). The key holds
 * the newest timeline event id — every change to a report writes one, on any instance — and the
 * clock's minute, since overdue counts move with time alone. Computations in flight are shared too.
 * Names of OPDs and categories changed by an admin show within that minute.
 */
import type { AppContext } from '../core/context.js';
import type { Period } from './queries.js';
import * as q from './queries.js';

const ENTRIES_PER_INSTANCE = 64;
const caches = new WeakMap<AppContext, Map<string, Promise<unknown>>>();

export async function memoUntilChange<T>(ctx: AppContext, what: string, p: Period, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const key = `${what}|${p.from}|${p.to}|${await q.changeMark(ctx.db)}|${Math.floor(p.now.getTime() / 60_000)}`;
  let answer = cache.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = compute();
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
    // Oldest first out: keys of past minutes and past changes are never asked for again.
    if (cache.size > ENTRIES_PER_INSTANCE) cache.delete(cache.keys().next().value!);
  }
  return answer;
}
