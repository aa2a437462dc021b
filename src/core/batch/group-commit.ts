/**
 * Group commit: commands that arrive together are written together, with one statement per batch
 * (or per table) instead of one per command (see `batched` for how they gather).
 *
 * `write` must be atomic on its own: one statement, or its own transaction. A batch the database
 * refused (or the writer refused with an AppError, rolling back its transaction) is written again
 * command by command, so a bad command fails only itself. A batch whose outcome is unknown (the
 * connection was lost, perhaps during the COMMIT) is not written again: that could file twice.
 */
import { AppError } from '../errors.js';
import { refusedByDatabase } from '../db/errors.js';
import { batched, type BatchOptions } from './batched.js';

/** `write` answers for its items in their order. */
export function groupCommit<I, O>(write: (items: readonly I[]) => Promise<O[]>, opts: BatchOptions): (item: I) => Promise<O> {
  async function commit(items: readonly I[]): Promise<PromiseSettledResult<O>[]> {
    try {
      return (await write(items)).map((value) => ({ status: 'fulfilled', value }));
    } catch (reason) {
      const refused = reason instanceof AppError || refusedByDatabase(reason);
      if (!refused || items.length === 1) return items.map(() => ({ status: 'rejected', reason }));
      const alone: PromiseSettledResult<O>[] = [];
      for (const item of items) alone.push(...(await commit([item])));
      return alone;
    }
  }
  return batched(commit, opts);
}
