/**
 * Reference data that every filing reads and an admin changes a few times a year (boundaries,
 * roads, categories), kept in memory per app context. A change made on this instance shows at once:
 * the admin route drops the copy after its commit. One made on another instance shows within `ttlMs`.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';

export interface ReferenceCache<T> {
  /** The cached copy, loaded through `db` (the caller's transaction, if any) when missing or old. */
  get(ctx: AppContext, db: Db): Promise<T>;
  drop(ctx: AppContext): void;
}

export function referenceCache<T>(ttlMs: number, load: (ctx: AppContext, db: Db) => Promise<T>): ReferenceCache<T> {
  const copies = new WeakMap<AppContext, { at: number; value: Promise<T> }>();
  return {
    get(ctx, db) {
      let copy = copies.get(ctx);
      if (!copy || Date.now() - copy.at > ttlMs) {
        const value = load(ctx, db);
        copy = { at: Date.now(), value };
        copies.set(ctx, copy);
        // A failed load (say, its transaction was rolled back) is not kept.
        value.catch(() => copies.get(ctx)?.value === value && copies.delete(ctx));
      }
      return copy.value;
    },
    drop: (ctx) => void copies.delete(ctx),
  };
}
