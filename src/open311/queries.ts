/**
 * SQL of the Open311 module. Reports themselves are read through the aduan queries (and their
 * public filter); these only add what GeoReport v2 shows beside a report, fetched per page in one
 * query each rather than once per report.
 */
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../core/db/client.js';
import { uploads } from '../core/files/schema.js';
import { opds } from '../core/reference/schema.js';
import { categories, dispositions, reportEvents, reportPhotos, reports } from '../aduan/schema.js';
import { open311Tokens } from './schema.js';

const parent = alias(categories, 'parent');

/** Sub-categories a citizen can pick, with their khidmat; an inactive khidmat hides its children. */
export const activeServices = (db: Db) =>
  db
    .select({ code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn, groupId: parent.nameId, groupEn: parent.nameEn })
    .from(categories)
    .innerJoin(parent, eq(parent.id, categories.parentId))
    .where(and(eq(categories.active, true), eq(parent.active, true)))
    .orderBy(asc(parent.sortOrder), asc(categories.sortOrder), asc(categories.id));

export async function insertToken(db: Db, values: typeof open311Tokens.$inferInsert): Promise<void> {
  await db.insert(open311Tokens).values(values);
}

export async function trackingNumberOfToken(db: Db, token: string): Promise<string | undefined> {
  const [row] = await db
    .select({ tn: reports.trackingNumber })
    .from(open311Tokens)
    .innerJoin(reports, eq(reports.id, open311Tokens.reportId))
    .where(eq(open311Tokens.token, token));
  return row?.tn;
}

/** The newest reply the public may read, per report. */
export async function latestPublicMessages(db: Db, reportIds: number[]): Promise<Map<number, string>> {
  if (!reportIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([reportEvents.reportId], { reportId: reportEvents.reportId, message: reportEvents.publicMessage })
    .from(reportEvents)
    .where(and(inArray(reportEvents.reportId, reportIds), isNotNull(reportEvents.publicMessage)))
    .orderBy(reportEvents.reportId, desc(reportEvents.at), desc(reportEvents.id));
  return new Map(rows.map((r) => [r.reportId, r.message!]));
}

/**
 * The OPD leading the handling: the newest lead disposition still active or done. A returned or
 * forwarded one no longer answers for the report (a forward creates the new lead's own row).
 */
export async function leadAgencies(db: Db, reportIds: number[]): Promise<Map<number, string>> {
  if (!reportIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([dispositions.reportId], { reportId: dispositions.reportId, name: opds.name })
    .from(dispositions)
    .innerJoin(opds, eq(opds.id, dispositions.opdId))
    .where(and(inArray(dispositions.reportId, reportIds), eq(dispositions.role, 'lead'), inArray(dispositions.status, ['active', 'done'])))
    .orderBy(dispositions.reportId, desc(dispositions.id));
  return new Map(rows.map((r) => [r.reportId, r.name]));
}

/** The first photo the reporter attached (evidence photos of the OPD are not the report's picture). */
export async function firstPhotos(db: Db, reportIds: number[]): Promise<Map<number, string>> {
  if (!reportIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([reportPhotos.reportId], { reportId: reportPhotos.reportId, uploadId: reportPhotos.uploadId })
    .from(reportPhotos)
    .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
    .where(and(inArray(reportPhotos.reportId, reportIds), eq(reportPhotos.kind, 'report')))
    .orderBy(reportPhotos.reportId, asc(uploads.createdAt), asc(uploads.id));
  return new Map(rows.map((r) => [r.reportId, r.uploadId]));
}
