/**
 * SQL of the Open311 module: its tokens and its clients' API keys. What GeoReport v2 shows of
 * reports comes from aduan's read model (and its public filter).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '../core/auth/schema.js';
import type { Db } from '../core/db/client.js';
import { trackingNumberOf } from '../aduan/read-model.js';
import { open311Tokens } from './schema.js';

export async function insertToken(db: Db, values: typeof open311Tokens.$inferInsert): Promise<void> {
  await db.insert(open311Tokens).values(values);
}

export async function trackingNumberOfToken(db: Db, token: string): Promise<string | undefined> {
  const [row] = await db.select({ reportId: open311Tokens.reportId }).from(open311Tokens).where(eq(open311Tokens.token, token));
  return row ? ((await trackingNumberOf(db, row.reportId)) ?? undefined) : undefined;
}


/* API keys */

export async function insertApiKey(db: Db, values: typeof apiKeys.$inferInsert): Promise<{ id: number; name: string }> {
  return (await db.insert(apiKeys).values(values).returning({ id: apiKeys.id, name: apiKeys.name }))[0]!;
}

export const allApiKeys = (db: Db) => db.select().from(apiKeys).orderBy(asc(apiKeys.id));

export const lockApiKey = async (db: Db, id: number) =>
  (await db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).for('update'))[0];

export async function revokeApiKey(db: Db, id: number, at: Date): Promise<void> {
  await db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id));
}

export async function liveApiKeyId(db: Db, keyHash: string): Promise<number | undefined> {
  const [row] = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt))).limit(1);
  return row?.id;
}
