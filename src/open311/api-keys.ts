/**
 * API keys of Open311 clients. Only the SHA-256 of a key is stored, like session tokens: a leaked
 * table cannot be used to file reports. The plain key is shown once, when it is issued.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { notFound } from '../core/errors.js';
import * as q from './queries.js';

const API_KEY = { id: 'Kunci API', en: 'API key' };

const hashOf = (key: string): string => crypto.createHash('sha256').update(key).digest('hex');

export async function issueApiKey(ctx: AppContext, p: Principal, name: string) {
  const key = crypto.randomBytes(32).toString('base64url');
  const at = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertApiKey(tx, { name: name.trim(), keyHash: hashOf(key), createdBy: p.userId, createdAt: at });
    await audit(tx, p, { action: 'api_key.issue', entity: 'api_key', entityId: row.id, detail: { name: row.name } }, at);
    return { ...row, key };
  });
}

export async function listApiKeys(ctx: AppContext) {
  const rows = await q.allApiKeys(ctx.db);
  return rows.map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }));
}

/** Revoking twice is not an error: the key is revoked either way, and the first time stays recorded. */
export async function revokeApiKey(ctx: AppContext, p: Principal, id: number): Promise<void> {
  const at = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const row = await q.lockApiKey(tx, id);
    if (!row) throw notFound(API_KEY);
    if (row.revokedAt) return;
    await q.revokeApiKey(tx, id, at);
    await audit(tx, p, { action: 'api_key.revoke', entity: 'api_key', entityId: id }, at);
  });
}

/** The id of the live key, or null; hashes are compared, so the plain key never reaches SQL. */
export async function apiKeyId(ctx: AppContext, key: string | undefined): Promise<number | null> {
  if (!key) return null;
  return (await q.liveApiKeyId(ctx.db, hashOf(key))) ?? null;
}
