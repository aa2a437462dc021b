/**
 * Working-day deadlines of a poverty complaint, counted like the aduan SLAs: the desk verifies
 * within SLA_VERIFY_WORKING_DAYS, a section acts within SLA_FOLLOW_UP_WORKING_DAYS and decides
 * within RESOLVE_WORKING_DAYS; an emergency (darurat) is verified the same working day. A periodic
 * sweep tells the desk or section once about each complaint past its deadline.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { enqueue } from '../core/notifications/outbox.js';
import * as q from './queries.js';

export const RESOLVE_WORKING_DAYS = 14;
const URGENT = { verify: 0, act: 1, resolve: 3 };

export const verifyDue = (ctx: AppContext, tx: Db, at: Date, urgent: boolean) =>
  ctx.calendar.deadline(tx, at, urgent ? URGENT.verify : ctx.config.sla.verifyWorkingDays);

export async function handlingDue(ctx: AppContext, tx: Db, at: Date, urgent: boolean) {
  return {
    followUpDueAt: await ctx.calendar.deadline(tx, at, urgent ? URGENT.act : ctx.config.sla.followUpWorkingDays),
    resolveDueAt: await ctx.calendar.deadline(tx, at, urgent ? URGENT.resolve : RESOLVE_WORKING_DAYS),
  };
}

/** A visit is due within three working days, an emergency's the next working day. */
export const visitDue = (ctx: AppContext, tx: Db, at: Date, urgent: boolean) => ctx.calendar.deadline(tx, at, urgent ? 1 : 3);

/** Tells the desk (not yet routed) or the section (routed) once about each complaint past its deadline. */
export async function kemiskinanSlaSweep(ctx: AppContext, batch = 200): Promise<number> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const due = await q.claimOverdue(tx, now, batch);
    for (const c of due) {
      const staff = await q.staffToTell(tx, c.status === 'submitted' ? { desk: true } : { section: c.section });
      await enqueue(
        tx,
        staff,
        {
          title: { id: `${c.urgent ? 'DARURAT — ' : ''}Lewat tenggat: ${c.tn}`, en: `${c.urgent ? 'EMERGENCY — ' : ''}Overdue: ${c.tn}` },
          body: { id: 'Pengaduan kemiskinan ini melewati batas hari kerja. Segera tindak lanjuti.', en: 'This poverty complaint is past its working-day deadline. Please act now.' },
          link: `/kemiskinan/pengaduan/${c.tn}`,
        },
        { email: !!ctx.config.smtp, at: now },
      );
    }
    return due.length;
  });
}
