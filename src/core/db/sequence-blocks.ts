/**
 * Values of a sequence taken a block at a time (as a sequence's own CACHE does per connection, but
 * per app instance), so that numbering a batch seldom costs a round trip of its own. A restart
 * loses the rest of a block: numbers get gaps, as after a rolled-back write, and never repeat. Two
 * instances hand out numbers from their own blocks, so numbers follow filing order only roughly.
 */
import { sql } from 'drizzle-orm';
import type { PgSequence } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { rowsOf } from './json-rows.js';
import { executePrepared } from './prepared.js';

export function sequenceBlocks(sequence: PgSequence, block: number): (db: Db, n: number) => Promise<string[]> {
  const stock: string[] = [];
  return async (db, n) => {
    // Each caller short of values fetches its own block through its own handle (perhaps its
    // transaction): waiting for another caller's fetch could wait on one's own transaction in PGlite.
    if (stock.length < n) {
      const size = Math.max(n, block);
      const rows = rowsOf<{ v: string }>(await executePrepared(db, sql`select nextval(${sequence.seqName}::regclass)::text as v from generate_series(1, ${size}::int)`));
      stock.push(...rows.map((r) => r.v));
    }
    return stock.splice(0, n);
  };
}
