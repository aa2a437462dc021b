import { boolean, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { opds } from '../reference/schema.js';
import type { Role } from './roles.js';

export type { Role } from './roles.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').$type<Role>().notNull(),
    /** OPD staff belong to exactly one OPD; triage admins to Diskominfo. */
    opdId: integer('opd_id').references(() => opds.id),
    fullName: text('full_name').notNull(),
    email: text('email').unique(),
    phone: text('phone').unique(),
    /** Set when the owner proved the number by writing from it to the city's WhatsApp or SMS number. */
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    /** How notices reach them besides the in-app inbox; null: WhatsApp with a verified number, else email. */
    noticeChannel: text('notice_channel', { enum: ['whatsapp', 'sms', 'email'] }),
    /** AES-256-GCM token; only the citizen themself ever sees it decrypted. */
    nikEncrypted: text('nik_encrypted'),
    /** Keyed hash for "one account per NIK" and register look-ups without plain NIK in queries. */
    nikHash: text('nik_hash').unique(),
    nikMasked: text('nik_masked'),
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Account deleted at the citizen's request: personal fields are wiped, reports stay anonymised. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Staff account switched off by an admin: cannot log in until reactivated; data stays. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Set when someone else chose the password (an admin's temporary one): the owner must replace it first. */
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
  },
  (t) => [index('users_opd_idx').on(t.opdId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token: a leaked table cannot be replayed. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Keys for Open311 and other API clients that file reports on a citizen's behalf. */
export const apiKeys = pgTable('api_keys', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
