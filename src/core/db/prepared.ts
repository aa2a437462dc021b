/**
 * A hot statement run as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. For a large statement (a group commit's CTEs) parsing and
 * planning cost the database more than the writing. The name comes from the text, so each shape of
 * the statement is prepared once. PGlite runs it as any other query.
 */
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

const dialect = new PgDialect();
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** `db.execute(query)`, prepared: the same result, `{ rows }` with driver values. */
export async function executePrepared(db: Db, query: SQL): Promise<unknown> {
  const built = dialect.sqlToQuery(query);
  return db._.session.prepareQuery(built, undefined, nameOf(built.sql), false).execute();
}

/**
 * A fragment without parameters as one raw text, rendered once: walked anew on every call, the fixed
 * parts of a group commit's statement cost the server more than its rows.
 */
export function renderedOnce(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  if (params.length) throw new Error(`A fragment rendered once takes no parameters: ${text}`);
  return sql.raw(text);
}
