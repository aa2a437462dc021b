/**
 * Invitations after a finished case: a job reads, through each source module's read model, the
 * complaints closed, the Layanan applications issued and the information requests answered since
 * its checkpoint, and invites each person once (the database holds one invitation per case) to the
 * survey of the unit that served them, by the channels they have: an account's inbox and chosen
 * channel, or the WhatsApp/SMS number or email a person without an account gave.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { enqueue } from '../core/notifications/outbox.js';
import { reachContact, type Send } from '../core/notifications/reach.js';
import { contactOfReport, notifyContact } from '../aduan/index.js';
import { answeredRequestsAfter } from '../ppid/read-model.js';
import { DESKS, invitationNotice } from './messages.js';
import { tokenHash } from './answers.js';
import type { CaseKind } from './schema.js';
import * as q from './queries.js';

const BATCH = 200;
/** On the first run, cases finished this long before are still invited; older ones are not woken. */
const FIRST_LOOKBACK_MS = 7 * 24 * 3600_000;
/** The channels on which aduan tells a reporter without an account about their report. */
const CONTACT_CHANNELS = ['whatsapp', 'sms', 'assisted'];
const desk = (kind: 'aduan_desk' | 'ppid_desk') => DESKS.find((d) => d.kind === kind)!;

type Point = { at: Date; id: number };
/** A finished case to invite: the unit that served it, the account if any, and how to reach the person. */
interface Finished {
  ref: string;
  unit: q.Unit;
  userId: string | null;
  notify: Send;
}
/** What one read of a source gives: the cases to invite and the point it read up to (null: nothing new). */
interface Read {
  rows: number;
  last: Point | null;
  cases: Finished[];
}
type Source = (ctx: AppContext, tx: Db, after: Point) => Promise<Read>;

const byAccount = (ctx: AppContext, userId: string): Send => (tx, notice, at) => enqueue(tx, [userId], notice, { email: !!ctx.config.smtp, at });

const lastOf = <T>(rows: T[], point: (r: T) => Point): Point | null => (rows.length ? point(rows[rows.length - 1]!) : null);

const SOURCES: Record<CaseKind, Source> = {
  /** Closed complaints: the complaint desk's survey; reporters without an account as aduan itself reaches them. */
  async aduan(ctx, tx, after) {
    const unit = await q.unitByRef(tx, 'aduan_desk', desk('aduan_desk').ref);
    const closed = await q.closedReportsAfter(tx, after, BATCH);
    const cases = unit
      ? closed.flatMap((r): Finished[] => {
          if (r.reporterId) return [{ ref: r.trackingNumber, unit, userId: r.reporterId, notify: byAccount(ctx, r.reporterId) }];
          if (!r.externalReporter || !CONTACT_CHANNELS.includes(r.channel)) return [];
          const contact = contactOfReport(ctx, r.externalReporter);
          return [{ ref: r.trackingNumber, unit, userId: null, notify: (t, notice, at) => notifyContact(ctx, t, contact, r.channel, notice, at) }];
        })
      : [];
    return { rows: closed.length, last: lastOf(closed, (r) => ({ at: r.closedAt!, id: r.id })), cases };
  },
  /** Issued applications: the survey of the service applied for (an internal service has none). */
  async layanan(ctx, tx, after) {
    const issued = await q.issuedApplicationsAfter(tx, after, BATCH);
    const units = new Map((await q.unitsByRefs(tx, 'layanan', [...new Set(issued.map((a) => a.serviceCode))])).map((u) => [u.ref, u]));
    const cases = issued.flatMap((a): Finished[] => {
      const unit = units.get(a.serviceCode);
      const notify = a.applicantId ? byAccount(ctx, a.applicantId) : reachContact(ctx.config, a);
      return unit && notify ? [{ ref: a.number, unit, userId: a.applicantId, notify }] : [];
    });
    return { rows: issued.length, last: lastOf(issued, (a) => ({ at: a.issuedAt!, id: a.id })), cases };
  },
  /** Answered information requests: the PPID desk's survey. */
  async ppid(ctx, tx, after) {
    const unit = await q.unitByRef(tx, 'ppid_desk', desk('ppid_desk').ref);
    const answered = await answeredRequestsAfter(tx, after, BATCH);
    const cases = answered.flatMap((r): Finished[] => {
      const notify = r.requesterId ? byAccount(ctx, r.requesterId) : reachContact(ctx.config, r);
      return unit && notify ? [{ ref: r.registrationNumber, unit, userId: r.requesterId, notify }] : [];
    });
    return { rows: answered.length, last: lastOf(answered, (r) => ({ at: r.answeredAt!, id: r.id })), cases };
  },
};

/** Invites the people of newly finished cases of one source, a batch per transaction; returns how many were invited. */
async function inviteFrom(ctx: AppContext, kind: CaseKind): Promise<number> {
  let invited = 0;
  for (;;) {
    const { rows, sent } = await ctx.db.transaction(async (tx) => {
      const at = ctx.clock();
      const after = (await q.checkpointOf(tx, kind)) ?? { at: new Date(at.getTime() - FIRST_LOOKBACK_MS), id: 0 };
      const read = await SOURCES[kind](ctx, tx, after);
      if (!read.last) return { rows: 0, sent: 0 };
      const tokens = new Map(read.cases.map((c) => [c.ref, crypto.randomBytes(24).toString('base64url')]));
      const fresh = new Set(
        (
          await q.insertInvitations(
            tx,
            read.cases.map((c) => ({ unitId: c.unit.id, caseKind: kind, caseRef: c.ref, tokenHash: tokenHash(tokens.get(c.ref)!), channel: c.userId ? ('account' as const) : ('contact' as const), userId: c.userId, createdAt: at })),
          )
        ).map((i) => i.caseRef),
      );
      for (const c of read.cases.filter((x) => fresh.has(x.ref))) await c.notify(tx, invitationNotice(kind, c.ref, c.unit.name, tokens.get(c.ref)!), at);
      await q.saveCheckpoint(tx, kind, read.last.at, read.last.id);
      return { rows: read.rows, sent: fresh.size };
    });
    invited += sent;
    if (rows < BATCH) return invited;
  }
}

/** The job: units brought in step with the services, then every source's new invitations; returns how many were invited. */
export async function inviteFinishedCases(ctx: AppContext): Promise<number> {
  await q.syncUnits(ctx.db, DESKS);
  let invited = 0;
  for (const kind of Object.keys(SOURCES) as CaseKind[]) invited += await inviteFrom(ctx, kind);
  return invited;
}
