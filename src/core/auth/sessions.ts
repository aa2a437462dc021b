import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Principal } from './principal.js';
import { sessions, users, type Role } from './schema.js';

export const SESSION_COOKIE = 'khidmat_session';
const CITIZEN_TTL_MS = 30 * 24 * 3600_000;
// Staff sessions are short: a shared office computer left logged in exposes other people's data.
const STAFF_TTL_MS = 12 * 3600_000;

const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  user: { id: string; role: Role },
  now: Date,
  userAgent?: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (user.role === 'citizen' ? CITIZEN_TTL_MS : STAFF_TTL_MS));
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export async function principalForToken(db: Db, token: string, now: Date): Promise<Principal | null> {
  if (token.length > 100) return null;
  const [row] = await db
    .select({ userId: users.id, role: users.role, opdId: users.opdId, fullName: users.fullName, passwordChangeRequired: users.passwordChangeRequired })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.deletedAt), isNull(users.deactivatedAt)))
    .limit(1);
  return row ?? null;
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
