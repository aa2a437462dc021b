/**
 * Calls that arrive while earlier ones are being served wait for a free slot and are then served
 * together, by one `serve` for up to `maxBatch` of them. Alone, a call is served at once: no timer,
 * no added wait. Under load this turns one round trip per call into one per batch.
 */
export interface BatchOptions {
  /** Calls served together at most. */
  maxBatch: number;
  /** Batches served at once (each usually holds a database connection). */
  slots: number;
  /** Where to count batches, their items and time (the metrics read it). */
  stats?: BatchStats;
}

export interface BatchStats {
  batches: number;
  items: number;
  seconds: number;
}

const statsByOwner = new WeakMap<object, Map<string, BatchStats>>();

/** The counters of the batching called `name` in one app (its context owns them). */
export function batchStats(owner: object, name: string): BatchStats {
  let all = statsByOwner.get(owner);
  if (!all) statsByOwner.set(owner, (all = new Map()));
  let stats = all.get(name);
  if (!stats) all.set(name, (stats = { batches: 0, items: 0, seconds: 0 }));
  return stats;
}

export const allBatchStats = (owner: object): ReadonlyMap<string, BatchStats> => statsByOwner.get(owner) ?? new Map();

/** `serve` settles each of its items, in their order. */
export function batched<I, O>(serve: (items: readonly I[]) => Promise<PromiseSettledResult<O>[]>, opts: BatchOptions): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (out: O) => void; reject: (err: unknown) => void }[] = [];
  let busy = 0;

  async function flush(batch: typeof queue): Promise<void> {
    const started = performance.now();
    try {
      const settled = await serve(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const s = settled[i]!;
        if (s.status === 'fulfilled') w.resolve(s.value);
        else w.reject(s.reason);
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      if (opts.stats) {
        opts.stats.batches++;
        opts.stats.items += batch.length;
        opts.stats.seconds += (performance.now() - started) / 1000;
      }
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

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
