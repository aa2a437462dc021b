import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, doublePrecision, jsonb, PgDialect, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { describeEachDatabase } from '../../test/harness.js';
import type { Db } from './client.js';
import { columnList, insertJsonRows, rowOf, rowsOf, together } from './json-rows.js';
import { executePrepared, renderedOnce } from './prepared.js';
import { sequenceBlocks } from './sequence-blocks.js';
import { refusedByDatabase } from './errors.js';

// A table per test: the database is shared by the file's tests.
async function thingsTable(db: Db, name: string) {
  await db.execute(sql.raw(`create table ${name} (id bigint generated always as identity primary key, name text not null check (name <> 'bad'),
    at timestamptz not null default now(), day date, score double precision, ok boolean not null default false, detail jsonb)`));
  return pgTable(name, {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    day: date('day', { mode: 'string' }),
    score: doublePrecision('score'),
    ok: boolean('ok').notNull().default(false),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  });
}

describeEachDatabase('rows as one JSON parameter', (h) => {
  it('inserts rows with their types, fills defaults, and reads them back as the query builder would', async () => {
    const db = h().ctx.db;
    const things = await thingsTable(db, 'jr_types');
    const at = new Date('2026-03-01T02:03:04.567Z');
    const rows = [
      { name: 'satu', at, day: '2026-02-28', score: 1.5, ok: true, detail: { nested: ['a', 1], quote: 'it\'s "x"' } },
      { name: 'dua', day: null, score: null, detail: null },
    ];
    const inserted = rowsOf<Record<string, unknown>>(
      await db.execute(insertJsonRows(things, rows, { returning: columnList(things) })),
    ).map((raw) => rowOf(things, raw));
    expect(inserted).toEqual([
      { id: inserted[0]!.id, name: 'satu', at, day: '2026-02-28', score: 1.5, ok: true, detail: { nested: ['a', 1], quote: 'it\'s "x"' } },
      // What a row leaves out: a NOT NULL column takes its default (the database's clock for `at`), a nullable one NULL.
      { id: inserted[0]!.id + 1, name: 'dua', at: inserted[1]!.at, day: null, score: null, ok: false, detail: null },
    ]);
    expect(Math.abs(inserted[1]!.at.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await db.select().from(things).orderBy(things.id)).toEqual(inserted);
  });

  it('keeps one statement text per set of columns given: a later insert with other columns is not written with an earlier text', async () => {
    const db = h().ctx.db;
    const things = await thingsTable(db, 'jr_shapes');
    const insert = (rows: (typeof things.$inferInsert)[]) => db.execute(insertJsonRows(things, rows));
    await insert([{ name: 'a', score: 1 }]);
    await insert([{ name: 'b', ok: true }]);
    await insert([{ name: 'c', score: 3 }]);
    await insert([{ name: 'd', detail: { x: 1 } }]);
    expect((await db.select().from(things).orderBy(things.id)).map(({ name, score, ok, detail }) => ({ name, score, ok, detail }))).toEqual([
      { name: 'a', score: 1, ok: false, detail: null },
      { name: 'b', score: null, ok: true, detail: null },
      { name: 'c', score: 3, ok: false, detail: null },
      { name: 'd', score: null, ok: false, detail: { x: 1 } },
    ]);
  });

  it('renders a fixed fragment once, and refuses one that takes parameters', () => {
    expect(new PgDialect().sqlToQuery(sql`select ${renderedOnce(sql`${sql.raw('1')} + 1`)} as v`).sql).toBe('select 1 + 1 as v');
    expect(() => renderedOnce(sql`select ${1}`)).toThrow(/takes no parameters/);
  });

  it('writes statements together atomically: one refused, none written', async () => {
    const db = h().ctx.db;
    const things = await thingsTable(db, 'jr_together');
    const refusal = await db.execute(together([insertJsonRows(things, [{ name: 'baik' }]), insertJsonRows(things, [{ name: 'bad' }])])).catch((e: unknown) => e);
    expect(refusedByDatabase(refusal)).toBe(true);
    expect(await db.select().from(things)).toEqual([]);
    await db.execute(together([insertJsonRows(things, [{ name: 'a' }]), insertJsonRows(things, [{ name: 'b' }], { where: sql`x.name <> 'b'` })]));
    expect((await db.select().from(things)).map((t) => t.name)).toEqual(['a']);
  });

  it('runs a prepared statement again with other values', async () => {
    const db = h().ctx.db;
    const square = async (n: number) => rowsOf<{ v: number }>(await executePrepared(db, sql`select ${n}::int * ${n}::int as v`))[0]!.v;
    expect([await square(3), await square(4), await square(3)]).toEqual([9, 16, 9]);
  });

  it('hands out sequence values a block at a time, never one twice', async () => {
    const db = h().ctx.db;
    await db.execute(sql`create sequence jr_seq`);
    const seq = pgSequence('jr_seq');
    const first = sequenceBlocks(seq, 4);
    const second = sequenceBlocks(seq, 4);
    const taken = [...(await first(db, 3)), ...(await second(db, 2)), ...(await first(db, 2)), ...(await first(db, 6))].map(Number);
    expect(new Set(taken).size).toBe(taken.length);
    // Blocks of four (1–4, 5–8, 9–12); a caller short of values fetches a block at least as big as its request (13–18).
    expect(taken).toEqual([1, 2, 3, 5, 6, 4, 9, 10, 11, 12, 13, 14, 15]);
    expect(Number(rowsOf<{ v: string }>(await db.execute(sql`select last_value::text as v from jr_seq`))[0]!.v)).toBe(18);
  });
});
