import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { CONVERSATION_STATES, type ConversationState, type Draft } from './conversation.js';

/**
 * One conversation per phone number with the city's WhatsApp or SMS number: where it stands in the
 * filing dialogue and what the reporter has given so far. It goes once the report is filed or the
 * dialogue is abandoned (a day without an answer).
 */
export const conversations = pgTable(
  'channel_conversations',
  {
    phone: text('phone').primaryKey(),
    channel: text('channel', { enum: ['whatsapp', 'sms'] }).notNull(),
    state: text('state', { enum: CONVERSATION_STATES }).$type<ConversationState>().notNull(),
    draft: jsonb('draft').$type<Draft>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('channel_conversations_updated_idx').on(t.updatedAt)],
);

/** Ids of incoming messages already handled: WhatsApp and SMS gateways resend a webhook they think failed. */
export const inboundSeen = pgTable(
  'channel_inbound_seen',
  {
    id: text('id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('channel_inbound_seen_received_idx').on(t.receivedAt)],
);
