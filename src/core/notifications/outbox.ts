import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Message } from '../errors.js';
import { users } from '../auth/schema.js';
import { outbox } from './schema.js';

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
  await enqueueMany(db, [{ userIds, notice, at: opts.at }], opts);
}

/** Many notices in one statement (a group commit of many changes), one address lookup for all. */
export async function enqueueMany(db: Db, notices: readonly { userIds: Iterable<string>; notice: Notice; at: Date }[], opts: { email: boolean }): Promise<void> {
  const each = notices.map((n) => ({ ...n, ids: [...new Set(n.userIds)] })).filter((n) => n.ids.length);
  if (!each.length) return;
  const withEmail = opts.email
    ? new Set(
        (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, [...new Set(each.flatMap((n) => n.ids))])))
          .filter((u) => u.email)
          .map((u) => u.id),
      )
    : new Set<string>();
  await db.insert(outbox).values(
    each.flatMap(({ ids, notice, at }) => {
      const base = { title: notice.title, body: notice.body, link: notice.link ?? null, createdAt: at, availableAt: at };
      return [
        ...ids.map((userId) => ({ ...base, userId, channel: 'in_app' as const })),
        ...ids.filter((id) => withEmail.has(id)).map((userId) => ({ ...base, userId, channel: 'email' as const })),
      ];
    }),
  );
}
