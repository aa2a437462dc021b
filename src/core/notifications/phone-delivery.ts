/**
 * Delivery of WhatsApp messages and SMS from the outbox. A provider cannot drop a resend the way a
 * mail server drops a known Message-ID, so a message is claimed first: marked 'sending' with a lease
 * and committed, then handed to the provider, then marked delivered. A worker that dies between
 * (kill -9) leaves it 'sending'; when the lease runs out, the message counts as sent if a status
 * webhook for it (WhatsApp's biz_opaque_callback_data, the gateway's ref) arrived meanwhile, and is
 * sent again only if none did; so is a send the provider never answered. Quiet hours hold notices until the morning, the number's rate limit
 * is kept, and a number that opted out gets nothing.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Config } from '../../config.js';
import { users } from '../auth/schema.js';
import { deliveryStatuses, outbox, type PhoneChannel } from './schema.js';
import { bareNumber, ProviderRefusal, type Messenger, type OutgoingMessage } from './messenger.js';
import { whatsappMessenger } from './whatsapp.js';
import { smsMessenger, SMS_MAX_CHARS } from './sms.js';
import { optedOut } from './contacts.js';
import { inQuietHours, quietHoursEnd } from './quiet-hours.js';

export type Messengers = Partial<Record<PhoneChannel, Messenger>>;

export function messengersOf(config: Config): Messengers {
  return {
    ...(config.whatsapp ? { whatsapp: whatsappMessenger(config.whatsapp) } : {}),
    ...(config.sms ? { sms: smsMessenger(config.sms) } : {}),
  };
}

/** How long a claimed message waits for its provider's word before it may be sent again. */
export const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 8;
const PHONE_CHANNELS: PhoneChannel[] = ['whatsapp', 'sms'];
type Row = typeof outbox.$inferSelect;
interface Claimed {
  row: Row;
  channel: PhoneChannel;
  message: OutgoingMessage;
}

/** Statuses that mean the provider took the message. */
export const SENT_STATUSES = ['sent', 'delivered', 'read'];

/**
 * One round: settle expired leases, claim what may go now, send each. `beforeSend` and `afterSend`
 * exist for the crash tests (a throw there is the process dying at that point).
 */
export async function deliverMessages(
  ctx: AppContext,
  messengers: Messengers,
  opts: { batch?: number; beforeSend?: (id: number) => void; afterSend?: (id: number) => void } = {},
): Promise<number> {
  const now = ctx.clock();
  await settleExpiredLeases(ctx, now);
  const claimed = await claim(ctx, messengers, now, opts.batch ?? 50);
  for (const c of claimed) {
    opts.beforeSend?.(c.row.id);
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await messengers[c.channel]!(c.message));
    } catch (err) {
      await failed(ctx, c, err, now);
      continue;
    }
    opts.afterSend?.(c.row.id);
    await ctx.db
      .update(outbox)
      .set({
        providerMessageId,
        // A status webhook may have come first (and said 'failed'): only a message still out is marked.
        status: sql`case when ${outbox.status} = 'sending' then 'delivered' else ${outbox.status} end`,
        deliveredAt: now,
        // A bare number and the link (which may hold a secret) are not kept once it is sent.
        address: null,
        link: sql`case when ${outbox.userId} is null then null else ${outbox.link} end`,
      })
      .where(eq(outbox.id, c.row.id));
  }
  return claimed.length;
}

/** Leases run out: sent if a status webhook says so, otherwise back in the queue. */
async function settleExpiredLeases(ctx: AppContext, now: Date): Promise<void> {
  const expired = and(eq(outbox.status, 'sending'), lte(outbox.availableAt, now));
  const heard = sql`exists (select 1 from ${deliveryStatuses} d where d.outbox_id = ${outbox.id} and d.status in ${SENT_STATUSES})`;
  await ctx.db.update(outbox).set({ status: 'delivered', deliveredAt: now, address: null }).where(and(expired, heard));
  await ctx.db.update(outbox).set({ status: 'pending', availableAt: now }).where(expired);
}

async function claim(ctx: AppContext, messengers: Messengers, now: Date, batch: number): Promise<Claimed[]> {
  const { config } = ctx;
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.channel, PHONE_CHANNELS), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.id))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const userIds = [...new Set(due.flatMap((r) => (r.userId ? [r.userId] : [])))];
    const numbers = new Map(
      userIds.length
        ? (await tx.select({ id: users.id, phone: users.phone, verified: users.phoneVerifiedAt }).from(users).where(inArray(users.id, userIds))).map((u) => [
            u.id,
            u.phone && u.verified ? bareNumber(u.phone) : null,
          ])
        : [],
    );
    const toOf = (r: Row) => r.address ?? (r.userId ? numbers.get(r.userId) : null) ?? null;
    const stopped = await optedOut(tx, due.flatMap((r) => toOf(r) ?? []));
    const room = await roomPerChannel(ctx, tx, now);
    const claimed: Claimed[] = [];
    for (const row of due) {
      const to = toOf(row);
      // WhatsApp not set up here: the same notice by SMS if that is.
      const channel: PhoneChannel | undefined = messengers[row.channel as PhoneChannel] ? (row.channel as PhoneChannel) : messengers.sms ? 'sms' : undefined;
      const skip = !channel ? 'channel not configured' : !to ? 'no verified number' : stopped.has(to) ? 'opted out' : null;
      if (skip) {
        await tx.update(outbox).set({ status: 'skipped', lastError: skip, address: null }).where(eq(outbox.id, row.id));
        continue;
      }
      if (row.template && config.quietHours && inQuietHours(now, config.quietHours)) {
        await tx.update(outbox).set({ availableAt: quietHoursEnd(now, config.quietHours) }).where(eq(outbox.id, row.id));
        continue;
      }
      if (room[channel!]-- <= 0) continue;
      await tx
        .update(outbox)
        .set({ status: 'sending', channel: channel!, attempts: row.attempts + 1, availableAt: new Date(now.getTime() + LEASE_MS) })
        .where(eq(outbox.id, row.id));
      claimed.push({ row: { ...row, attempts: row.attempts + 1 }, channel: channel!, message: messageOf(config, row, channel!, to!) });
    }
    return claimed;
  });
}

/** Messages each channel may still send this minute (its provider's limit). */
async function roomPerChannel(ctx: AppContext, db: AppContext['db'], now: Date): Promise<Record<PhoneChannel, number>> {
  const since = new Date(now.getTime() - 60_000);
  const rows = await db
    .select({ channel: outbox.channel, n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(inArray(outbox.channel, PHONE_CHANNELS), sql`(${outbox.status} = 'sending' or (${outbox.status} = 'delivered' and ${outbox.deliveredAt} > ${since}))`))
    .groupBy(outbox.channel);
  const used = (c: PhoneChannel) => Number(rows.find((r) => r.channel === c)?.n ?? 0);
  return { whatsapp: (ctx.config.whatsapp?.perMinute ?? 0) - used('whatsapp'), sms: (ctx.config.sms?.perMinute ?? 0) - used('sms') };
}

function messageOf(config: Config, row: Row, channel: PhoneChannel, to: string): OutgoingMessage {
  const link = row.link ? (config.publicUrl && row.link.startsWith('/') ? `${config.publicUrl}${row.link}` : row.link) : null;
  // A reply is its text; a notice by SMS its title, text and link.
  const text = row.template ? [row.title.id, row.body.id, link].filter(Boolean).join('\n') : row.body.id;
  const wa = config.whatsapp;
  const template = channel === 'whatsapp' && row.template && wa ? { name: wa.templates[row.template.kind], language: wa.templateLanguage, params: row.template.params } : undefined;
  return { to, text: text.slice(0, channel === 'sms' ? SMS_MAX_CHARS : 4096), template, ref: `outbox-${row.id}` };
}

/**
 * A send that failed. Refused by the provider: retried later with back-off, or given up — a WhatsApp
 * notice then goes by SMS. Unanswered (a timeout, a dropped connection), the provider may have taken
 * it: it stays 'sending' and its lease decides, by the status webhook, whether it goes again.
 */
async function failed(ctx: AppContext, c: Claimed, err: unknown, now: Date): Promise<void> {
  const lastError = String(err).slice(0, 500);
  if (!(err instanceof ProviderRefusal) && c.row.attempts < MAX_ATTEMPTS) {
    await ctx.db.update(outbox).set({ lastError }).where(eq(outbox.id, c.row.id));
    return;
  }
  const permanent = (err instanceof ProviderRefusal && err.permanent) || c.row.attempts >= MAX_ATTEMPTS;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({
        status: permanent ? 'failed' : 'pending',
        availableAt: new Date(now.getTime() + 60_000 * 2 ** (c.row.attempts - 1)),
        lastError,
      })
      .where(eq(outbox.id, c.row.id));
    if (permanent && c.channel === 'whatsapp') await smsFallback(ctx, tx, c.row, c.message.to, now);
  });
}

/** The same notice by SMS when WhatsApp could not carry it (the number has no WhatsApp, say); replies stay in their channel. */
export async function smsFallback(ctx: AppContext, db: AppContext['db'], row: Row, to: string, at: Date): Promise<void> {
  if (!ctx.config.sms || !row.template) return;
  await db.insert(outbox).values({
    userId: row.userId,
    channel: 'sms',
    address: row.userId ? null : to,
    title: row.title,
    body: row.body,
    link: row.link,
    template: row.template,
    createdAt: at,
    availableAt: at,
  });
}
