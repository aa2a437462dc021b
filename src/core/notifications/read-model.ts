/**
 * What the status page may know of the phone providers (never the outbox itself): per channel, how
 * many messages the provider took and how many it refused in a recent span. Counts only.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outbox, type PhoneChannel } from './schema.js';

export interface PhoneDelivery {
  delivered: number;
  /** Messages whose last send failed: waiting for a retry or given up. */
  failing: number;
}

/**
 * Since `since`: rows handed over (their lease or retry time falls in the span, which keeps the walk
 * on the outbox's (status, available_at) index).
 */
export async function phoneDelivery(db: Db, channel: PhoneChannel, since: Date): Promise<PhoneDelivery> {
  const [row] = await db
    .select({
      delivered: sql<number>`count(*) filter (where ${outbox.status} = 'delivered')`.mapWith(Number),
      failing: sql<number>`count(*) filter (where ${outbox.status} <> 'delivered' and ${outbox.lastError} is not null)`.mapWith(Number),
    })
    .from(outbox)
    .where(and(inArray(outbox.status, ['delivered', 'pending', 'failed']), gte(outbox.availableAt, since), eq(outbox.channel, channel)));
  return row ?? { delivered: 0, failing: 0 };
}
