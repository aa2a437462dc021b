/**
 * A unit's tally for a period, kept per app. Answers are only ever added (never edited or removed),
 * so a period's count of answers says whether its tally changed: the full pass over them (100,000 a
 * unit-year) runs again only then, and every instance sees the others' answers through the count.
 */
import type { AppContext } from '../core/context.js';
import * as q from './queries.js';

/** Unit-periods kept per app; the oldest goes first. */
const KEPT = 500;
const kept = new WeakMap<AppContext, Map<string, q.Tally>>();

export async function tallyOf(ctx: AppContext, unitId: number, from: Date, until: Date): Promise<q.Tally> {
  let tallies = kept.get(ctx);
  if (!tallies) kept.set(ctx, (tallies = new Map()));
  const key = `${unitId}:${from.toISOString()}:${until.toISOString()}`;
  const known = tallies.get(key);
  if (known && known.respondents === (await q.countInPeriod(ctx.db, unitId, from, until))) return known;
  const tally = await q.tally(ctx.db, unitId, from, until);
  tallies.delete(key);
  tallies.set(key, tally);
  if (tallies.size > KEPT) tallies.delete(tallies.keys().next().value!);
  return tally;
}
