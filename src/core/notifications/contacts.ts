/**
 * Phone numbers that wrote to the city: opting out (STOP / BERHENTI) and back in (MULAI), when they
 * last wrote, and an account's number proved by writing from it.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../auth/schema.js';
import { invalid } from '../errors.js';
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

type NoticeChannel = 'whatsapp' | 'sms' | 'email';

/** The person's choice of notice channel, what applies now, and their number. */
export async function noticeChannelOf(db: Db, userId: string) {
  const [u] = await db.select({ chosen: users.noticeChannel, phone: users.phone, verified: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId));
  const phoneVerified = !!(u?.phone && u.verified);
  // As enqueueInserts decides it (outbox.ts).
  const effective: NoticeChannel = u?.chosen ?? (phoneVerified ? 'whatsapp' : 'email');
  return { chosen: u?.chosen ?? null, effective, phone: u?.phone ?? null, phoneVerified };
}

export async function setNoticeChannel(db: Db, userId: string, channel: NoticeChannel | null): Promise<void> {
  if (channel === 'whatsapp' || channel === 'sms') {
    const { phoneVerified } = await noticeChannelOf(db, userId);
    if (!phoneVerified) {
      throw invalid(
        'phone_not_verified',
        'Hubungkan nomor HP Anda lebih dahulu: kirim kode penghubung dari HP Anda ke nomor layanan kota.',
        'Link your mobile number first: send the link code from your phone to the city\'s number.',
        'channel',
      );
    }
  }
  await db.update(users).set({ noticeChannel: channel }).where(eq(users.id, userId));
}
