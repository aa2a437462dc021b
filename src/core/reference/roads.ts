import type { Db } from '../db/client.js';
import { referenceCache } from './cache.js';
import { roads } from './schema.js';

export type Road = typeof roads.$inferSelect;

/** The road registry, read by every road report: the road it names, or the mapped roads its point may lie on. */
export const roadsCache = referenceCache(60_000, async (_ctx, db: Db) => {
  const all = await db.select().from(roads);
  return { byId: new Map(all.map((r) => [r.id, r])), mapped: all.filter((r) => r.active && r.geometry) };
});
