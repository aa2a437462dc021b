/**
 * Phone numbers that wrote to the city: opting out (STOP / BERHENTI) and back in (MULAI), when they
 * last wrote, and an account's number proved by writing from it.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../auth/schema.js';
import { phoneContacts } from './schema.js';

/** Notes that the number wrote now; answers whether it has opted out. */
export async function noteInbound(db: Db, phone: string, at: Date): Promise<{ optedOut: boolean }> {
  const [row] = await db
    .insert(phoneContacts)
    .values({ phone, lastInboundAt: at, createdAt: at })
    .onConflictDoUpdate({ target: phoneContacts.phone, set: { lastInboundAt: at } })
    .returning({ optedOutAt: phoneContacts.optedOutAt });
  return { optedOut: !!row?.optedOutAt };
}

export async function setOptedOut(db: Db, phone: string, optedOut: boolean, at: Date): Promise<void> {
  await db
    .insert(phoneContacts)
    .values({ phone, optedOutAt: optedOut ? at : null, createdAt: at })
    .onConflictDoUpdate({ target: phoneContacts.phone, set: { optedOutAt: optedOut ? at : null } });
}

/** Numbers among `phones` that opted out. */
export async function optedOut(db: Db, phones: readonly string[]): Promise<Set<string>> {
  if (!phones.length) return new Set();
  const rows = await db
    .select({ phone: phoneContacts.phone })
    .from(phoneContacts)
    .where(and(inArray(phoneContacts.phone, [...phones]), isNotNull(phoneContacts.optedOutAt)));
  return new Set(rows.map((r) => r.phone));
}

/**
 * Records that the account's owner wrote from `phone` (international form): it becomes their
 * verified number, taking it from any other account that only claimed it.
 */
export async function verifyAccountPhone(db: Db, userId: string, phone: string, at: Date): Promise<void> {
  const stored = `+${phone}`;
  await db.update(users).set({ phone: null, phoneVerifiedAt: null }).where(and(eq(users.phone, stored), sql`${users.id} <> ${userId}`));
  await db.update(users).set({ phone: stored, phoneVerifiedAt: at }).where(and(eq(users.id, userId), isNull(users.deletedAt)));
}
