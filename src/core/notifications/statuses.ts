/**
 * Delivery status webhooks (WhatsApp's statuses, an SMS gateway's delivery reports): each is kept,
 * a message still 'sending' is settled by it, and a WhatsApp notice that failed goes by SMS.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { deliveryStatuses, outbox, type PhoneChannel } from './schema.js';
import { SENT_STATUSES, smsFallback } from './phone-delivery.js';

export interface DeliveryStatus {
  /** Our outbox id, from the ref the provider echoes; else found by the provider's message id. */
  outboxId: number | null;
  providerMessageId: string | null;
  status: string;
  at: Date;
  error?: string | null | undefined;
  /** The number it went to, as the provider names it (for the SMS of a failed WhatsApp notice). */
  recipient?: string | null | undefined;
}

/** 'outbox-123' → 123. */
export const outboxIdOf = (ref: string | null | undefined): number | null => {
  const m = /^outbox-(\d{1,15})$/.exec(ref ?? '');
  return m ? Number(m[1]) : null;
};

export async function recordStatuses(ctx: AppContext, channel: PhoneChannel, statuses: readonly DeliveryStatus[]): Promise<void> {
  if (!statuses.length) return;
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const unknown = statuses.filter((s) => s.outboxId === null && s.providerMessageId).map((s) => s.providerMessageId!);
    const byProvider = new Map(
      unknown.length
        ? (await tx.select({ id: outbox.id, pid: outbox.providerMessageId }).from(outbox).where(inArray(outbox.providerMessageId, unknown))).map((r) => [r.pid!, r.id])
        : [],
    );
    for (const s of statuses) {
      const outboxId = s.outboxId ?? (s.providerMessageId ? byProvider.get(s.providerMessageId) : undefined) ?? null;
      // A provider resends a webhook it thinks failed (and the same body carries messages, which may have failed): once is kept.
      if (s.providerMessageId && (await seen(tx, s.providerMessageId, s.status))) continue;
      await tx.insert(deliveryStatuses).values({ outboxId, channel, providerMessageId: s.providerMessageId, status: s.status, error: s.error ?? null, at: s.at, receivedAt: now });
      if (outboxId === null) continue;
      if (SENT_STATUSES.includes(s.status)) {
        await tx.update(outbox).set({ status: 'delivered', deliveredAt: now, address: null }).where(and(eq(outbox.id, outboxId), eq(outbox.status, 'sending')));
      } else if (s.status === 'failed') {
        const [row] = await tx
          .update(outbox)
          .set({ status: 'failed', lastError: (s.error ?? 'failed').slice(0, 500) })
          .where(and(eq(outbox.id, outboxId), sql`${outbox.status} in ('sending', 'delivered')`))
          .returning();
        if (row && channel === 'whatsapp' && s.recipient) await smsFallback(ctx, tx, row, s.recipient, now);
      }
    }
  });
}

async function seen(db: AppContext['db'], providerMessageId: string, status: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deliveryStatuses.id })
    .from(deliveryStatuses)
    .where(and(eq(deliveryStatuses.providerMessageId, providerMessageId), eq(deliveryStatuses.status, status)))
    .limit(1);
  return !!row;
}
