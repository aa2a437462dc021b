/**
 * SQL of the Open311 module: its tokens. What GeoReport v2 shows of reports comes from the aduan
 * queries (and their public filter).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { trackingNumberOf } from '../aduan/queries.js';
import { open311Tokens } from './schema.js';

export async function insertToken(db: Db, values: typeof open311Tokens.$inferInsert): Promise<void> {
  await db.insert(open311Tokens).values(values);
}

export async function trackingNumberOfToken(db: Db, token: string): Promise<string | undefined> {
  const [row] = await db.select({ reportId: open311Tokens.reportId }).from(open311Tokens).where(eq(open311Tokens.token, token));
  return row ? ((await trackingNumberOf(db, row.reportId)) ?? undefined) : undefined;
}

