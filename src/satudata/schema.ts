/**
 * Tables of Satu Data: datasets (the metadata, one per table a producer publishes), their versions
 * (every one kept; a published one never changes) and each version's files (resources). The files
 * themselves live in the platform's file storage; the rows keep what the pages and the CKAN API
 * show without opening them: the preview, the main series, the totals and the diff.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../core/auth/schema.js';
import { tsvector } from '../core/db/columns.js';
import { opds } from '../core/reference/schema.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import { FREQUENCIES, RESOURCE_FORMATS, TOPICS, VERSION_STATUSES, type VariableType } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One column of the table: its name in the file, what it means, its type and unit. */
export interface Variable {
  name: string;
  label: string;
  definition: string;
  type: VariableType;
  unit?: string | undefined;
  /** An empty cell is allowed (a suppressed or unknown value). */
  optional?: boolean | undefined;
  /** False for rates, shares and averages: a number that means nothing summed, so it gets no total. */
  additive?: boolean | undefined;
}

/** What a version's table holds, computed while it streamed in. */
export interface TableSummary {
  rowCount: number;
  /** Sum of each numeric variable. */
  totals: Record<string, number>;
  years: number[];
  regionCodes: string[];
  /** The first rows, as read. */
  preview: (string | null)[][];
  /** The main series: the first numeric variable summed per value of the time (else the first) variable. */
  series: { label: string; measure: string; by: string; points: { x: string; y: number }[] } | null;
}

export interface VersionDiff {
  previousNumber: number;
  rows: { before: number; after: number };
  totals: { variable: string; before: number | null; after: number | null }[];
  yearsAdded: number[];
  yearsRemoved: number[];
  regionsAdded: string[];
  regionsRemoved: string[];
  variablesAdded: string[];
  variablesRemoved: string[];
}

export const satudataDatasets = pgTable(
  'satudata_datasets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The CKAN name: lower-case letters, digits, - and _; the address of the dataset page. */
    name: text('name').notNull().unique(),
    /** The CKAN id. */
    uid: uuid('uid').notNull().unique().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The producer (produsen data). */
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    topic: text('topic', { enum: TOPICS }).notNull(),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    /** The time covered, in words: "2019–2025", "Januari 2025 – sekarang". */
    period: text('period').notNull(),
    unit: text('unit').notNull(),
    variables: jsonb('variables').$type<Variable[]>().notNull(),
    licenseId: text('license_id').notNull().default('CC-BY-4.0'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Kemendagri codes of the regions it covers (the city, kecamatan, kelurahan). */
    regionCodes: text('region_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Produced by the platform from its own records (refreshed by a job), not uploaded by an OPD. */
    platformKey: text('platform_key').unique(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Metadata or a new published version; CKAN's metadata_modified. */
    modifiedAt: ts('modified_at').notNull().defaultNow(),
    /** Set by the first accepted version: before that only the producer and the steward see it. */
    publishedVersionId: bigint('published_version_id', { mode: 'number' }),
    publishedAt: ts('published_at'),
    /** From the published version, for the search's facets. */
    years: integer('years').array().notNull().default(sql`'{}'::integer[]`),
    formats: text('formats').array().notNull().default(sql`'{}'::text[]`),
    // Title and description only: a generated column must be immutable, and array_to_string is not; tags are matched as terms (tags:jalan) and facets.
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('indonesian', title || ' ' || description)`,
    ),
  },
  (t) => [
    index('satudata_datasets_search_idx').using('gin', t.search),
    index('satudata_datasets_opd_idx').on(t.opdId),
    index('satudata_datasets_published_idx').on(t.modifiedAt, t.id).where(sql`published_version_id is not null`),
  ],
);

export const satudataVersions = pgTable(
  'satudata_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    datasetId: bigint('dataset_id', { mode: 'number' })
      .notNull()
      .references(() => satudataDatasets.id),
    /** 1, 2, 3 … per dataset, in order of submission. */
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    /** What this version is: "Data 2025 ditambahkan", "Koreksi jumlah Kelurahan Purnama". */
    note: text('note').notNull(),
    /** The variables the table was checked against, as they were then. */
    variables: jsonb('variables').$type<Variable[]>().notNull(),
    summary: jsonb('summary').$type<TableSummary>().notNull(),
    /** Against the last published version; null for the first. */
    diff: jsonb('diff').$type<VersionDiff>(),
    submittedById: uuid('submitted_by_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: ts('submitted_at').notNull(),
    decidedById: uuid('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    /** The steward's reasons for returning it. */
    returnReasons: text('return_reasons'),
    publishedAt: ts('published_at'),
  },
  (t) => [uniqueIndex('satudata_versions_number_idx').on(t.datasetId, t.number), index('satudata_versions_status_idx').on(t.status, t.submittedAt)],
);

export const satudataResources = pgTable(
  'satudata_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: bigint('version_id', { mode: 'number' })
      .notNull()
      .references(() => satudataVersions.id),
    name: text('name').notNull(),
    format: text('format', { enum: RESOURCE_FORMATS }).notNull(),
    mime: text('mime').notNull(),
    fileKey: text('file_key').notNull().unique(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Written by the platform (its own tables, or a CSV of an uploaded workbook), not uploaded. */
    generated: boolean('generated').notNull().default(false),
    position: integer('position').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('satudata_resources_version_idx').on(t.versionId, t.position)],
);

export const satudataEvents = pgTable(
  'satudata_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    datasetId: bigint('dataset_id', { mode: 'number' })
      .notNull()
      .references(() => satudataDatasets.id),
    versionId: bigint('version_id', { mode: 'number' }).references(() => satudataVersions.id),
    ...timelineColumns(),
  },
  (t) => [index('satudata_events_dataset_idx').on(t.datasetId, t.at)],
);
