/**
 * Tables of the e-monev module (monitoring and evaluation of the OPDs' activities): the DPA's
 * programmes, kegiatan and sub-kegiatan with their budgets and monthly plans, the OPDs' monthly
 * realisation reports with their timeline and photos, and the complaints a sub-kegiatan answers.
 * Only staff act here; their links go when an account is deleted, the records stay for the city.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../core/auth/schema.js';
import { opds } from '../core/reference/schema.js';
import { uploads } from '../core/files/schema.js';
import { REPORT_STATUSES } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const staff = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/** Program of an OPD in a budget year (Kepmendagri 050 code, e.g. 1.03.10). */
export const emonevProgrammes = pgTable(
  'emonev_programmes',
  {
    id: serial('id').primaryKey(),
    opdId: integer('opd_id').notNull().references(() => opds.id),
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [unique('emonev_programmes_code').on(t.opdId, t.year, t.code)],
);

/** Kegiatan: a grouping of sub-kegiatan under a programme. */
export const emonevActivities = pgTable(
  'emonev_activities',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id').notNull().references(() => emonevProgrammes.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [unique('emonev_activities_code').on(t.programmeId, t.code)],
);

/**
 * Sub-kegiatan: what the DPA budgets and the OPD reports on. Its plan holds the cumulative targets
 * at the end of each month (12 entries: physical %, financial Rp), so "behind plan" is a comparison.
 * OPD and year are repeated from its programme: every list and figure is scoped by them.
 */
export const emonevSubActivities = pgTable(
  'emonev_sub_activities',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id').notNull().references(() => emonevActivities.id),
    opdId: integer('opd_id').notNull().references(() => opds.id),
    year: smallint('year').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    budget: bigint('budget', { mode: 'number' }).notNull(),
    /** The output indicator and its target as the DPA words it ("Rehabilitasi jalan 2,4 km"). */
    output: text('output').notNull(),
    planPhysical: jsonb('plan_physical').$type<number[]>().notNull(),
    planFinancial: jsonb('plan_financial').$type<number[]>().notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    unique('emonev_sub_activities_code').on(t.activityId, t.code),
    index('emonev_sub_activities_opd_idx').on(t.opdId, t.year),
    check('emonev_sub_activities_budget', sql`${t.budget} >= 0`),
  ],
);

/** One realisation report per sub-kegiatan and month: cumulative figures at the month's end. */
export const emonevReports = pgTable(
  'emonev_reports',
  {
    id: serial('id').primaryKey(),
    subActivityId: integer('sub_activity_id').notNull().references(() => emonevSubActivities.id),
    month: smallint('month').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    physicalPct: doublePrecision('physical_pct').notNull(),
    financialRp: bigint('financial_rp', { mode: 'number' }).notNull(),
    notes: text('notes').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** The first submission: whether the report came by its deadline. */
    firstSubmittedAt: ts('first_submitted_at'),
    decidedAt: ts('decided_at'),
    /** The desk's reasons when it returned the report (cleared on resubmission's acceptance stays in the timeline). */
    returnReason: text('return_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('emonev_reports_month').on(t.subActivityId, t.month),
    check('emonev_reports_month_range', sql`${t.month} between 1 and 12`),
    check('emonev_reports_physical', sql`${t.physicalPct} between 0 and 100`),
    check('emonev_reports_financial', sql`${t.financialRp} >= 0`),
  ],
);

/** Every step of a report (created, edited, submitted, accepted, returned with reasons): its timeline. */
export const emonevReportEvents = pgTable(
  'emonev_report_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer('report_id').notNull().references(() => emonevReports.id),
    at: ts('at').notNull(),
    actorId: staff('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    toStatus: text('to_status', { enum: REPORT_STATUSES }).notNull(),
    note: text('note'),
  },
  (t) => [index('emonev_report_events_report_idx').on(t.reportId, t.at)],
);

export const emonevReportPhotos = pgTable(
  'emonev_report_photos',
  {
    reportId: integer('report_id').notNull().references(() => emonevReports.id),
    uploadId: uuid('upload_id').notNull().references(() => uploads.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.uploadId] })],
);

/** The complaints (aduan tracking numbers) a sub-kegiatan answers: a road package closing road reports. */
export const emonevComplaintLinks = pgTable(
  'emonev_complaint_links',
  {
    subActivityId: integer('sub_activity_id').notNull().references(() => emonevSubActivities.id),
    trackingNumber: text('tracking_number').notNull(),
    linkedAt: ts('linked_at').notNull(),
    linkedById: staff('linked_by_id'),
  },
  (t) => [primaryKey({ columns: [t.subActivityId, t.trackingNumber] }), index('emonev_complaint_links_tn_idx').on(t.trackingNumber)],
);
