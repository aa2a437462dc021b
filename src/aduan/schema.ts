import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  uniqueIndex,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../core/db/columns.js';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import { kelurahan, opds, roads } from '../core/reference/schema.js';
import { PUBLIC_STATUSES, REPORT_CLASSES, REPORT_STATUSES, type OutsideAuthority } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Tracking numbers: gaps after a rolled-back submission are fine, a lock on every intake is not. */
export const reportTrackingSeq = pgSequence('report_tracking_seq');

/** Top level: the six khidmat of Dumai Berkhidmat; below them the sub-categories a citizen picks. */
export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  parentId: integer('parent_id'),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  defaultOpdId: integer('default_opd_id').references(() => opds.id),
  resolveWorkingDays: integer('resolve_working_days').notNull().default(14),
  /** Road damage: jurisdiction (national / provincial / city road) decides who repairs it. */
  isRoad: boolean('is_road').notNull().default(false),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** How a report reached the city. */
export const REPORT_CHANNELS = ['web', 'open311', 'demo', 'whatsapp', 'sms', 'assisted'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** The public statuses as SQL literals: the planner can match a partial index's predicate only to constants. */
export const publicStatusList = PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ');

export const reports = pgTable(
  'reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trackingNumber: text('tracking_number').notNull().unique(),
    class: text('class', { enum: REPORT_CLASSES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    kelurahanCode: text('kelurahan_code')
      .notNull()
      .references(() => kelurahan.code),
    address: text('address'),
    roadId: integer('road_id').references(() => roads.id),
    jurisdiction: text('jurisdiction', { enum: ['kota', 'provinsi', 'nasional'] }).notNull().default('kota'),
    targetOpdId: integer('target_opd_id').references(() => opds.id),
    anonymous: boolean('anonymous').notNull().default(false),
    confidential: boolean('confidential').notNull().default(false),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    /** Reporters without an account (Open311, WhatsApp, SMS, assisted filing): encrypted JSON {name,email,phone}. */
    externalReporter: text('external_reporter'),
    channel: text('channel', { enum: REPORT_CHANNELS }).notNull().default('web'),
    /** The officer or volunteer who filed it on the resident's behalf (assisted intake). */
    assistedById: uuid('assisted_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    verifyDueAt: ts('verify_due_at').notNull(),
    followUpDueAt: ts('follow_up_due_at'),
    resolveDueAt: ts('resolve_due_at'),
    autoCloseAt: ts('auto_close_at'),
    verifiedAt: ts('verified_at'),
    dispositionedAt: ts('dispositioned_at'),
    firstFollowUpAt: ts('first_follow_up_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    postponedUntil: date('postponed_until', { mode: 'string' }),
    outsideAuthority: jsonb('outside_authority').$type<OutsideAuthority>(),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('indonesian', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(address, ''))`,
    ),
  },
  (t) => [
    index('reports_status_created_idx').on(t.status, t.createdAt),
    index('reports_created_idx').on(t.createdAt),
    // Public lists walk only public reports: a backlog awaiting triage (170,000 in a test) is not
    // stepped over (120 ms → 1 ms), and filings, which start unverified, never write this index.
    index('reports_public_created_idx').on(t.createdAt).where(sql.raw(`not confidential and status in (${publicStatusList})`)),
    // An OPD's history (every report it was ever given) walks only reports that reached an OPD.
    index('reports_dispositioned_created_idx').on(t.createdAt).where(sql`dispositioned_at is not null`),
    // The dashboard's weekly "resolved" trend reads by resolution time.
    index('reports_resolved_idx').on(t.resolvedAt),
    // The satisfaction survey's invitations walk closed reports by closing time, from a checkpoint.
    index('reports_closed_idx').on(t.closedAt, t.id).where(sql`status = 'closed'`),
    index('reports_category_idx').on(t.categoryId, t.createdAt),
    index('reports_kelurahan_idx').on(t.kelurahanCode, t.createdAt),
    index('reports_reporter_idx').on(t.reporterId),
    index('reports_point_idx').on(t.lat, t.lng),
    index('reports_search_idx').using('gin', t.search),
  ],
);

/** A report forwarded to an OPD; co-handling gives one report several active dispositions. */
export const dispositions = pgTable(
  'dispositions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    /** The report's arrival (which never changes), so an OPD's inbox is one walk of an index in the lists' order. */
    reportCreatedAt: ts('report_created_at').notNull(),
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    role: text('role', { enum: ['lead', 'co'] }).notNull(),
    instruction: text('instruction'),
    status: text('status', { enum: ['active', 'returned', 'forwarded', 'done'] }).notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    followUpDueAt: ts('follow_up_due_at').notNull(),
    acceptedAt: ts('accepted_at'),
    firstFollowUpAt: ts('first_follow_up_at'),
    doneAt: ts('done_at'),
    /** Set when the SLA sweep has told the OPD that this disposition is overdue, so it tells once. */
    overdueNotifiedAt: ts('overdue_notified_at'),
  },
  (t) => [
    index('dispositions_opd_idx').on(t.opdId, t.status),
    index('dispositions_report_idx').on(t.reportId),
    // An OPD's live work, newest report first: its inbox reads 20 entries, however few of its
    // dispositions are active and however many reports wait elsewhere. Also: an OPD handles a report once at a time.
    uniqueIndex('dispositions_opd_active_idx').on(t.opdId, t.reportCreatedAt, t.reportId).where(sql`status = 'active'`),
  ],
);

/** The timeline: public replies reach the citizen, internal notes never do. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    ...timelineColumns(),
    actorOpdId: integer('actor_opd_id').references(() => opds.id),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.at)],
);

export const reportPhotos = pgTable(
  'report_photos',
  {
    uploadId: uuid('upload_id')
      .primaryKey()
      .references(() => uploads.id),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    /** Evidence photos hang off the follow-up event that brought them. */
    eventId: bigint('event_id', { mode: 'number' }).references(() => reportEvents.id),
    kind: text('kind', { enum: ['report', 'evidence'] }).notNull(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId)],
);

/** Who else gets updates: reporters of duplicates merged into this report. */
export const reportFollowers = pgTable(
  'report_followers',
  {
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.userId] })],
);
