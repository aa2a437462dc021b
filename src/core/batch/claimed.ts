/**
 * Group commit of commands that claim an Idempotency-Key in their own statement (filings): a
 * repeat of a key within a batch is not written but waits for the first and is answered as its
 * replay (undefined), and a key used before fails the statement — written again alone, that
 * command answers undefined too, and its caller replays the stored answer.
 */
import { groupCommit } from './group-commit.js';
import type { BatchOptions } from './batched.js';
import { firstClaims, isKeyTaken, type Claim } from '../idempotency/idempotency.js';

export function claimedGroupCommit<I extends { claim: Claim | undefined }, O>(write: (fresh: readonly I[]) => Promise<O[]>, opts: BatchOptions): (item: I) => Promise<O | undefined> {
  return groupCommit(async (batch: readonly I[]) => {
    const firsts = new Set(firstClaims(batch.flatMap((w) => (w.claim ? [w.claim] : []))));
    const fresh = batch.filter((w) => !w.claim || firsts.has(w.claim));
    try {
      const written = await write(fresh);
      return batch.map((w) => {
        const i = fresh.indexOf(w);
        return i < 0 ? undefined : written[i];
      });
    } catch (err) {
      // With more commands the batch is written again one by one, so this happens alone.
      if (fresh.length === 1 && isKeyTaken(err)) return batch.map(() => undefined);
      throw err;
    }
  }, opts);
}
