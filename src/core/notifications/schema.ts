import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';
import type { Message } from '../errors.js';

/** The channels a notice goes by: the in-app inbox, email, WhatsApp (Cloud API) and SMS (an HTTP gateway). */
export const CHANNELS = ['in_app', 'email', 'whatsapp', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels to a phone number. */
export type PhoneChannel = Extract<Channel, 'whatsapp' | 'sms'>;

/**
 * A WhatsApp notice outside a conversation must be an approved template: which one (by its role; the
 * configured names map it) and its body parameters. Null: a free-form reply inside a conversation
 * the person started — exempt from quiet hours.
 */
export interface TemplateRef {
  kind: 'status' | 'notice';
  params: string[];
}

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
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** An email address or phone number when there is no account; it and the row's link (which may hold a secret) are cleared once delivered. */
    address: text('address'),
    /** Files sent with an email (from the file store), e.g. the documents answering a request. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    title: jsonb('title').$type<Message>().notNull(),
    body: jsonb('body').$type<Message>().notNull(),
    link: text('link'),
    template: jsonb('template').$type<TemplateRef>(),
    /**
     * 'sending': a WhatsApp or SMS message handed to its provider, not yet confirmed (available_at is
     * then the lease's end); 'skipped': not to be sent (the number opted out, or no number).
     */
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed', 'skipped'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The provider's id of a sent WhatsApp message or SMS: its delivery status webhooks name it. */
    providerMessageId: text('provider_message_id'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.availableAt),
    index('outbox_provider_message_idx').on(t.providerMessageId),
    // In-app rows go to an account; an email, WhatsApp message or SMS may go to a bare address (cleared once delivered).
    check('outbox_recipient', sql`${t.userId} is not null or ${t.channel} <> 'in_app'`),
  ],
);

/**
 * Phone numbers that wrote to the city (WhatsApp or SMS): whether they opted out (replied STOP or
 * BERHENTI — nothing is sent to them afterwards), and when they last wrote (WhatsApp allows free-form
 * replies for 24 hours after). Numbers in international form without '+', as WhatsApp gives them.
 */
export const phoneContacts = pgTable('phone_contacts', {
  phone: text('phone').primaryKey(),
  optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
  lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Delivery status webhooks as received (sent, delivered, read, failed), kept as the delivery's record. */
export const deliveryStatuses = pgTable(
  'delivery_statuses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    channel: text('channel', { enum: ['whatsapp', 'sms'] }).notNull(),
    providerMessageId: text('provider_message_id'),
    status: text('status').notNull(),
    error: text('error'),
    /** When the provider says the status happened. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delivery_statuses_outbox_idx').on(t.outboxId), index('delivery_statuses_provider_idx').on(t.providerMessageId)],
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
