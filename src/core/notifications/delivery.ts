import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { AppContext } from '../context.js';
import { users } from '../auth/schema.js';
import { notifications, outbox } from './schema.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** The outbox id: a receiving server drops a resend after a crash as the same message. */
  messageId: string;
}
export type Mailer = (mail: Mail) => Promise<void>;

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, attachments: mail.attachments ?? [] });
  };
}

const MAX_ATTEMPTS = 8;
type OutboxRow = typeof outbox.$inferSelect;

/**
 * Deliver due outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers (or
 * instances) never take the same row; the in-app copies and the 'delivered' marks commit together,
 * so a crash before commit redelivers and the unique outbox_id stops a second copy. In-app rows go
 * as one insert and one update per batch (a busy hour files hundreds of reports a minute); e-mails
 * one by one, each with its own retry. `beforeCommit` exists for the crash test. (WhatsApp and SMS
 * go their own way: phone-delivery.ts.)
 */
export async function deliverDue(
  ctx: AppContext,
  mailer: Mailer | undefined,
  opts: { batch?: number; beforeCommit?: () => void } = {},
): Promise<number> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.channel, ['in_app', 'email']), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.id))
      .limit(opts.batch ?? 100)
      .for('update', { skipLocked: true });
    const inApp = due.filter((row) => row.channel === 'in_app');
    if (inApp.length) {
      await tx
        .insert(notifications)
        // In-app rows always have an account (the outbox_recipient check).
        .values(inApp.map((row) => ({ outboxId: row.id, userId: row.userId!, title: row.title, body: row.body, link: row.link, createdAt: row.createdAt })))
        .onConflictDoNothing();
    }
    const delivered = inApp.map((row) => row.id);
    for (const row of due.filter((r) => r.channel === 'email')) {
      try {
        await sendEmail(ctx, tx, row, mailer);
        delivered.push(row.id);
      } catch (err) {
        const attempts = row.attempts + 1;
        // Exponential back-off: 1, 2, 4 … minutes; then give up and leave it for an operator.
        await tx
          .update(outbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            availableAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
            lastError: String(err).slice(0, 500),
          })
          .where(eq(outbox.id, row.id));
      }
    }
    if (delivered.length) {
      await tx
        .update(outbox)
        // A delivered email to a bare address keeps neither the address nor its link (a secret link, say).
        .set({ status: 'delivered', deliveredAt: now, attempts: sql`${outbox.attempts} + 1`, address: null, link: sql`case when ${outbox.userId} is null then null else ${outbox.link} end` })
        .where(inArray(outbox.id, delivered));
    }
    opts.beforeCommit?.();
    return due.length;
  });
}

async function sendEmail(ctx: AppContext, db: AppContext['db'], row: OutboxRow, mailer: Mailer | undefined): Promise<void> {
  if (!mailer) throw new Error('SMTP is not configured');
  const to = row.address ?? (row.userId ? (await db.select({ email: users.email }).from(users).where(eq(users.id, row.userId)))[0]?.email : null);
  if (!to) return;
  const publicUrl = ctx.config.publicUrl;
  const attachments = await Promise.all((row.attachments ?? []).map(async (a) => ({ filename: a.name, content: await ctx.storage.get(a.fileKey), contentType: a.mime })));
  await mailer({
    to,
    ...(attachments.length ? { attachments } : {}),
    subject: row.title.id,
    // In-app links are paths; an email needs the address the public reaches the platform at.
    text: `${row.body.id}\n\n${row.body.en}${row.link ? `\n\n${absolute(row.link, publicUrl)}` : ''}`,
    messageId: `<outbox-${row.id}@khidmat>`,
  });
}

function absolute(link: string, publicUrl: string | undefined): string {
  return publicUrl && link.startsWith('/') ? `${publicUrl}${link}` : link;
}
