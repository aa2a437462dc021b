/**
 * The periodic SLA sweep: closes resolved reports the reporter left unanswered (SP4N-LAPOR!'s rule)
 * and tells each OPD once about its dispositions that went past their working-day deadline.
 */
import type { AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { enqueue } from '../core/notifications/outbox.js';
import { act } from './actions.js';
import * as q from './queries.js';

export async function slaSweep(ctx: AppContext, batch = 200): Promise<{ autoClosed: number; overdueNotified: number }> {
  const now = ctx.clock();
  let autoClosed = 0;
  for (const { trackingNumber } of await q.dueForAutoClose(ctx.db, now, batch)) {
    try {
      await ctx.db.transaction((tx) => act(ctx, tx, null, trackingNumber, 'auto_close', {}, now));
      autoClosed++;
    } catch (err) {
      // Another instance, or the reporter, got there first: the report is no longer 'resolved'.
      if (!(err instanceof AppError && err.code === 'invalid_transition')) throw err;
    }
  }

  const overdueNotified = await ctx.db.transaction(async (tx) => {
    const due = await q.newlyOverdueDispositions(tx, now, batch);
    const claimed = new Set(await q.claimOverdueNotice(tx, due.map((d) => d.id), now));
    for (const d of due.filter((x) => claimed.has(x.id))) {
      await enqueue(
        tx,
        await q.staffOfOpds(tx, [d.opdId]),
        {
          title: { id: `Lewat tenggat: ${d.trackingNumber}`, en: `Overdue: ${d.trackingNumber}` },
          body: {
            id: 'Disposisi ini melewati batas waktu hari kerja. Segera tindak lanjuti.',
            en: 'This disposition is past its working-day deadline. Please follow up now.',
          },
          link: `/staf/laporan/${d.trackingNumber}`,
        },
        { email: !!ctx.config.smtp, at: now },
      );
    }
    return claimed.size;
  });
  return { autoClosed, overdueNotified };
}
