import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Message } from '../errors.js';
import { users } from '../auth/schema.js';
import { outbox, type MailAttachment } from './schema.js';
import { insertJsonRows, together } from '../db/json-rows.js';

export interface Notice {
  title: Message;
  body: Message;
  link?: string;
}

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
 * every user, and email for those with an address when email is on (the database checks, so no
 * look-up goes before).
 */
export function enqueueInserts(notices: Notices, opts: { email: boolean }): SQL[] {
  const rows = notices.flatMap(({ userIds, notice, at }) =>
    [...new Set(userIds)].map((userId) => ({ userId, title: notice.title, body: notice.body, link: notice.link ?? null, createdAt: at, availableAt: at })),
  );
  if (!rows.length) return [];
  const inApp = insertJsonRows(outbox, rows.map((r) => ({ ...r, channel: 'in_app' as const })));
  if (!opts.email) return [inApp];
  const hasAddress = sql`exists (select 1 from ${users} u where u.id = x.user_id and u.email is not null)`;
  return [inApp, insertJsonRows(outbox, rows.map((r) => ({ ...r, channel: 'email' as const })), { where: hasAddress })];
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
