/**
 * Applications filed under load: what the ones that arrive together are checked against (services,
 * forms, the filers' accounts) is read at once; each is then checked and prepared on its own (the
 * applicant, NIKs encrypted, deadlines from the cached calendar), and the ones that arrive together
 * are written together (a group commit: one statement for all of them), as PPID's and the
 * complaints' intake do. An Idempotency-Key is claimed in that same statement with its answer
 * stored, and each filer is answered with the detail built from what was written.
 */
import type { AppContext } from '../core/context.js';
import type { Principal } from '../core/auth/principal.js';
import { auditInsert } from '../core/audit/audit.js';
import { claimedGroupCommit } from '../core/batch/claimed.js';
import { batched, batchStats } from '../core/batch/batched.js';
import { claimInsert, type Claim } from '../core/idempotency/idempotency.js';
import { numberFilings, prepareFiling, writeFilings, type Filed, type FilingRequest, type Prepared, type ToFileReader } from './applications.js';
import { filedDetail, viewedEntry } from './reads.js';
import * as q from './queries.js';

interface Waiting {
  prepared: Prepared;
  claim: Claim | undefined;
  ip: string | undefined;
}

/** Filings per statement: big enough to carry a burst, small enough to keep each answer quick. */
const MAX_BATCH = 32;

interface Desk {
  read: ToFileReader;
  write: (waiting: Waiting) => Promise<Filed | undefined>;
}
const desks = new WeakMap<AppContext, Desk>();

function deskOf(ctx: AppContext): Desk {
  let desk = desks.get(ctx);
  if (!desk) {
    // What the filings that arrive together are checked against, in one read for all of them.
    const read = batched(
      async (filings: readonly Parameters<ToFileReader>[0][]) => (await q.servicesToFile(ctx.db, filings)).map((value) => ({ status: 'fulfilled' as const, value })),
      { maxBatch: MAX_BATCH, slots: 2, stats: batchStats(ctx, 'layanan_filing_read') },
    );
    const write = claimedGroupCommit(
      async (fresh: readonly Waiting[]) => {
        const numbered = await numberFilings(ctx, ctx.db, fresh.map((w) => w.prepared));
        const claims = fresh.flatMap((w, i) => (w.claim ? [{ ...w.claim, answer: { status: 201, body: { number: numbered[i]!.number } } }] : []));
        // A desk filing for a walk-in is answered with the applicant's identity: that look is audited with the filing.
        const views = numbered.flatMap((n, i) => (n.audience === 'desk' ? [{ actor: n.filer, entry: viewedEntry(n.number, fresh[i]!.ip), at: n.at }] : []));
        // One statement: it commits by itself, all of it or nothing.
        return writeFilings(ctx.db, numbered, [...(claims.length ? [claimInsert(claims)] : []), ...(views.length ? [auditInsert(views)] : [])]);
      },
      // Two batches in flight: one being written while the next gathers.
      { maxBatch: MAX_BATCH, slots: 2, stats: batchStats(ctx, 'layanan_filing') },
    );
    desks.set(ctx, (desk = { read, write }));
  }
  return desk;
}

/**
 * Files an application (a draft, or submitted at once) and answers with its detail, or undefined
 * when the Idempotency-Key was used before: the caller then answers as a replay (or refuses a reused key).
 */
export async function fileOnline(ctx: AppContext, p: Principal, input: FilingRequest, claim: Claim | undefined, ip: string | undefined) {
  const desk = deskOf(ctx);
  const prepared = await prepareFiling(ctx, ctx.db, p, input, ctx.clock(), desk.read);
  const done = await desk.write({ prepared, claim, ip });
  return done ? filedDetail(ctx, done) : undefined;
}
