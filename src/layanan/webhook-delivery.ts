/**
 * Posts the webhook outbox (webhooks.ts): each due delivery is claimed with a lease, posted with
 * its HMAC-SHA256 signature, and recorded — delivered on a 2xx, otherwise tried again after an
 * exponentially growing wait, and given up after MAX_ATTEMPTS. Safe with several instances: a
 * claim skips rows another instance holds.
 *
 * The receiver checks `X-Khidmat-Signature: sha256=<hex>` = HMAC-SHA256(secret, `<timestamp>.<body>`)
 * with `X-Khidmat-Timestamp` (Unix seconds) recent, so a captured request cannot be replayed later;
 * `X-Khidmat-Delivery` is the same on every try of one delivery (a receiver keeps each once).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AppContext } from '../core/context.js';
import { deliveryRefusal, guardedLookup } from './webhook-address.js';
import * as q from './queries.js';

export const MAX_ATTEMPTS = 8;
/** The first retry waits this long, then twice as long each time (30 s … 64 min). */
export const FIRST_RETRY_MS = 30_000;
const TIMEOUT_MS = 10_000;
/** A claimed delivery's lease: longer than a try can take. */
const LEASE_MS = 4 * TIMEOUT_MS;
const BATCH = 20;

export const signatureOf = (secret: string, timestamp: string, body: string): string => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * One POST, not following redirects, within TIMEOUT_MS. Unless private addresses are allowed, an
 * internal host is refused before connecting and a name is resolved by guardedLookup, which refuses
 * internal addresses at connection time (webhook-address.ts).
 */
function post(raw: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<{ status: number | null; error: string | null }> {
  const url = new URL(raw);
  const refusal = deliveryRefusal(url, allowPrivate);
  if (refusal) return Promise.resolve({ status: null, error: refusal });
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal: AbortSignal.timeout(TIMEOUT_MS), ...(allowPrivate ? {} : { lookup: guardedLookup }) },
      (res) => {
        res.resume();
        const status = res.statusCode ?? null;
        resolve({ status, error: status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}` });
      },
    );
    request.on('error', (e: NodeJS.ErrnoException) => resolve({ status: null, error: (e.code ?? e.name ?? 'error').slice(0, 200) }));
    request.end(body);
  });
}

/** One round: every due delivery tried once. Returns how many were tried. */
export async function deliverWebhooks(ctx: AppContext): Promise<number> {
  const claimed = await q.claimDeliveries(ctx.db, ctx.clock(), LEASE_MS, BATCH);
  await Promise.all(
    claimed.map(async (d) => {
      const timestamp = String(Math.floor(ctx.clock().getTime() / 1000));
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Khidmat-Webhook/1',
        'x-khidmat-event': d.event,
        'x-khidmat-delivery': String(d.id),
        'x-khidmat-timestamp': timestamp,
        'x-khidmat-signature': signatureOf(ctx.cipher.decrypt(d.secretEncrypted), timestamp, d.body),
      };
      const { status, error } = await post(d.url, headers, d.body, ctx.config.layanan.webhookAllowPrivate);
      const at = ctx.clock();
      const attempts = d.attempts + 1;
      const delivered = status !== null && status >= 200 && status < 300;
      const given = !delivered && attempts >= MAX_ATTEMPTS;
      await q.recordAttempt(ctx.db, d.id, {
        status: delivered ? 'delivered' : given ? 'failed' : 'pending',
        attempts,
        lastStatusCode: status,
        lastError: error,
        nextAttemptAt: delivered || given ? at : new Date(at.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1)),
        deliveredAt: delivered ? at : null,
      });
    }),
  );
  return claimed.length;
}

const DAY_MS = 86_400_000;
/** Deliveries deleted per statement: a long-neglected log is pruned in short steps. */
const PRUNE_BATCH = 5_000;

/**
 * The delivery log keeps what was delivered or given up for `LAYANAN_DELIVERY_LOG_RETENTION_DAYS`
 * (each row holds the event's body); older rows are deleted. Pending deliveries are the outbox and
 * stay until they are delivered or given up. Returns how many were deleted.
 */
export async function pruneDeliveryLog(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock().getTime() - ctx.config.layanan.deliveryLogRetentionDays * DAY_MS);
  let pruned = 0;
  for (;;) {
    const n = await q.pruneDeliveries(ctx.db, before, PRUNE_BATCH);
    pruned += n;
    if (n < PRUNE_BATCH) return pruned;
  }
}
