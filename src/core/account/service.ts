/**
 * A person's own account beyond log-in: resetting a forgotten password, and their rights under
 * UU 27/2022 (Pelindungan Data Pribadi) to see everything the platform holds about them and to
 * have their account erased.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Principal } from '../auth/principal.js';
import { audit } from '../audit/audit.js';
import { AppError, invalid } from '../errors.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, revokeAllSessions } from '../auth/sessions.js';
import { forgetPrincipals } from '../auth/principal-cache.js';
import { enqueue } from '../notifications/outbox.js';
import type { PersonalDataHolder } from '../module.js';
import * as q from './queries.js';

const RESET_TTL_MS = 60 * 60_000;
/** More requests than this per hour for one account are dropped silently (no mail bombing). */
const RESETS_PER_HOUR = 3;

/**
 * Always succeeds from the caller's point of view, whether or not the address has an account, so
 * the form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(ctx: AppContext, rawEmail: string, ip?: string): Promise<void> {
  const now = ctx.clock();
  const user = await q.activeUserByEmail(ctx.db, rawEmail.trim().toLowerCase());
  if (!user) return;
  if ((await q.resetTokensSince(ctx.db, user.id, new Date(now.getTime() - 60 * 60_000))) >= RESETS_PER_HOUR) return;
  const token = crypto.randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await q.insertResetToken(tx, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
    await enqueue(
      tx,
      [user.id],
      {
        title: { id: 'Atur ulang kata sandi Khidmat', en: 'Reset your Khidmat password' },
        body: {
          id: `Buka tautan di bawah (berlaku 1 jam, sekali pakai) atau masukkan kode ini di halaman "Lupa kata sandi": ${token}. Abaikan pesan ini jika Anda tidak memintanya.`,
          en: `Open the link below (valid for 1 hour, single use) or enter this code on the "Forgot password" page: ${token}. Ignore this message if you did not ask for it.`,
        },
        link: `/sandi-baru?token=${token}`,
      },
      { email: true, at: now },
    );
    await audit(tx, null, { action: 'password_reset.request', entity: 'user', entityId: user.id, ip }, now);
  });
}

const badToken = () =>
  invalid(
    'reset_token_invalid',
    'Kode atur ulang tidak berlaku: salah, sudah dipakai, atau kedaluwarsa. Minta kode baru.',
    'The reset code is not valid: wrong, already used or expired. Ask for a new one.',
    'token',
  );

/** Sets the new password, spends every open token of the account and ends all its sessions. */
export async function completePasswordReset(ctx: AppContext, token: string, newPassword: string, ip?: string): Promise<void> {
  const now = ctx.clock();
  const passwordHash = await hashPassword(newPassword);
  const userId = await ctx.db.transaction(async (tx) => {
    const row = await q.claimResetToken(tx, hashToken(token));
    if (!row || row.usedAt || row.expiresAt <= now) throw badToken();
    const user = await q.userRow(tx, row.userId);
    if (!user || user.deletedAt || user.deactivatedAt) throw badToken();
    await q.setPassword(tx, user.id, passwordHash);
    await q.useResetTokens(tx, user.id, now);
    await revokeAllSessions(tx, user.id);
    await audit(tx, null, { action: 'password_reset.complete', entity: 'user', entityId: user.id, ip }, now);
    return user.id;
  });
  forgetPrincipals({ userId });
}

/** Each module's sections of the export, one after the other (PGlite runs one transaction at a time). */
async function modulesPart(ctx: AppContext, holders: readonly PersonalDataHolder[], p: Principal): Promise<Record<string, unknown>> {
  const part: Record<string, unknown> = {};
  for (const h of holders) {
    for (const [key, value] of Object.entries(await h.export(ctx, p))) {
      if (key in part) throw new Error(`two modules export a section named ${key}`);
      part[key] = value;
    }
  }
  return part;
}

/** Everything the platform holds about the caller, as one JSON document: core's part and every module's. */
export async function exportPersonalData(ctx: AppContext, holders: readonly PersonalDataHolder[], p: Principal, ip?: string) {
  const now = ctx.clock();
  const user = await q.userRow(ctx.db, p.userId);
  if (!user) throw invalid('account_missing', 'Akun tidak ditemukan.', 'Account not found.', 'account');
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const data = {
    exportedAt: now.toISOString(),
    account: {
      id: user.id,
      role: user.role,
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      nik: user.nikEncrypted ? ctx.cipher.decrypt(user.nikEncrypted) : null,
      createdAt: user.createdAt.toISOString(),
    },
    sessions: (await q.sessionsOf(ctx.db, p.userId)).map((s) => ({ createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), userAgent: s.userAgent })),
    ...(await modulesPart(ctx, holders, p)),
    notifications: (await q.notificationsOf(ctx.db, p.userId)).map((n) => ({ title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) })),
    uploads: (await q.uploadsOf(ctx.db, p.userId)).map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), attachedAt: iso(u.attachedAt) })),
    activity: (await q.ownAuditEntries(ctx.db, p.userId)).map((a) => ({ ...a, at: a.at.toISOString() })),
  };
  await ctx.db.transaction((tx) => audit(tx, p, { action: 'account.export', entity: 'user', entityId: p.userId, ip }, now));
  return data;
}

/**
 * Erases a citizen's account. What they filed in every module stays for the city's work and
 * statistics, unlinked from them; the NIK (ciphertext and hash), contacts, sessions and inbox are gone. Staff accounts are
 * switched off by an administrator instead, since their actions are part of the official record.
 */
export async function deleteAccount(
  ctx: AppContext,
  holders: readonly PersonalDataHolder[],
  p: Principal,
  password: string,
  ip?: string,
): Promise<{ reports: number }> {
  if (p.role !== 'citizen') {
    throw new AppError(403, 'staff_account', {
      id: 'Akun petugas tidak dapat dihapus sendiri; hubungi administrator.',
      en: 'Staff accounts cannot delete themselves; contact the administrator.',
    });
  }
  const user = await q.userRow(ctx.db, p.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw invalid('wrong_password', 'Kata sandi salah.', 'Wrong password.', 'password');
  }
  const now = ctx.clock();
  const deleted = await ctx.db.transaction(async (tx) => {
    let reports = 0;
    for (const h of holders) reports += await h.erase(tx, p.userId, now);
    await q.erasePerson(tx, p.userId, now);
    await revokeAllSessions(tx, p.userId);
    await audit(tx, p, { action: 'account.delete', entity: 'user', entityId: p.userId, detail: { reportsUnlinked: reports }, ip }, now);
    return { reports };
  });
  forgetPrincipals({ userId: p.userId });
  return deleted;
}
