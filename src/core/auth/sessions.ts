import crypto from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { forgetPrincipals, type SessionPrincipal } from './principal-cache.js';
import { sessions, users, type Role } from './schema.js';

export const SESSION_COOKIE = 'khidmat_session';
const CITIZEN_TTL_MS = 30 * 24 * 3600_000;
// Staff sessions are short: a shared office computer left logged in exposes other people's data.
const STAFF_TTL_MS = 12 * 3600_000;

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

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

/** The session look-up, prepared once per database: it runs on every request, so the database plans it once. */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
const prepareLookup = (db: Db) =>
  db
    .select({
      tokenHash: sessions.tokenHash,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      role: users.role,
      opdId: users.opdId,
      fullName: users.fullName,
      passwordChangeRequired: users.passwordChangeRequired,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        sql`${sessions.tokenHash} = any(${sql.placeholder('hashes')}::text[])`,
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.deletedAt),
        isNull(users.deactivatedAt),
      ),
    )
    .prepare('session_lookup');

/** The callers behind hashed session tokens, in one query; a hash without a live session is absent. */
export async function sessionsForTokenHashes(db: Db, hashes: readonly string[], now: Date): Promise<Map<string, SessionPrincipal>> {
  if (!hashes.length) return new Map();
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const rows = await lookup.execute({ hashes, now });
  return new Map(rows.map(({ tokenHash, expiresAt, ...principal }) => [tokenHash, { principal, expiresAt }]));
}

export async function revokeSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  forgetPrincipals({ tokenHash });
}

export async function revokeAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  // Inside a transaction this comes before the commit: callers forget again once it committed.
  forgetPrincipals({ userId });
}
