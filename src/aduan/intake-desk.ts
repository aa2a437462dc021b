/**
 * Citizens' filings under load: each request's filing is checked on its own, then the filings that
 * arrive together are written together (a group commit, one statement per table) and each is
 * answered from the rows it wrote. The answer is the same page `GET /reports/:trackingNumber` shows
 * the reporter; an Idempotency-Key is claimed in the same transaction with that answer stored.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { groupCommit } from '../core/batch/group-commit.js';
import { claimKeys, type Claim } from '../core/idempotency/idempotency.js';
import { checkFiling, numberFilings, writeFilings, type Filing, type ReportInput } from './intake.js';
import { filedReportViews } from './reads.js';

interface Waiting {
  filing: Filing;
  principal: Principal;
  claim: Claim | undefined;
}

type Page = Awaited<ReturnType<typeof filedReportViews>>[number];

/** Filings per transaction: big enough to carry a burst, small enough to keep each answer quick. */
const MAX_BATCH = 32;

type Desk = (waiting: Waiting) => Promise<Page | undefined>;
const desks = new WeakMap<AppContext, Desk>();

function deskOf(ctx: AppContext): Desk {
  let desk = desks.get(ctx);
  if (!desk) {
    desk = groupCommit(
      ctx.db,
      async (tx, batch) => {
        const numbered = await numberFilings(ctx, tx, batch.map((w) => w.filing));
        const claims = batch.map((w, i): Claim | undefined => w.claim && { ...w.claim, answer: { status: 201, body: { trackingNumber: numbered[i]!.trackingNumber } } });
        const claimed = await claimKeys(tx, claims.filter((c): c is Claim => !!c));
        // A key already used (or used twice in this batch) is not filed again: its caller replays.
        const fresh = batch.flatMap((w, i) => (!claims[i] || claimed.has(claims[i]) ? [i] : []));
        const filed = await writeFilings(ctx, tx, fresh.map((i) => numbered[i]!));
        const pages = await filedReportViews(ctx, tx, filed.map((f, j) => ({ ...f, principal: batch[fresh[j]!]!.principal })));
        const pageOf = new Map(fresh.map((i, j) => [i, pages[j]]));
        return batch.map((_, i) => pageOf.get(i));
      },
      // Two transactions in flight: one being written while the next batch gathers.
      { maxBatch: MAX_BATCH, slots: 2 },
    );
    desks.set(ctx, desk);
  }
  return desk;
}

/**
 * Files a citizen's report and answers with its page, or undefined when the Idempotency-Key was
 * used before: the caller then answers as a replay (or refuses a reused key).
 */
export async function fileReport(ctx: AppContext, principal: Principal, input: ReportInput, idempotencyKey: string | undefined): Promise<Page | undefined> {
  const filing = await checkFiling(ctx, ctx.db, { kind: 'citizen', principal }, input);
  const claim = idempotencyKey ? { scope: `user:${principal.userId}`, key: idempotencyKey, request: input } : undefined;
  return deskOf(ctx)({ filing, principal, claim });
}
