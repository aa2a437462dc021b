/**
 * Linking a phone number to an account: the signed-in owner gets a code, and sends it from the
 * phone to the city's number. The code holds the account and an expiry under a keyed MAC, so nothing
 * is stored until it comes back; sending it proves the number (the conversation verifies it).
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';

const VALID_MS = 30 * 60_000;
export const LINK_WORD = 'TAUTKAN';

const mac = (ctx: AppContext, userId: string, expires: string) => ctx.cipher.keyedHash(`channels-link:${userId}:${expires}`).slice(0, 20);

export function linkCode(ctx: AppContext, userId: string): { code: string; expiresAt: Date } {
  const expiresAt = new Date(ctx.clock().getTime() + VALID_MS);
  const expires = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return { code: `${userId.replaceAll('-', '')}.${expires}.${mac(ctx, userId, expires)}`, expiresAt };
}

/** The account a code names, or null when it is forged or expired. */
export function accountOfCode(ctx: AppContext, code: string): string | null {
  const m = /^([0-9a-f]{32})\.([0-9a-z]{1,10})\.([0-9a-f]{20})$/.exec(code.trim().toLowerCase());
  if (!m) return null;
  const [, hex, expires, given] = m as unknown as [string, string, string, string];
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (parseInt(expires, 36) * 1000 < ctx.clock().getTime()) return null;
  const expected = mac(ctx, userId, expires);
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given)) ? userId : null;
}
