/**
 * An OPD's keys for the incoming API. The OPD admin issues one for their OPD's own system (shown
 * once; only its SHA-256 is kept, like session tokens) and revokes it. A key acts with the
 * authority of the admin who issued it, within that OPD — the same lifecycle table and step rules
 * as the desk — and stops working when that account leaves the OPD's admin role.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { AppError, notFound } from '../core/errors.js';
import * as q from './queries.js';

const API_KEY = { id: 'Kunci API', en: 'API key' };
/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
const PREFIX = 'khl_';

const hashOf = (key: string): string => crypto.createHash('sha256').update(key).digest('hex');

/** Only an OPD admin of an OPD holds its keys. */
const opdOf = (p: Principal): number => {
  if (p.role !== 'opd_admin' || p.opdId === null) throw notFound(API_KEY);
  return p.opdId;
};

export async function issueOpdKey(ctx: AppContext, p: Principal, name: string) {
  const opdId = opdOf(p);
  const key = PREFIX + crypto.randomBytes(32).toString('base64url');
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertApiKey(tx, { opdId, name: name.trim(), keyHash: hashOf(key), issuedById: p.userId, createdAt: at });
    await audit(tx, p, { action: 'layanan.api_key.issue', entity: 'layanan_api_key', entityId: row.id, detail: { name: row.name } }, at);
    return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), key };
  });
}

export async function listOpdKeys(ctx: AppContext, p: Principal) {
  const rows = await q.apiKeysOf(ctx.db, opdOf(p));
  return rows.map((k) => ({ id: k.id, name: k.name, issuedBy: k.issuedBy, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }));
}

/** Revoking twice is not an error; another OPD's key is not found. */
export async function revokeOpdKey(ctx: AppContext, p: Principal, id: number): Promise<void> {
  const opdId = opdOf(p);
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const done = await q.revokeApiKey(tx, opdId, id, at);
    if (done === 'none') throw notFound(API_KEY);
    if (done === 'revoked') await audit(tx, p, { action: 'layanan.api_key.revoke', entity: 'layanan_api_key', entityId: id }, at);
  });
}

/** The caller the key acts as, with the key's id for the audit; a missing or dead key is 401, a staff session without one 403. */
export async function keyPrincipal(ctx: AppContext, authorization: string | undefined, session: Principal | null): Promise<Principal & { keyId: number }> {
  const key = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const found = key.startsWith(PREFIX) ? await q.liveApiKey(ctx.db, hashOf(key), ctx.clock()) : undefined;
  if (found) return { userId: found.userId, role: 'opd_admin', opdId: found.opdId, fullName: `${found.fullName} (API: ${found.name})`, keyId: found.id };
  if (session) {
    throw new AppError(403, 'opd_key_required', { id: 'Gunakan kunci API OPD, bukan sesi masuk.', en: 'Use an OPD API key, not a login session.' }, { field: 'Authorization' });
  }
  throw new AppError(401, 'api_key_invalid', { id: 'Kunci API tidak ada, salah, atau sudah dicabut.', en: 'The API key is missing, wrong or revoked.' }, { field: 'Authorization' });
}
