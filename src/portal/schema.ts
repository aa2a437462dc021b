/**
 * Tables of the public portal: the items (each kind's own fields beside the shared ones), every
 * version of their text as edited, and their timeline. The public pages read only published items.
 */
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { tsvector } from '../core/db/columns.js';
import { timelineColumns } from '../core/workflow/timeline-columns.js';
import { ITEM_STATUSES, KINDS, VERDICTS } from './lifecycle.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A source a clarification cites. */
export interface Source {
  title: string;
  url: string;
}

/** What an edit writes; each version keeps it whole. */
export interface ItemText {
  title: string;
  slug: string;
  summary: string;
  body: string;
  imageUploadId: string | null;
  services: string[];
  since: string | null;
  expectedEnd: string | null;
  claim: string | null;
  verdict: (typeof VERDICTS)[number] | null;
  sources: Source[];
}

export const portalItems = pgTable(
  'portal_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: KINDS }).notNull(),
    /** The address: /<kind page>/<slug>; kept when the title changes so shared links stay. */
    slug: text('slug').notNull(),
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Plain text with blank-line paragraphs; the pages render it as text, never as HTML. */
    body: text('body').notNull(),
    imageUploadId: uuid('image_upload_id').references(() => uploads.id),
    /** Disruption notices: the services affected (keys or free text), since when, until when expected, when ended. */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    since: ts('since'),
    expectedEnd: ts('expected_end'),
    endedAt: ts('ended_at'),
    /** Hoax clarifications: the claim going round, the verdict and the sources; the body holds the facts. */
    claim: text('claim'),
    verdict: text('verdict', { enum: VERDICTS }),
    sources: jsonb('sources').$type<Source[]>().notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The last editor: the checker must be someone else. */
    editedById: uuid('edited_by_id').references(() => users.id, { onDelete: 'set null' }),
    checkedById: uuid('checked_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The publication time readers see; may be set ahead (the item appears then). */
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    // Title weighs most, then the summary and the claim, then the body: the ranking of the search.
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', summary || ' ' || coalesce(claim, '')), 'B') || setweight(to_tsvector('indonesian', body), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('portal_items_slug_idx').on(t.kind, t.slug),
    index('portal_items_search_idx').using('gin', t.search),
    index('portal_items_public_idx').on(t.kind, t.publishedAt.desc(), t.id.desc()).where(sql`status = 'published'`),
    index('portal_items_public_all_idx').on(t.publishedAt.desc(), t.id.desc()).where(sql`status = 'published'`),
    index('portal_items_desk_idx').on(t.status, t.updatedAt),
  ],
);

export const portalVersions = pgTable(
  'portal_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => portalItems.id),
    number: integer('number').notNull(),
    text: jsonb('text').$type<ItemText>().notNull(),
    editedById: uuid('edited_by_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('portal_versions_number_idx').on(t.itemId, t.number)],
);

export const portalEvents = pgTable(
  'portal_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => portalItems.id),
    version: integer('version').notNull(),
    ...timelineColumns(),
  },
  (t) => [index('portal_events_item_idx').on(t.itemId, t.at)],
);
