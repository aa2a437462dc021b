/**
 * Invitations after a closed complaint: a job reads, through aduan's read model, the complaints
 * closed since its checkpoint and invites each reporter once (the database holds one invitation
 * per case), by the channels they have: an account's inbox and chosen channel, or the WhatsApp/SMS
 * number or email a reporter without an account gave, as aduan itself tells them of their report.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import { enqueue } from '../core/notifications/outbox.js';
import { contactOfReport, notifyContact } from '../aduan/index.js';
import { DESKS, invitationNotice } from './messages.js';
import { tokenHash } from './answers.js';
import * as q from './queries.js';

const BATCH = 200;
/** On the first run, complaints closed this long before are still invited; older ones are not woken. */
const FIRST_LOOKBACK_MS = 7 * 24 * 3600_000;
/** The channels on which aduan tells a reporter without an account about their report. */
const CONTACT_CHANNELS = ['whatsapp', 'sms', 'assisted'];
const COMPLAINT_DESK = DESKS.find((d) => d.kind === 'aduan_desk')!;

/** Invites the reporters of newly closed complaints; returns how many were invited. */
export async function inviteClosedComplaints(ctx: AppContext): Promise<number> {
  let invited = 0;
  for (;;) {
    const { batch, sent } = await ctx.db.transaction(async (tx) => {
      const at = ctx.clock();
      const unit = await q.unitByRef(tx, COMPLAINT_DESK.kind, COMPLAINT_DESK.ref);
      if (!unit) return { batch: 0, sent: 0 };
      const after = (await q.checkpointOf(tx, 'aduan')) ?? { at: new Date(at.getTime() - FIRST_LOOKBACK_MS), id: 0 };
      const closed = await q.closedReportsAfter(tx, after, BATCH);
      if (!closed.length) return { batch: 0, sent: 0 };
      const reachable = closed.filter((r) => r.reporterId || (r.externalReporter && CONTACT_CHANNELS.includes(r.channel)));
      const tokens = new Map(reachable.map((r) => [r.trackingNumber, crypto.randomBytes(24).toString('base64url')]));
      const rows = reachable.map((r) => ({
        unitId: unit.id,
        caseKind: 'aduan' as const,
        caseRef: r.trackingNumber,
        tokenHash: tokenHash(tokens.get(r.trackingNumber)!),
        channel: r.reporterId ? ('account' as const) : ('contact' as const),
        userId: r.reporterId,
        createdAt: at,
      }));
      const fresh = new Set((await q.insertInvitations(tx, rows)).map((i) => i.caseRef));
      for (const r of reachable.filter((x) => fresh.has(x.trackingNumber))) {
        const notice = invitationNotice(r.trackingNumber, unit.name, tokens.get(r.trackingNumber)!);
        if (r.reporterId) await enqueue(tx, [r.reporterId], notice, { email: !!ctx.config.smtp, at });
        else await notifyContact(ctx, tx, contactOfReport(ctx, r.externalReporter!), r.channel, notice, at);
      }
      const last = closed[closed.length - 1]!;
      await q.saveCheckpoint(tx, 'aduan', last.closedAt!, last.id);
      return { batch: closed.length, sent: fresh.size };
    });
    invited += sent;
    if (batch < BATCH) return invited;
  }
}
