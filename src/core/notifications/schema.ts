import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import type { Message } from '../errors.js';

export interface MailAttachment {
  fileKey: string;
  name: string;
  mime: string;
}

/**
 * Transactional outbox: a state change writes its notifications in the same transaction, and the
 * worker delivers them later, so a crash between commit and delivery loses nothing.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The account notified; null for an email to an address only (a requester without an account). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['in_app', 'email'] }).notNull(),
    /** An email's address when there is no account; it and the row's link (which may hold a secret) are cleared once delivered. */
    address: text('address'),
    /** Files sent with an email (from the file store), e.g. the documents answering a request. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    title: jsonb('title').$type<Message>().notNull(),
    body: jsonb('body').$type<Message>().notNull(),
    link: text('link'),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.availableAt),
    // In-app rows go to an account; an email may go to a bare address (cleared once delivered).
    check('outbox_recipient', sql`${t.userId} is not null or ${t.channel} = 'email'`),
  ],
);

/** In-app inbox. outbox_id is unique: a redelivered outbox row can never appear twice. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<Message>().notNull(),
    body: jsonb('body').$type<Message>().notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
