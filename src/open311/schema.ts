import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { apiKeys } from '../core/auth/schema.js';
import { reports } from '../aduan/read-model.js';

/**
 * Open311 lets a client poll a token for the service_request_id. We hand out a random token per
 * report filed through Open311; the api key that filed it is kept so a misbehaving client's reports
 * can be found after its key is revoked.
 */
export const open311Tokens = pgTable(
  'open311_tokens',
  {
    token: text('token').primaryKey(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('open311_tokens_report_idx').on(t.reportId)],
);
