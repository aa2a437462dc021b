/** The status module's SQL: the heartbeat of the job queue. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { statusHeartbeats } from './schema.js';

export const beat = (db: Db, name: string, at: Date) =>
  db.insert(statusHeartbeats).values({ name, beatAt: at }).onConflictDoUpdate({ target: statusHeartbeats.name, set: { beatAt: sql`greatest(${statusHeartbeats.beatAt}, excluded.beat_at)` } });

export async function lastBeat(db: Db, name: string): Promise<Date | null> {
  const [row] = await db.select({ at: statusHeartbeats.beatAt }).from(statusHeartbeats).where(eq(statusHeartbeats.name, name));
  return row?.at ?? null;
}

export const ping = (db: Db) => db.execute(sql`select 1`);
