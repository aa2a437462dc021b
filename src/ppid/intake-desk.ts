/**
 * Information requests filed on the web under load: each is checked on its own, then the ones that
 * arrive together are written together (a group commit: one statement for all of them), as the
 * complaint intake does. An Idempotency-Key is claimed in that same statement, its answer stored
 * with the secret link's key encrypted (the request keeps only its hash).
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { claimedGroupCommit } from '../core/batch/claimed.js';
import { batchStats } from '../core/batch/batched.js';
import { claimInsert, type Claim } from '../core/idempotency/idempotency.js';
import { numberRequests, prepareRequest, writeRequests, type Prepared, type RequestInput } from './intake.js';
import type { RequestRow } from './queries.js';

interface Waiting {
  prepared: Prepared;
  claim: Claim | undefined;
}
export interface Filed {
  row: RequestRow;
  token: string;
}

/** Requests per statement: big enough to carry a burst, small enough to keep each answer quick. */
const MAX_BATCH = 32;

type Desk = (waiting: Waiting) => Promise<Filed | undefined>;
const desks = new WeakMap<AppContext, Desk>();

/** The answer kept with a claimed key: enough to answer a retry exactly as the first time. */
export const claimAnswer = (ctx: AppContext, registrationNumber: string, token: string) => ({ registrationNumber, tokenEncrypted: ctx.cipher.encrypt(token) });

function deskOf(ctx: AppContext): Desk {
  let desk = desks.get(ctx);
  if (!desk) {
    desk = claimedGroupCommit(
      async (fresh: readonly Waiting[]) => {
        const numbered = await numberRequests(ctx, ctx.db, fresh.map((w) => w.prepared));
        const claims = fresh.flatMap((w, i) => (w.claim ? [{ ...w.claim, answer: { status: 201, body: claimAnswer(ctx, numbered[i]!.registrationNumber, w.prepared.token) } }] : []));
        // One statement: it commits by itself, all of it or nothing.
        const rows = await writeRequests(ctx, ctx.db, numbered, claims.length ? [claimInsert(claims)] : []);
        return rows.map((row, i) => ({ row, token: fresh[i]!.prepared.token }));
      },
      // Two batches in flight: one being written while the next gathers.
      { maxBatch: MAX_BATCH, slots: 2, stats: batchStats(ctx, 'ppid_filing') },
    );
    desks.set(ctx, desk);
  }
  return desk;
}

/**
 * Files a request from the web form (anyone, with or without an account), or undefined when the
 * Idempotency-Key was used before: the caller then answers as a replay (or refuses a reused key).
 */
export async function fileRequestOnline(ctx: AppContext, filer: Principal | null, input: RequestInput, scope: string, idempotencyKey: string | undefined): Promise<Filed | undefined> {
  const prepared = await prepareRequest(ctx, ctx.db, filer, input);
  const claim = idempotencyKey ? { scope, key: idempotencyKey, request: input } : undefined;
  return deskOf(ctx)({ prepared, claim });
}
