/**
 * Tables of the poverty-complaint module (pengaduan kemiskinan). NIK and KK numbers appear only as
 * keyed hashes (look-ups), AES-GCM tokens (where staff must read them back) and masked text.
 */
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import { kelurahan, opds } from '../core/reference/schema.js';
import { COMPLAINT_STATUSES, NEED_CATEGORIES, SECTIONS } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const kemiskinanTrackingSeq = pgSequence('kemiskinan_tracking_seq');

/** Where a Dinas Sosial section officer works, and which kelurahan an operator serves. */
export const kemiskinanStaff = pgTable('kemiskinan_staff', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  section: text('section', { enum: SECTIONS }),
  kelurahanCode: text('kelurahan_code').references(() => kelurahan.code),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A household is its Kartu Keluarga: one row per KK, members replaced by the newest complaint. */
export const households = pgTable(
  'kemiskinan_households',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kkHash: text('kk_hash').notNull().unique(),
    kkEncrypted: text('kk_encrypted').notNull(),
    kkMasked: text('kk_masked').notNull(),
    headName: text('head_name').notNull(),
    address: text('address').notNull(),
    kelurahanCode: text('kelurahan_code')
      .notNull()
      .references(() => kelurahan.code),
    rt: text('rt').notNull(),
    rw: text('rw').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('kemiskinan_households_kelurahan_idx').on(t.kelurahanCode)],
);

export const members = pgTable(
  'kemiskinan_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    nikHash: text('nik_hash').notNull(),
    nikEncrypted: text('nik_encrypted').notNull(),
    nikMasked: text('nik_masked').notNull(),
    name: text('name').notNull(),
    relation: text('relation', { enum: ['kepala', 'istri_suami', 'anak', 'lainnya'] }).notNull(),
  },
  (t) => [index('kemiskinan_members_household_idx').on(t.householdId), index('kemiskinan_members_nik_idx').on(t.nikHash)],
);

export const complaints = pgTable(
  'kemiskinan_complaints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trackingNumber: text('tracking_number').notNull().unique(),
    householdId: bigint('household_id', { mode: 'number' })
      .notNull()
      .references(() => households.id),
    /** The kelurahan at filing time: figures and the musyawarah keep it even if the household moves. */
    kelurahanCode: text('kelurahan_code')
      .notNull()
      .references(() => kelurahan.code),
    needCategory: text('need_category', { enum: NEED_CATEGORIES }).notNull(),
    needType: text('need_type').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    description: text('description').notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    section: text('section', { enum: SECTIONS }),
    /** Who typed it in, and the citizen (account) who follows it. */
    filedById: uuid('filed_by_id').references(() => users.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['citizen', 'kelurahan_operator', 'volunteer', 'demo'] }).notNull(),
    citizenId: uuid('citizen_id').references(() => users.id, { onDelete: 'set null' }),
    registered: boolean('registered').notNull(),
    registerPeriod: text('register_period'),
    registerDecile: smallint('register_decile'),
    registerProgrammes: text('register_programmes').array(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    verifyDueAt: ts('verify_due_at'),
    routedAt: ts('routed_at'),
    followUpDueAt: ts('follow_up_due_at'),
    firstActionAt: ts('first_action_at'),
    resolveDueAt: ts('resolve_due_at'),
    /** First outcome (assistance or referral): a complaint counts as handled from then on. */
    handledAt: ts('handled_at'),
    closedAt: ts('closed_at'),
    /** Set when the SLA sweep told the desk or section that the complaint is overdue; cleared on each move. */
    overdueNotifiedAt: ts('overdue_notified_at'),
  },
  (t) => [
    index('kemiskinan_complaints_queue_idx').on(t.status, t.urgent, t.createdAt),
    index('kemiskinan_complaints_household_idx').on(t.householdId),
    index('kemiskinan_complaints_kelurahan_idx').on(t.kelurahanCode, t.createdAt),
    index('kemiskinan_complaints_created_idx').on(t.createdAt),
    index('kemiskinan_complaints_citizen_idx').on(t.citizenId),
  ],
);

/** The timeline; public messages reach the citizen, internal notes never do. */
export const complaintEvents = pgTable(
  'kemiskinan_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    ...timelineColumns(),
  },
  (t) => [index('kemiskinan_events_complaint_idx').on(t.complaintId, t.at)],
);

export const complaintPhotos = pgTable(
  'kemiskinan_photos',
  {
    uploadId: uuid('upload_id')
      .primaryKey()
      .references(() => uploads.id),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    visitId: bigint('visit_id', { mode: 'number' }),
  },
  (t) => [index('kemiskinan_photos_complaint_idx').on(t.complaintId)],
);

export interface VisitChecklist {
  floor: 'tanah' | 'papan' | 'semen' | 'keramik';
  wall: 'bambu' | 'papan' | 'tembok_tanpa_plester' | 'tembok';
  roof: 'rumbia' | 'seng_bocor' | 'seng' | 'genteng';
  water: 'sungai_hujan' | 'sumur' | 'isi_ulang' | 'pdam';
  electricity: 'tidak_ada' | 'menumpang' | '450va' | '900va_lebih';
  toilet: 'tidak_ada' | 'bersama' | 'sendiri';
  cookingFuel: 'kayu' | 'minyak_tanah' | 'gas_3kg' | 'gas_listrik';
  meals: 1 | 2 | 3;
  earners: number;
  sickOrDisabled: boolean;
  childrenOutOfSchool: boolean;
}

/** A field visit by a relawan pendamping; recorded from the volunteer's phone, possibly offline. */
export const visits = pgTable(
  'kemiskinan_visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => users.id),
    assignedById: uuid('assigned_by_id').references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    dueAt: ts('due_at').notNull(),
    instruction: text('instruction'),
    status: text('status', { enum: ['assigned', 'done', 'cancelled'] }).notNull().default('assigned'),
    visitedAt: ts('visited_at'),
    recordedAt: ts('recorded_at'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    accuracyM: doublePrecision('accuracy_m'),
    checklist: jsonb('checklist').$type<VisitChecklist>(),
    recommendation: text('recommendation', { enum: ['assist', 'refer', 'not_eligible'] }),
    notes: text('notes'),
  },
  (t) => [index('kemiskinan_visits_volunteer_idx').on(t.volunteerId, t.status), index('kemiskinan_visits_complaint_idx').on(t.complaintId)],
);

export const assistance = pgTable(
  'kemiskinan_assistance',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    programme: text('programme').notNull(),
    /** Rupiah, for cash; goods are described in `goods`. */
    amount: bigint('amount', { mode: 'number' }),
    goods: text('goods'),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    givenBy: text('given_by').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('kemiskinan_assistance_complaint_idx').on(t.complaintId)],
);

/** A referral to another OPD (Disdukcapil, Dinkes, Disdik…): shown in that OPD's inbox. */
export const referrals = pgTable(
  'kemiskinan_referrals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    instruction: text('instruction').notNull(),
    status: text('status', { enum: ['sent', 'done'] }).notNull().default('sent'),
    createdAt: ts('created_at').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    response: text('response'),
    doneAt: ts('done_at'),
  },
  (t) => [index('kemiskinan_referrals_opd_idx').on(t.opdId, t.status), index('kemiskinan_referrals_complaint_idx').on(t.complaintId)],
);

/** One musyawarah kelurahan meeting and the decisions it took on proposed households. */
export const deliberations = pgTable(
  'kemiskinan_deliberations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kelurahanCode: text('kelurahan_code')
      .notNull()
      .references(() => kelurahan.code),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    notes: text('notes'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('kemiskinan_deliberations_kelurahan_idx').on(t.kelurahanCode, t.heldOn)],
);

export const deliberationDecisions = pgTable(
  'kemiskinan_deliberation_decisions',
  {
    deliberationId: bigint('deliberation_id', { mode: 'number' })
      .notNull()
      .references(() => deliberations.id),
    complaintId: bigint('complaint_id', { mode: 'number' })
      .notNull()
      .references(() => complaints.id),
    decision: text('decision', { enum: ['proposed', 'not_proposed'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.deliberationId, t.complaintId] })],
);

/** An upload of the welfare register (DTKS/DTSEN) CSV, processed in the background. */
export const registerImports = pgTable('kemiskinan_register_imports', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  period: text('period').notNull(),
  fileName: text('file_name').notNull(),
  fileKey: text('file_key').notNull(),
  bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull(),
  status: text('status', { enum: ['queued', 'running', 'applied', 'failed', 'replaced'] }).notNull().default('queued'),
  uploadedById: uuid('uploaded_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  startedAt: ts('started_at'),
  heartbeatAt: ts('heartbeat_at'),
  finishedAt: ts('finished_at'),
  bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsAccepted: integer('rows_accepted').notNull().default(0),
  rowsRejected: integer('rows_rejected').notNull().default(0),
  /** Why the whole file failed (unreadable CSV, rejected rows, older period). */
  error: jsonb('error').$type<{ code: string; message: { id: string; en: string }; line?: number }>(),
  rematched: integer('rematched').notNull().default(0),
});

export const registerRejects = pgTable(
  'kemiskinan_register_rejects',
  {
    importId: bigint('import_id', { mode: 'number' })
      .notNull()
      .references(() => registerImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    code: text('code').notNull(),
    field: text('field'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line, t.code] })],
);

/**
 * The register in force: one row per person of the applied period. An import loads a staging
 * copy of this table and swaps it in by rename, so readers never see half a register.
 * Hashes are 32-byte HMACs (FieldCipher.keyedHash); names and addresses are not kept.
 */
export const register = pgTable(
  'kemiskinan_register',
  {
    nikHash: bytea('nik_hash').primaryKey(),
    kkHash: bytea('kk_hash').notNull(),
    kelurahanCode: text('kelurahan_code').notNull(),
    decile: smallint('decile').notNull(),
    programmes: text('programmes').array().notNull(),
    period: text('period').notNull(),
    importId: bigint('import_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('kemiskinan_register_kk_idx').on(t.kkHash)],
);
