/**
 * The status page's one table: when each background-job heartbeat last ran. The job queue (timers in
 * one process, or BullMQ on any instance) writes it, every instance's status check reads it, so a
 * stalled queue shows on every instance's status page.
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const statusHeartbeats = pgTable('status_heartbeats', {
  name: text('name').primaryKey(),
  beatAt: timestamp('beat_at', { withTimezone: true }).notNull(),
});
