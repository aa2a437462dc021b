/**
 * Group commit: commands that arrive together are written in one transaction, with one statement
 * per table instead of one per command (see `batched` for how they gather).
 *
 * A batch whose writing fails is rolled back and each of its commands is written again on its own,
 * so a bad command fails only itself. A batch whose COMMIT fails is not retried: it may have been
 * committed, and writing it again could file twice.
 */
import type { Db } from '../db/client.js';
import { batched, type BatchOptions } from './batched.js';

/** `write` answers for its items in their order. */
export function groupCommit<I, O>(db: Db, write: (tx: Db, items: readonly I[]) => Promise<O[]>, opts: BatchOptions): (item: I) => Promise<O> {
  async function commit(items: readonly I[]): Promise<PromiseSettledResult<O>[]> {
    let written = false;
    try {
      const out = await db.transaction(async (tx) => {
        const result = await write(tx, items);
        written = true;
        return result;
      });
      return out.map((value) => ({ status: 'fulfilled', value }));
    } catch (reason) {
      if (written || items.length === 1) return items.map(() => ({ status: 'rejected', reason }));
      const alone: PromiseSettledResult<O>[] = [];
      for (const item of items) alone.push(...(await commit([item])));
      return alone;
    }
  }
  return batched(commit, opts);
}
