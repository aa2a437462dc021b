/**
 * Tables of the PPID module (public information requests). The requester's identity number (NIK,
 * passport or an entity's deed/SK number) is kept only as an AES-GCM token and masked text; the
 * secret tracking link only as its SHA-256.
 */
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../core/auth/schema.js';
import { tsvector } from '../core/db/columns.js';
import { documents } from '../core/files/schema.js';
import { opds } from '../core/reference/schema.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import { CHANNELS, DELIVERY_METHODS, IDENTITY_TYPES, OBTAIN_METHODS, REQUEST_STATUSES } from './lifecycle.js';
import { DISPUTE_OUTCOMES, OBJECTION_STATUSES } from './objection-lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const ppidRegistrationSeq = pgSequence('ppid_registration_seq');

export const ppidRequests = pgTable(
  'ppid_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    registrationNumber: text('registration_number').notNull().unique(),
    /** The requester's account, when they have one; a request needs none (email + secret link). */
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    identityType: text('identity_type', { enum: IDENTITY_TYPES }).notNull(),
    identityEncrypted: text('identity_encrypted').notNull(),
    identityMasked: text('identity_masked').notNull(),
    fullName: text('full_name').notNull(),
    /** A legal entity's name; `fullName` is then its representative. */
    entityName: text('entity_name'),
    address: text('address').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Filing for someone else: their name, and the power of attorney (a PDF, or a photo kept as one). */
    onBehalfOf: text('on_behalf_of'),
    powerOfAttorneyId: uuid('power_of_attorney_id').references(() => documents.id),
    information: text('information').notNull(),
    purpose: text('purpose').notNull(),
    obtainMethod: text('obtain_method', { enum: OBTAIN_METHODS }).notNull(),
    deliveryMethod: text('delivery_method', { enum: DELIVERY_METHODS }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** The officer who entered a walk-in, phone, letter or email request. */
    recordedById: uuid('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** May the answer be shown in the public archive (never the requester's identity)? */
    publicConsent: boolean('public_consent').notNull().default(true),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    /** The OPD whose PPID Pelaksana holds the request; null while it is with the PPID Utama. */
    opdId: integer('opd_id').references(() => opds.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** When the request counts as received complete: filing, or the requester's clarification. */
    receivedAt: ts('received_at').notNull(),
    verifyDueAt: ts('verify_due_at').notNull(),
    answerDueAt: ts('answer_due_at').notNull(),
    extendedAt: ts('extended_at'),
    extensionReason: text('extension_reason'),
    answeredAt: ts('answered_at'),
    /** The written notice's content (pemberitahuan tertulis). */
    notice: text('notice'),
    exemptions: text('exemptions').array(),
    consequenceTest: text('consequence_test'),
    /** Granted in part: what was blacked out of the documents, each with its Pasal 17 letter. */
    redactions: jsonb('redactions').$type<{ part: string; exemption: string }[]>(),
    /** Not held: which body holds it, if known. */
    heldBy: text('held_by'),
    costRupiah: integer('cost_rupiah'),
    /** The public archive's search: what was asked and what was answered, never who asked. */
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('indonesian', information || ' ' || coalesce(notice, ''))`),
  },
  (t) => [
    index('ppid_requests_search_idx').using('gin', t.search),
    index('ppid_requests_queue_idx').on(t.status, t.answerDueAt),
    index('ppid_requests_opd_idx').on(t.opdId, t.status),
    index('ppid_requests_requester_idx').on(t.requesterId),
    index('ppid_requests_created_idx').on(t.createdAt),
    // Answered requests in answer order: the satisfaction survey's invitation job walks it every minute from its checkpoint.
    index('ppid_requests_answered_idx').on(t.answeredAt, t.id).where(sql`${t.answeredAt} is not null`),
    // The public archive, newest first: its pages and searches walk this instead of sorting.
    index('ppid_requests_archive_idx')
      .on(t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.publicConsent} and ${t.answeredAt} is not null`),
  ],
);

/** The timeline of a request; public messages reach the requester, internal notes never do. */
export const ppidEvents = pgTable(
  'ppid_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => ppidRequests.id),
    ...timelineColumns(),
  },
  (t) => [index('ppid_events_request_idx').on(t.requestId, t.at)],
);

/** The objection to a request's handling (one per request) and the Komisi Informasi dispute after it. */
export const ppidObjections = pgTable(
  'ppid_objections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => ppidRequests.id),
    /** Pasal 35(1) letters a–g. */
    reasons: text('reasons').array().notNull(),
    statement: text('statement').notNull(),
    status: text('status', { enum: OBJECTION_STATUSES }).notNull(),
    filedAt: ts('filed_at').notNull(),
    answerDueAt: ts('answer_due_at').notNull(),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    /** The last day to take it to the Komisi Informasi: 14 working days after the answer (or its due date). */
    disputeDueAt: ts('dispute_due_at'),
    disputeFiledAt: ts('dispute_filed_at'),
    /** The Komisi Informasi's register number of the dispute. */
    disputeRegister: text('dispute_register'),
    hearings: jsonb('hearings').$type<{ date: string; note: string }[]>().notNull().default([]),
    disputeOutcome: text('dispute_outcome', { enum: DISPUTE_OUTCOMES }),
    disputeDecidedAt: ts('dispute_decided_at'),
    disputeSummary: text('dispute_summary'),
    /** The Komisi's decision (putusan) or mediation record: a PDF, or a photo kept as one. */
    disputeDecisionId: uuid('dispute_decision_id').references(() => documents.id),
  },
  (t) => [index('ppid_objections_queue_idx').on(t.status, t.answerDueAt)],
);

/** The documents answering a request (the information itself), in the order the officer gave them. */
export const ppidAnswerDocuments = pgTable(
  'ppid_answer_documents',
  {
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => ppidRequests.id),
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id),
    position: integer('position').notNull(),
  },
  (t) => [index('ppid_answer_documents_request_idx').on(t.requestId, t.position)],
);
