import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/harness.js';
import type { Db } from '../db/client.js';
import { groupCommit } from './group-commit.js';

const rows = async (db: Db, table: string) =>
  ((await db.execute(sql.raw(`select n from ${table} order by n`))) as unknown as { rows: { n: number }[] }).rows.map((r) => r.n);

describeEachDatabase('group commit', (h) => {
  it('writes commands that arrive together in one statement and answers each in order', async () => {
    const db = h().ctx.db;
    await db.execute(sql`create table gc_ok (n int primary key)`);
    const batches: number[][] = [];
    const desk = groupCommit(
      async (items: readonly number[]) => {
        batches.push([...items]);
        await db.execute(sql.raw(`insert into gc_ok values ${items.map((n) => `(${n})`).join(',')}`));
        return items.map((n) => n * 10);
      },
      { maxBatch: 8, slots: 1 },
    );
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => desk(i + 1)));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 10));
    expect(await rows(db, 'gc_ok')).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The first goes alone; the rest gathered while it was written, eight at most per batch.
    expect(batches[0]).toEqual([1]);
    expect(batches.length).toBeLessThan(20);
    expect(Math.max(...batches.map((b) => b.length))).toBe(8);
  });

  it('writes the rest of a refused batch one by one, so a bad command fails only itself', async () => {
    const db = h().ctx.db;
    await db.execute(sql`create table gc_bad (n int primary key check (n <> 13))`);
    const desk = groupCommit(
      async (items: readonly number[]) => {
        await db.execute(sql.raw(`insert into gc_bad values ${items.map((n) => `(${n})`).join(',')}`));
        return items.map(() => 'ok');
      },
      { maxBatch: 32, slots: 1 },
    );
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => desk(i + 1)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[12]).toMatchObject({ status: 'rejected' });
    expect(await rows(db, 'gc_bad')).toEqual(Array.from({ length: 20 }, (_, i) => i + 1).filter((n) => n !== 13));
  });

  it('writes again one by one a batch whose COMMIT the database refused (nothing of it was committed)', async () => {
    const db = h().ctx.db;
    // A deferred constraint is checked at COMMIT: the writing succeeds, the commit is refused.
    await db.execute(sql`create table gc_commit (n int, constraint gc_commit_once unique (n) deferrable initially deferred)`);
    const desk = groupCommit(
      (items: readonly number[]) =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(`insert into gc_commit values ${items.map((n) => `(${n})`).join(',')}`));
          return items.map(() => 'ok');
        }),
      { maxBatch: 32, slots: 1 },
    );
    await desk(0);
    const results = await Promise.allSettled([desk(5), desk(5), desk(6)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rows(db, 'gc_commit')).toEqual([0, 5, 6]);
  });

  it('does not write again a batch whose outcome is unknown (the connection was lost: it may have been committed)', async () => {
    const db = h().ctx.db;
    await db.execute(sql`create table gc_lost (n int)`);
    const desk = groupCommit(
      async (items: readonly number[]) => {
        await db.execute(sql.raw(`insert into gc_lost values ${items.map((n) => `(${n})`).join(',')}`));
        if (items.length > 1) throw new Error('Connection terminated unexpectedly');
        return items.map(() => 'ok');
      },
      { maxBatch: 32, slots: 1 },
    );
    await desk(0);
    const results = await Promise.allSettled([desk(1), desk(2), desk(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await rows(db, 'gc_lost')).toEqual([0, 1, 2, 3]);
  });
});
