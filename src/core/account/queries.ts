/** All SQL of the account module: password reset tokens and what the platform keeps about a person. */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from '../audit/schema.js';
import { sessions, users } from '../auth/schema.js';
import { uploads } from '../files/schema.js';
import { idempotencyKeys } from '../idempotency/schema.js';
import { notifications, outbox } from '../notifications/schema.js';
import { passwordResetTokens } from './schema.js';

export async function activeUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt), isNull(users.deactivatedAt)))
    .limit(1);
  return user;
}

export async function resetTokensSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertResetToken(db: Db, values: typeof passwordResetTokens.$inferInsert): Promise<void> {
  await db.insert(passwordResetTokens).values(values);
}

/** Locked so two simultaneous uses of one token cannot both succeed. */
export async function claimResetToken(db: Db, tokenHash: string) {
  const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, tokenHash)).for('update');
  return row;
}

/** Every open token of the user dies with the one that was used. */
export async function useResetTokens(db: Db, userId: string, at: Date): Promise<void> {
  await db.update(passwordResetTokens).set({ usedAt: at }).where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  // Chosen by the owner through the e-mailed code: a temporary password is replaced too.
  await db.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null, passwordChangeRequired: false }).where(eq(users.id, userId));
}

export async function userRow(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

export const sessionsOf = (db: Db, userId: string) =>
  db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt));

export const notificationsOf = (db: Db, userId: string) =>
  db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt));

export const uploadsOf = (db: Db, userId: string) =>
  db
    .select({ id: uploads.id, mime: uploads.mime, width: uploads.width, height: uploads.height, bytes: uploads.bytes, createdAt: uploads.createdAt, attachedAt: uploads.attachedAt })
    .from(uploads)
    .where(eq(uploads.ownerId, userId))
    .orderBy(asc(uploads.createdAt));

/** What the person did themself, as the audit log recorded it. */
export const ownAuditEntries = (db: Db, userId: string) =>
  db
    .select({ at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(asc(auditLog.at));

/**
 * Wipes the person from the platform's own tables. The row itself stays as a tombstone (deleted_at)
 * so that audit entries and report events keep a stable, now meaningless, id.
 */
export async function erasePerson(db: Db, userId: string, at: Date): Promise<void> {
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(outbox).where(eq(outbox.userId, userId));
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.scope, `user:${userId}`));
  await db.update(uploads).set({ ownerId: null }).where(eq(uploads.ownerId, userId));
  await db
    .update(users)
    .set({
      fullName: 'Akun dihapus',
      email: null,
      phone: null,
      nikEncrypted: null,
      nikHash: null,
      nikMasked: null,
      passwordHash: null,
      failedLogins: 0,
      lockedUntil: null,
      deletedAt: at,
    })
    .where(eq(users.id, userId));
}
