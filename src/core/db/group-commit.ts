/**
 * Group commit: commands that arrive while earlier ones are being written wait for a free slot and
 * are then written together, in one transaction with one statement per table instead of one per
 * command. Under load a dozen round trips per command become a dozen per batch; alone, a command is
 * written at once (no timer, no added wait).
 *
 * A batch whose writing fails is rolled back and each of its commands is written again on its own,
 * so a bad command fails only itself. A batch whose COMMIT fails is not retried: it may have been
 * committed, and writing it again could file twice.
 */
import type { Db } from './client.js';

export interface GroupCommit<I, O> {
  run(item: I): Promise<O>;
}

export interface GroupCommitOptions {
  /** Commands per transaction at most. */
  maxBatch: number;
  /** Transactions in flight at once (each holds a pool connection). */
  slots: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

/** `write` answers for its items in their order. */
export function groupCommit<I, O>(db: Db, write: (tx: Db, items: readonly I[]) => Promise<O[]>, opts: GroupCommitOptions): GroupCommit<I, O> {
  const queue: Waiting<I, O>[] = [];
  let busy = 0;

  async function flush(batch: Waiting<I, O>[]): Promise<void> {
    let written = false;
    try {
      const out = await db.transaction(async (tx) => {
        const result = await write(tx, batch.map((w) => w.item));
        written = true;
        return result;
      });
      batch.forEach((w, i) => w.resolve(out[i]!));
    } catch (err) {
      if (written || batch.length === 1) {
        for (const w of batch) w.reject(err);
        return;
      }
      for (const w of batch) await flush([w]);
    }
  }

  function pump(): void {
    while (busy < opts.slots && queue.length) {
      busy++;
      void flush(queue.splice(0, opts.maxBatch)).finally(() => {
        busy--;
        pump();
      });
    }
  }

  return {
    run: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      }),
  };
}
