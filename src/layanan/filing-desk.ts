/**
 * Applications filed under load: each is checked and prepared on its own (service and form, the
 * applicant, NIKs encrypted, deadlines from the cached calendar), then the ones that arrive together
 * are written together (a group commit: one statement for all of them), as PPID's and the
 * complaints' intake do. An Idempotency-Key is claimed in that same statement with its answer
 * stored, and each filer is answered with the detail built from what was written.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { auditInsert } from '../core/audit/audit.js';
import { claimedGroupCommit } from '../core/batch/claimed.js';
import { batchStats } from '../core/batch/batched.js';
import { claimInsert, type Claim } from '../core/idempotency/idempotency.js';
import { numberFilings, prepareFiling, writeFilings, type Filed, type FilingRequest, type Prepared } from './applications.js';
import { filedDetail, viewedEntry, type Opds } from './reads.js';
import * as q from './queries.js';

interface Waiting {
  prepared: Prepared;
  claim: Claim | undefined;
  ip: string | undefined;
}

/** Filings per statement: big enough to carry a burst, small enough to keep each answer quick. */
const MAX_BATCH = 32;

type Desk = (waiting: Waiting) => Promise<{ filed: Filed; opds: Opds } | undefined>;
const desks = new WeakMap<AppContext, Desk>();

function deskOf(ctx: AppContext): Desk {
  let desk = desks.get(ctx);
  if (!desk) {
    desk = claimedGroupCommit(
      async (fresh: readonly Waiting[]) => {
        // The OPDs' names for the answers: one read per batch, not one per filing.
        const [numbered, opds] = await Promise.all([numberFilings(ctx, ctx.db, fresh.map((w) => w.prepared)), q.opdNames(ctx.db)]);
        const claims = fresh.flatMap((w, i) => (w.claim ? [{ ...w.claim, answer: { status: 201, body: { number: numbered[i]!.number } } }] : []));
        // A desk filing for a walk-in is answered with the applicant's identity: that look is audited with the filing.
        const views = numbered.flatMap((n, i) => (n.audience === 'desk' ? [{ actor: n.filer, entry: viewedEntry(n.number, fresh[i]!.ip), at: n.at }] : []));
        // One statement: it commits by itself, all of it or nothing.
        const filed = await writeFilings(ctx.db, numbered, [...(claims.length ? [claimInsert(claims)] : []), ...(views.length ? [auditInsert(views)] : [])]);
        return filed.map((f) => ({ filed: f, opds }));
      },
      // Two batches in flight: one being written while the next gathers.
      { maxBatch: MAX_BATCH, slots: 2, stats: batchStats(ctx, 'layanan_filing') },
    );
    desks.set(ctx, desk);
  }
  return desk;
}

/**
 * Files an application (a draft, or submitted at once) and answers with its detail, or undefined
 * when the Idempotency-Key was used before: the caller then answers as a replay (or refuses a reused key).
 */
export async function fileOnline(ctx: AppContext, p: Principal, input: FilingRequest, claim: Claim | undefined, ip: string | undefined) {
  const prepared = await prepareFiling(ctx, ctx.db, p, input);
  const done = await deskOf(ctx)({ prepared, claim, ip });
  return done ? filedDetail(ctx, done.filed, done.opds) : undefined;
}
