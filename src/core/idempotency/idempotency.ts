import crypto from 'node:crypto';
import { and, eq, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { insertJsonRows } from '../db/json-rows.js';
import { isUniqueViolation } from '../db/errors.js';
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
}

const idOf = (c: { scope: string; key: string }) => `${c.scope}\n${c.key}`;

/**
 * The first claim of each key, in one order, so that two batches of claims never wait on each
 * other in opposite orders. A later claim of a key in the same batch is a repeat: it waits for the
 * first and is answered as its replay.
 */
export function firstClaims<C extends Claim>(claims: readonly C[]): C[] {
  const byId = new Map<string, C>();
  for (const c of claims) if (!byId.has(idOf(c))) byId.set(idOf(c), c);
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

/**
 * The insert of claims whose answers are known before the command runs (a group commit numbers
 * its filings first), for a caller that writes them in the command's own statement. A key used
 * before fails that statement as a whole (`isKeyTaken`), so nothing of the command is written.
 */
export function claimInsert(claims: readonly (Claim & { answer: { status: number; body: unknown } })[]): SQL {
  return insertJsonRows(
    idempotencyKeys,
    firstClaims(claims).map((c) => ({ scope: c.scope, key: c.key, requestHash: hashOf(c.request), status: c.answer.status, response: c.answer.body as object })),
  );
}

const keyConstraint = getTableConfig(idempotencyKeys).primaryKeys[0]!.getName();
export const isKeyTaken = (error: unknown): boolean => isUniqueViolation(error, keyConstraint);

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
    const requestHash = hashOf(request);
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash, status: 0, response: {} })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (!claimed.length) {
      const [prior] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!prior || prior.requestHash !== requestHash) {
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
