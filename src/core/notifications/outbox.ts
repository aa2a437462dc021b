import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Message } from '../errors.js';
import { users } from '../auth/schema.js';
import { outbox, type MailAttachment, type PhoneChannel, type TemplateRef } from './schema.js';
import { insertJsonRows, together } from '../db/json-rows.js';

export interface Notice {
  title: Message;
  body: Message;
  link?: string;
  /** Which WhatsApp template carries it, with its parameters; without one it goes as the general notice template. */
  template?: TemplateRef;
}

/** The WhatsApp template a notice goes as: its own, or the general one with its title and text. */
const templateOf = (notice: Notice): TemplateRef => notice.template ?? { kind: 'notice', params: [notice.title.id, notice.body.id] };

/**
 * The channel a person chose besides the in-app inbox: their own choice, else WhatsApp once they
 * proved their number, else email. (SQL over the users row `u`.)
 */
const chosenChannel = sql`coalesce(u.notice_channel, case when u.phone_verified_at is not null then 'whatsapp' else 'email' end)`;

/**
 * Queue a notice for users inside the caller's transaction: it commits (or not) with the change that
 * caused it. In-app always; email too when SMTP is configured and the user has an address.
 */
export async function enqueue(db: Db, userIds: Iterable<string>, notice: Notice, opts: { email: boolean; at: Date }): Promise<void> {
  const statements = enqueueInserts([{ userIds, notice, at: opts.at }], opts);
  if (statements.length) await db.execute(together(statements));
}

type Notices = readonly { userIds: Iterable<string>; notice: Notice; at: Date }[];

/**
 * The inserts of notices, for a caller that writes them as part of a larger statement: in-app for
 * every user, and one more by the channel each chose — email (when email is on and they have an
 * address), or WhatsApp or SMS to their verified number. The database checks, so no look-up goes
 * before; a channel the city has not set up is settled by the delivery worker (SMS instead of
 * WhatsApp, or nothing).
 */
export function enqueueInserts(notices: Notices, opts: { email: boolean }): SQL[] {
  const rows = notices.flatMap(({ userIds, notice, at }) =>
    [...new Set(userIds)].map((userId) => ({ userId, title: notice.title, body: notice.body, link: notice.link ?? null, createdAt: at, availableAt: at, template: templateOf(notice) })),
  );
  if (!rows.length) return [];
  const inApp = insertJsonRows(outbox, rows.map(({ template: _, ...r }) => ({ ...r, channel: 'in_app' as const })));
  const chose = (channel: string, has: SQL) => sql`exists (select 1 from ${users} u where u.id = x.user_id and ${has} and ${chosenChannel} = ${channel})`;
  const byPhone = (['whatsapp', 'sms'] as const).map((channel) =>
    insertJsonRows(outbox, rows.map((r) => ({ ...r, channel })), { where: chose(channel, sql`u.phone is not null and u.phone_verified_at is not null`) }),
  );
  if (!opts.email) return [inApp, ...byPhone];
  const email = insertJsonRows(outbox, rows.map(({ template: _, ...r }) => ({ ...r, channel: 'email' as const })), { where: chose('email', sql`u.email is not null`) });
  return [inApp, email, ...byPhone];
}

/**
 * Queue a WhatsApp message or SMS to a number with no account behind it (a reporter who wrote from
 * it, a resident an officer filed for), in the caller's transaction; the number is cleared once it
 * is delivered. A notice goes as a template (and waits out quiet hours); `reply` is a free-form answer
 * inside a conversation the person started.
 */
export async function enqueuePhone(db: Db, phone: string, channel: PhoneChannel, message: { notice: Notice } | { reply: string }, opts: { at: Date }): Promise<void> {
  const notice = 'notice' in message ? message.notice : { title: { id: '', en: '' }, body: { id: message.reply, en: message.reply } };
  await db.insert(outbox).values({
    channel,
    address: phone,
    title: notice.title,
    body: notice.body,
    link: notice.link ?? null,
    template: 'notice' in message ? templateOf(message.notice) : null,
    createdAt: opts.at,
    availableAt: opts.at,
  });
}

/**
 * Queue an email to an address with no account behind it (a requester who filed with an email
 * only), in the caller's transaction like `enqueue`; the address is cleared once it is delivered.
 */
export async function enqueueEmail(db: Db, address: string, notice: Notice, opts: { at: Date; attachments?: MailAttachment[] }): Promise<void> {
  await db.execute(addressedEmailsInsert([{ address, notice, ...opts }]));
}

/** The insert of emails to addresses with no account behind them, for a caller that writes many at once (a group commit). */
export function addressedEmailsInsert(mails: readonly { address: string; notice: Notice; at: Date; attachments?: MailAttachment[] | undefined }[]): SQL {
  return insertJsonRows(
    outbox,
    mails.map(({ address, notice, at, attachments }) => ({
      userId: null,
      channel: 'email' as const,
      address,
      attachments: attachments?.length ? attachments : null,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      createdAt: at,
      availableAt: at,
    })),
  );
}
