import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { invalid } from '../errors.js';
import { idempotencyKeys } from './schema.js';

export interface Stored<T> {
  status: number;
  body: T;
  /** True when this is the answer to an earlier request with the same key. */
  replayed: boolean;
}

const hashOf = (body: unknown): string => crypto.createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');

export interface Claim {
  scope: string;
  key: string;
  request: unknown;
  /** The answer, when it is known before the command runs (a group commit allocates it first). */
  answer?: { status: number; body: unknown };
}

/**
 * Claims keys inside the caller's transaction and tells which were claimed; a key held by a
 * transaction still running is waited for. Claimed in one order, so that two batches of claims
 * never wait on each other in opposite orders.
 */
export async function claimKeys(tx: Db, claims: readonly Claim[]): Promise<Set<Claim>> {
  if (!claims.length) return new Set();
  const idOf = (c: { scope: string; key: string }) => `${c.scope}\n${c.key}`;
  // Two claims of one key in one batch: the first in line may hold it, the second is a repeat.
  const byId = new Map<string, Claim>();
  for (const c of claims) if (!byId.has(idOf(c))) byId.set(idOf(c), c);
  const firsts = [...byId.keys()].sort().map((id) => byId.get(id)!);
  const rows = await tx
    .insert(idempotencyKeys)
    .values(firsts.map((c) => ({ scope: c.scope, key: c.key, requestHash: hashOf(c.request), status: c.answer?.status ?? 0, response: (c.answer?.body ?? {}) as object })))
    .onConflictDoNothing()
    .returning({ scope: idempotencyKeys.scope, key: idempotencyKeys.key });
  return new Set(rows.map((r) => byId.get(idOf(r))!));
}

/**
 * Run a command once per (scope, key). The key row is claimed inside the command's transaction: a
 * concurrent duplicate waits on it and then receives the stored answer; a failed command rolls the
 * claim back so the client can retry. Without a key the command simply runs.
 */
export async function idempotent<T>(
  db: Db,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: (tx: Db) => Promise<{ status: number; body: T }>,
): Promise<Stored<T>> {
  return db.transaction(async (tx) => {
    if (!key) return { ...(await run(tx)), replayed: false };
    if (!(await claimKeys(tx, [{ scope, key, request }])).size) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!prior || prior.requestHash !== hashOf(request)) {
        throw invalid(
          'idempotency_key_reused',
          'Kunci idempotensi ini sudah dipakai untuk permintaan lain.',
          'This idempotency key was already used for a different request.',
          'Idempotency-Key',
        );
      }
      return { status: prior.status, body: prior.response as T, replayed: true };
    }
    const result = await run(tx);
    await tx
      .update(idempotencyKeys)
      .set({ status: result.status, response: result.body as object })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    return { ...result, replayed: false };
  });
}
