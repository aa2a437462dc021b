/**
 * Tables of the public-services module (layanan): the catalogue of services, each published
 * version of a service's form, requirements, steps and output (an application keeps the version it
 * was filed on), applications with their timeline, and the documents they carry. The applicant's
 * NIK is kept only as an AES-GCM token and masked text; NIKs answered in the form (family members)
 * are kept as tokens inside the answer.
 */
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../core/auth/schema.js';
import { tsvector } from '../core/db/columns.js';
import { documents } from '../core/files/schema.js';
import { opds } from '../core/reference/schema.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import type { Message } from '../core/errors.js';
import type { FormDefinition, OutputTemplate, ProcessStep, Requirement } from './form/definition.js';
import { APPLICATION_STATUSES, AUDIENCES, CHANNELS } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const layananNumberSeq = pgSequence('layanan_number_seq');

/** A service in the catalogue, with its standar pelayanan; its form and steps are in its versions. */
export const layananServices = pgTable(
  'layanan_services',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Short name in URLs: `sk-domisili`. */
    code: text('code').notNull().unique(),
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    audience: text('audience', { enum: AUDIENCES }).notNull(),
    name: jsonb('name').$type<Message>().notNull(),
    description: jsonb('description').$type<Message>().notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** 0: free of charge. */
    feeRupiah: integer('fee_rupiah').notNull().default(0),
    feeNote: text('fee_note'),
    /** The service standard time (waktu pelayanan) in working days. */
    standardDays: integer('standard_days').notNull(),
    /** The version applications are filed on now; null until the first is published. */
    currentVersion: integer('current_version'),
    /** Closed to new applications (the catalogue keeps it out); open ones go on. */
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('indonesian', (name->>'id') || ' ' || (description->>'id') || ' ' || legal_basis)`),
  },
  (t) => [index('layanan_services_search_idx').using('gin', t.search), index('layanan_services_opd_idx').on(t.opdId)],
);

/** A published version: never changed once written. */
export const layananServiceVersions = pgTable(
  'layanan_service_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => layananServices.id),
    version: integer('version').notNull(),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    requirements: jsonb('requirements').$type<Requirement[]>().notNull(),
    steps: jsonb('steps').$type<ProcessStep[]>().notNull(),
    output: jsonb('output').$type<OutputTemplate>().notNull(),
    note: text('note'),
    publishedAt: ts('published_at').notNull(),
    publishedById: uuid('published_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [unique('layanan_service_versions_unique').on(t.serviceId, t.version)],
);

export const layananApplications = pgTable(
  'layanan_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** DMI-LYN-2026-000123 */
    number: text('number').notNull().unique(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => layananServices.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => layananServiceVersions.id),
    /** The service's OPD when filed: whose desks handle it (scope). */
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    /** The applicant's account; a counter filing for a walk-in has none unless their NIK has one. */
    applicantId: uuid('applicant_id').references(() => users.id, { onDelete: 'set null' }),
    /** An internal service's applicant OPD. */
    applicantOpdId: integer('applicant_opd_id').references(() => opds.id),
    applicantName: text('applicant_name').notNull(),
    nikEncrypted: text('nik_encrypted'),
    nikMasked: text('nik_masked'),
    phone: text('phone'),
    email: text('email'),
    /** The form's answer; NIK fields hold encrypted tokens. */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    /** Index into the version's steps of the step the application is at. */
    stepIndex: integer('step_index').notNull().default(0),
    stepDueAt: ts('step_due_at'),
    /** The whole service's deadline (standard time from the complete filing). */
    dueAt: ts('due_at'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** The counter officer who filed for a walk-in applicant. */
    assistedById: uuid('assisted_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The open request for correction: what to fix, and the documents it found wanting (`stale`: they must be replaced). */
    correction: jsonb('correction').$type<{ note: string; requirements: string[]; fields: string[]; at: string; stale: string[] }>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    issuedAt: ts('issued_at'),
    /** The signed output (core/signing's record, which keeps the file) and its number. */
    signedDocumentId: text('signed_document_id'),
    documentNumber: text('document_number'),
  },
  (t) => [
    // The officers' inbox: an OPD's open applications at a step, the nearest deadline first.
    index('layanan_applications_inbox_idx').on(t.opdId, t.status, t.stepIndex, t.stepDueAt),
    // The inbox's two walks: what waits on the OPD by deadline, and the rest newest first.
    index('layanan_applications_waiting_idx')
      .on(t.opdId, t.stepDueAt, t.createdAt.desc(), t.id.desc())
      .where(sql`status in ('submitted', 'in_process', 'approved')`),
    index('layanan_applications_recent_idx').on(t.opdId, t.createdAt.desc(), t.id.desc()),
    index('layanan_applications_applicant_idx').on(t.applicantId),
    index('layanan_applications_applicant_opd_idx').on(t.applicantOpdId),
    index('layanan_applications_service_idx').on(t.serviceId),
    // The satisfaction survey's invitation job walks issued applications from its checkpoint every minute.
    index('layanan_applications_issued_idx').on(t.issuedAt, t.id).where(sql`status = 'issued'`),
  ],
);

/** The timeline of an application: every step taken, with its step; public messages reach the applicant. */
export const layananEvents = pgTable(
  'layanan_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: bigint('application_id', { mode: 'number' })
      .notNull()
      .references(() => layananApplications.id),
    stepKey: text('step_key'),
    ...timelineColumns(),
  },
  (t) => [index('layanan_events_application_idx').on(t.applicationId, t.at)],
);

/** A requirement's (or file field's) document on an application: one per key, a new upload replaces it. */
export const layananApplicationFiles = pgTable(
  'layanan_application_files',
  {
    applicationId: bigint('application_id', { mode: 'number' })
      .notNull()
      .references(() => layananApplications.id),
    key: text('key').notNull(),
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id),
    uploadedAt: ts('uploaded_at').notNull(),
    uploadedById: uuid('uploaded_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('layanan_application_files_key_idx').on(t.applicationId, t.key, t.uploadedAt)],
);

/**
 * A service's outgoing webhook: where its application events are posted, and the secret they are
 * signed with (kept as an AES-GCM token: the city's key is needed to sign, a dump alone is not enough).
 */
export const layananWebhooks = pgTable('layanan_webhooks', {
  serviceId: integer('service_id')
    .primaryKey()
    .references(() => layananServices.id),
  url: text('url').notNull(),
  secretEncrypted: text('secret_encrypted').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: ts('updated_at').notNull(),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
});

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/**
 * The webhook outbox and its log: one row per event, written in the transaction of the step that
 * caused it, posted by the delivery job with retries until it is delivered or given up.
 */
export const layananWebhookDeliveries = pgTable(
  'layanan_webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => layananServices.id),
    applicationNumber: text('application_number').notNull(),
    event: text('event').notNull(),
    /** The JSON body exactly as it is posted (and signed). */
    body: text('body').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    /** When the job may (re)try it; also the lease of a try in flight. */
    nextAttemptAt: ts('next_attempt_at').notNull(),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('layanan_webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('layanan_webhook_deliveries_service_idx').on(t.serviceId, t.id),
    // The log's retention job walks finished deliveries oldest first; pending ones are the outbox and stay.
    index('layanan_webhook_deliveries_finished_idx').on(t.createdAt).where(sql`status <> 'pending'`),
  ],
);

/**
 * An OPD's key for the incoming API (its own system reads its services' applications and posts
 * steps back). Only the SHA-256 of the key is kept; the key acts with the authority of the OPD admin
 * who issued it, and dies with that account's access.
 */
export const layananApiKeys = pgTable(
  'layanan_api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    issuedById: uuid('issued_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('layanan_api_keys_opd_idx').on(t.opdId)],
);
