/**
 * What the aduan module holds about one citizen, for their data request (UU 27/2022 on personal
 * data protection), and the unlinking of their reports when they delete their account: the reports
 * stay (the city still has to fix the road) but nothing leads back to the person any more.
 */
import { eq, or, sql } from 'drizzle-orm';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { reportEvents, reportFollowers, reports } from './schema.js';
import { reportDetail } from './reads.js';

type Detail = Awaited<ReturnType<typeof reportDetail>>;

/** Every report the citizen filed or follows, each as the citizen sees it (with its public timeline). */
export async function reportsHeldAbout(ctx: AppContext, p: Principal) {
  const rows = await ctx.db
    .select({ trackingNumber: reports.trackingNumber, mine: sql<boolean>`${reports.reporterId} = ${p.userId}` })
    .from(reports)
    .where(
      or(
        eq(reports.reporterId, p.userId),
        sql`exists (select 1 from ${reportFollowers} where ${reportFollowers.reportId} = ${reports.id} and ${reportFollowers.userId} = ${p.userId})`,
      ),
    )
    .orderBy(reports.id);
  const filed: Detail[] = [];
  const followed: Detail[] = [];
  for (const row of rows) {
    const detail = await reportDetail(ctx, p, row.trackingNumber);
    (row.mine ? filed : followed).push(detail);
  }
  return { filed, followed };
}

/** Removes every link from reports to the citizen; returns how many reports they had filed. */
export async function unlinkReporter(tx: Db, userId: string): Promise<number> {
  const filed = await tx.update(reports).set({ reporterId: null }).where(eq(reports.reporterId, userId)).returning({ id: reports.id });
  await tx.update(reportEvents).set({ actorId: null }).where(eq(reportEvents.actorId, userId));
  await tx.delete(reportFollowers).where(eq(reportFollowers.userId, userId));
  return filed.length;
}

