/** Tables of the PPID's information catalogue (DIP): items, their files and their history. */
import { bigint, check, index, integer, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/auth/schema.js';
import { tsvector } from '../../core/db/columns.js';
import { documents } from '../../core/files/schema.js';
import { opds } from '../../core/reference/schema.js';
import { timelineColumns } from '../../core/workflow/timeline-columns.js';
import { EXEMPTION_CODES, type Exemption } from '../lifecycle.js';
import { CATALOGUE_CLASSES, CATALOGUE_STATUSES } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const ppidCatalogueItems = pgTable(
  'ppid_catalogue_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The OPD that holds the information. */
    opdId: integer('opd_id')
      .notNull()
      .references(() => opds.id),
    class: text('class', { enum: CATALOGUE_CLASSES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Who answers for it (pejabat/unit penguasa informasi). */
    responsible: text('responsible').notNull(),
    /** The form it is kept in: "PDF", "XLSX", "Cetak", … */
    format: text('format').notNull(),
    /** The period it covers: "2026", "Triwulan I 2026", … */
    period: text('period').notNull(),
    /** How long it is kept (jangka waktu penyimpanan). */
    retention: text('retention').notNull(),
    /** Exempt items: the Pasal 17 letter, the legal basis and the consequence test. */
    exemption: text('exemption', { enum: EXEMPTION_CODES as [Exemption, ...Exemption[]] }),
    legalBasis: text('legal_basis'),
    consequenceTest: text('consequence_test'),
    status: text('status', { enum: CATALOGUE_STATUSES }).notNull(),
    /**
     * A published item is never edited: a change is a new item that names the one it replaces, and
     * publishing it retires the old one in the same transaction (both keep their history).
     */
    replacesId: bigint('replaces_id', { mode: 'number' }).references((): AnyPgColumn => ppidCatalogueItems.id),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
    /** What the request form's suggestions and the public search match. */
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('indonesian', title || ' ' || summary)`),
  },
  (t) => [
    index('ppid_catalogue_search_idx').using('gin', t.search),
    index('ppid_catalogue_status_idx').on(t.status, t.opdId),
    index('ppid_catalogue_replaces_idx').on(t.replacesId),
    // An exempt item is listed with its reason: never without the Pasal 17 letter, the legal basis and the consequence test.
    check('ppid_catalogue_exempt_reason', sql`${t.class} <> 'dikecualikan' or (${t.exemption} is not null and ${t.legalBasis} is not null and ${t.consequenceTest} is not null)`),
  ],
);

/** The files of a published item (downloadable by anyone; never for an exempt one). */
export const ppidCatalogueDocuments = pgTable(
  'ppid_catalogue_documents',
  {
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => ppidCatalogueItems.id),
    documentId: uuid('document_id')
      .primaryKey()
      .references(() => documents.id),
    position: integer('position').notNull(),
  },
  (t) => [index('ppid_catalogue_documents_item_idx').on(t.itemId, t.position)],
);

export const ppidCatalogueEvents = pgTable(
  'ppid_catalogue_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => ppidCatalogueItems.id),
    ...timelineColumns(),
  },
  (t) => [index('ppid_catalogue_events_item_idx').on(t.itemId, t.at)],
);
