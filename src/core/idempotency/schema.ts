import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The stored answer to a command, so that a retried request (flaky network, offline sync) repeats it. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who sent it: "user:<uuid>" or "apikey:<id>"; keys are only unique per caller. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
