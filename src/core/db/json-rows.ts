/**
 * Many rows as one JSON parameter: `insert … select … from jsonb_populate_recordset(null::<table>, $1)`.
 * A multi-row insert built by the query builder binds one parameter per value, and building it cost
 * more of the server's time than the database spent writing it; one JSON value costs one
 * `JSON.stringify`. The table's own row type converts the JSON, so the columns keep their types.
 * The SQL composes: a statement can run alone or as a CTE of a larger one.
 */
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { renderedOnce } from './prepared.js';

/** Names from the schema, quoted here as one raw string: a fragment per name made building the statement cost more than running it. */
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

const isJson = (column: PgColumn) => column.getSQLType() === 'jsonb' || column.getSQLType() === 'json';

/**
 * A column given: its property name, its database name, the default a NOT NULL column takes when a
 * row leaves it out (when the schema states one), and how a value becomes the driver's.
 */
type Given = readonly [key: string, name: string, fill: unknown, toDriver: (value: unknown) => unknown];

/** The rows as the JSON the table's row type reads: keyed by column name, values as the driver sends them. */
function jsonOf(columns: readonly Given[], rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, name, fill, toDriver] of columns) {
        const value = row[key] ?? fill;
        if (value !== undefined && value !== null) out[name] = toDriver(value);
      }
      return out;
    }),
  );
}

interface Shape {
  columns: Given[];
  /** `insert into … select … from jsonb_populate_recordset(null::<table>, ` — the JSON follows. */
  head: SQL;
}
const shapes = new WeakMap<PgTable, Map<string, Shape>>();

/**
 * The statement's text for the columns given, rendered once per table and set of columns: rendered
 * anew per call, it cost the server more than the JSON of a batch of rows. A default the database
 * computes (`now()`) goes into the text; one the schema states (`false`) into the JSON.
 */
function shapeOf(table: PgTable, given: ReadonlySet<string>): Shape {
  let byColumns = shapes.get(table);
  if (!byColumns) shapes.set(table, (byColumns = new Map()));
  const columnsKey = [...given].sort().join(',');
  let shape = byColumns.get(columnsKey);
  if (!shape) {
    const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) => given.has(key));
    const computed = (c: PgColumn) => (c.notNull && is(c.default, SQL) ? c.default : undefined);
    const names = sql.raw(columns.map(([, c]) => quoted(c.name)).join(', '));
    const values = columns.map(([, c]) => {
      const value = sql.raw(`x.${quoted(c.name)}`);
      return computed(c) ? sql`coalesce(${value}, ${computed(c)})` : value;
    });
    const head = renderedOnce(sql`insert into ${table} (${names}) select ${sql.join(values, sql`, `)} from jsonb_populate_recordset(null::${table}, `);
    const fill = (c: PgColumn) => (c.notNull && !computed(c) ? c.default : undefined);
    // JSON values stay as they are: the driver's form of a jsonb value is its text.
    const toDriver = (c: PgColumn) => (isJson(c) ? (value: unknown) => value : (value: unknown) => c.mapToDriverValue(value));
    byColumns.set(columnsKey, (shape = { columns: columns.map(([key, c]) => [key, c.name, fill(c), toDriver(c)] as const), head }));
  }
  return shape;
}

/**
 * An insert of `rows`, with the columns any row gives. Where a row leaves a column out, a NOT NULL
 * column takes its default from the schema (a SELECT cannot ask for DEFAULT) and a nullable one is NULL.
 */
export function insertJsonRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], opts: { where?: SQL; returning?: SQL } = {}): SQL {
  const given = new Set<string>();
  for (const row of rows) for (const key in row) given.add(key);
  const { columns, head } = shapeOf(table, given);
  return sql`${head}${jsonOf(columns, rows as Record<string, unknown>[])}::jsonb) x${opts.where ? sql` where ${opts.where}` : sql``}${opts.returning ? sql` returning ${opts.returning}` : sql``}`;
}

/**
 * Statements run as one: each a CTE (named, or `w1`, `w2`, …), then `then` (by default nothing to
 * answer). One round trip, and atomic even outside a transaction.
 */
export function together(statements: readonly (SQL | readonly [string, SQL])[], then: SQL = sql`select 1`): SQL {
  if (!statements.length) return then;
  const ctes = statements.map((s, i) => {
    const [name, body] = Array.isArray(s) ? (s as readonly [string, SQL]) : [`w${i + 1}`, s as SQL];
    return sql`${sql.raw(quoted(name))} as (${body})`;
  });
  return sql`with ${sql.join(ctes, sql`, `)} ${then}`;
}

/** Every column of `table` (but `except`) under its database name: a RETURNING or SELECT list that `rowOf` reads back. */
export function columnList(table: PgTable, opts: { except?: string[] } = {}): SQL {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) => !opts.except?.includes(key));
  return sql.raw(columns.map(([, c]) => quoted(c.name)).join(', '));
}

/** The rows of `db.execute`: both drivers answer `{ rows }`, typed by neither. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Runs a query and answers its rows. */
export const queryRows = async <T>(db: Db, query: SQL): Promise<T[]> => rowsOf<T>(await db.execute(query));

/**
 * A raw row (database column names, driver values; also a row read from `to_jsonb`) as the query
 * builder would have given it: property names and types of the table's columns.
 */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>, opts: { except?: string[] } = {}): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    if (opts.except?.includes(key)) continue;
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T['$inferSelect'];
}
