import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.js';

/**
 * A processed upload. Photos are uploaded first and then referenced by id, so that a report (or a
 * follow-up) can be retried with its idempotency key without sending the photos again.
 */
export const uploads = pgTable('uploads', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  fileKey: text('file_key').notNull().unique(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when a report or follow-up takes the upload; unattached ones are swept after a day. */
  attachedAt: timestamp('attached_at', { withTimezone: true }),
});

/**
 * A checked document (PDF, XLSX, CSV) an officer uploads to attach to a case: an answer to an
 * information request, a catalogue file. Same life as a photo upload: unattached ones are swept.
 */
export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  fileKey: text('file_key').notNull().unique(),
  mime: text('mime').notNull(),
  name: text('name').notNull(),
  bytes: integer('bytes').notNull(),
  pages: integer('pages'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  attachedAt: timestamp('attached_at', { withTimezone: true }),
});
