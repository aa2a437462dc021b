/**
 * Citizens' filings under load: each request's filing is checked on its own, then the filings that
 * arrive together are written together (a group commit: one statement for all of them) and each
 * is answered with the page `GET /reports/:trackingNumber` shows its reporter. An Idempotency-Key
 * is claimed in that same statement, with its answer stored.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { claimedGroupCommit } from '../core/batch/claimed.js';
import { batchStats } from '../core/batch/batched.js';
import { claimInsert, type Claim } from '../core/idempotency/idempotency.js';
import { checkFiling, numberFilings, writeFilings, type Filed, type Filing, type ReportInput } from './intake.js';
import { filedReportView } from './reads.js';

interface Waiting {
  filing: Filing;
  claim: Claim | undefined;
}

/** Filings per statement: big enough to carry a burst, small enough to keep each answer quick. */
const MAX_BATCH = 32;

type Desk = (waiting: Waiting) => Promise<Filed | undefined>;
const desks = new WeakMap<AppContext, Desk>();

/** Writes filings at once: numbered first, so each claim stores its answer (the tracking number). */
async function fileTogether(ctx: AppContext, waiting: readonly Waiting[]): Promise<Filed[]> {
  const steps = async (db: Db) => {
    const numbered = await numberFilings(ctx, db, waiting.map((w) => w.filing));
    const claims = waiting.flatMap((w, i) => (w.claim ? [{ ...w.claim, answer: { status: 201, body: { trackingNumber: numbered[i]!.trackingNumber } } }] : []));
    return writeFilings(ctx, db, numbered, claims.length ? [claimInsert(claims)] : []);
  };
  // Photos are attached once their reports exist, so only then is a transaction needed: otherwise
  // the one statement commits by itself.
  return waiting.some((w) => w.filing.photoIds.length) ? ctx.db.transaction(steps) : steps(ctx.db);
}

function deskOf(ctx: AppContext): Desk {
  let desk = desks.get(ctx);
  if (!desk) {
    // Two batches in flight: one being written while the next gathers.
    desk = claimedGroupCommit((fresh: readonly Waiting[]) => fileTogether(ctx, fresh), { maxBatch: MAX_BATCH, slots: 2, stats: batchStats(ctx, 'report_filing') });
    desks.set(ctx, desk);
  }
  return desk;
}

/**
 * Files a citizen's report and answers with its page, or undefined when the Idempotency-Key was
 * used before: the caller then answers as a replay (or refuses a reused key).
 */
export async function fileReport(ctx: AppContext, principal: Principal, input: ReportInput, idempotencyKey: string | undefined) {
  const filing = await checkFiling(ctx, ctx.db, { kind: 'citizen', principal }, input);
  const claim = idempotencyKey ? { scope: `user:${principal.userId}`, key: idempotencyKey, request: input } : undefined;
  const filed = await deskOf(ctx)({ filing, claim });
  if (!filed) return undefined;
  return filedReportView(ctx, filed, principal);
}
