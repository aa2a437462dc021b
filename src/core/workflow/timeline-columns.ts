/**
 * Columns every case timeline (report_events, kemiskinan_events) shares: who acted and when, the
 * status moved between, and what the citizen sees (public message) against what stays inside
 * (internal note). A function, so each table gets its own column builders.
 */
import { jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';

export const timelineColumns = () => ({
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  publicMessage: text('public_message'),
  internalNote: text('internal_note'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});
