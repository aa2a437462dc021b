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
