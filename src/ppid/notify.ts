/**
 * Reaching a requester: in the app when they have an account, and by email at the address on the
 * form (a requester needs no account). The written notice goes with its answer documents attached
 * when the requester asked for delivery by email.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { enqueue, enqueueEmail, type Notice } from '../core/notifications/outbox.js';
import type { MailAttachment } from '../core/notifications/schema.js';
import type { RequestRow } from './queries.js';

export async function notifyRequester(ctx: AppContext, tx: Db, row: RequestRow, notice: Notice, at: Date, attachments: MailAttachment[] = []): Promise<void> {
  const email = !!ctx.config.smtp;
  // The form's address is where the requester asked to be reached; the account's only when it has none.
  if (row.requesterId) await enqueue(tx, [row.requesterId], notice, { email: email && !row.email, at });
  if (email && row.email) await enqueueEmail(tx, row.email, notice, { at, attachments: row.deliveryMethod === 'email' ? attachments : [] });
}
