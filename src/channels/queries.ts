/** All of the channels module's SQL: conversations and the incoming messages already handled. */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { conversations, inboundSeen } from './schema.js';

export type ConversationRow = typeof conversations.$inferSelect;

/** Claims an incoming message id; false when it was handled before (a provider's resend). */
export async function claimInbound(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db.insert(inboundSeen).values({ id, receivedAt: at }).onConflictDoNothing().returning({ id: inboundSeen.id });
  return rows.length > 0;
}

/** The number's conversation, locked for this message (two messages at once are taken in turn). */
export async function conversationOf(db: Db, phone: string): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(conversations).where(eq(conversations.phone, phone)).for('update');
  return row;
}

export async function saveConversation(db: Db, row: ConversationRow): Promise<void> {
  await db.insert(conversations).values(row).onConflictDoUpdate({ target: conversations.phone, set: { channel: row.channel, state: row.state, draft: row.draft, updatedAt: row.updatedAt } });
}

export async function endConversation(db: Db, phone: string): Promise<void> {
  await db.delete(conversations).where(eq(conversations.phone, phone));
}

/** Conversations left without an answer, and message ids old enough that no provider resends them. */
export async function sweepStale(db: Db, conversationsBefore: Date, seenBefore: Date): Promise<void> {
  await db.delete(conversations).where(and(lt(conversations.updatedAt, conversationsBefore)));
  await db.delete(inboundSeen).where(lt(inboundSeen.receivedAt, seenBefore));
}

/** Where the number's conversation stands, read without a lock (to know whether a photo is wanted). */
export async function stateOf(db: Db, phone: string): Promise<ConversationRow['state'] | undefined> {
  const [row] = await db.select({ state: conversations.state }).from(conversations).where(eq(conversations.phone, phone));
  return row?.state;
}
