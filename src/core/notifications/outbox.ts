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
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const withEmail = opts.email
    ? new Set(
        (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)))
          .filter((u) => u.email)
          .map((u) => u.id),
      )
    : new Set<string>();
  const base = { title: notice.title, body: notice.body, link: notice.link ?? null, createdAt: opts.at, availableAt: opts.at };
  await db.insert(outbox).values([
    ...ids.map((userId) => ({ ...base, userId, channel: 'in_app' as const })),
    ...[...withEmail].map((userId) => ({ ...base, userId, channel: 'email' as const })),
  ]);
}
