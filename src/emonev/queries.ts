/** All of the e-monev module's SQL. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { queryRows } from '../core/db/json-rows.js';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { opds } from '../core/reference/schema.js';
import { emonevActivities, emonevComplaintLinks, emonevProgrammes, emonevReportEvents, emonevReportPhotos, emonevReports, emonevSubActivities } from './schema.js';

export type Report = typeof emonevReports.$inferSelect;
export type SubActivityRow = typeof emonevSubActivities.$inferSelect;
export interface Opd {
  id: number;
  code: string;
  name: string;
}

const opdCols = { id: opds.id, code: opds.code, name: opds.name };
export const opdByCode = async (db: Db, code: string): Promise<Opd | undefined> => (await db.select(opdCols).from(opds).where(and(eq(opds.code, code), eq(opds.active, true))))[0];
export const opdById = async (db: Db, id: number): Promise<Opd | undefined> => (await db.select(opdCols).from(opds).where(eq(opds.id, id)))[0];

/* The DPA: programmes, kegiatan, sub-kegiatan. */

export const programmeByCode = async (db: Db, opdId: number, year: number, code: string) =>
  (await db.select().from(emonevProgrammes).where(and(eq(emonevProgrammes.opdId, opdId), eq(emonevProgrammes.year, year), eq(emonevProgrammes.code, code))))[0];
export const insertProgramme = async (db: Db, row: typeof emonevProgrammes.$inferInsert) => (await db.insert(emonevProgrammes).values(row).returning())[0]!;
export const activityByCode = async (db: Db, programmeId: number, code: string) =>
  (await db.select().from(emonevActivities).where(and(eq(emonevActivities.programmeId, programmeId), eq(emonevActivities.code, code))))[0];
export const insertActivity = async (db: Db, row: typeof emonevActivities.$inferInsert) => (await db.insert(emonevActivities).values(row).returning())[0]!;
/** The new sub-kegiatan, or undefined when its code is taken under the kegiatan. */
export const insertSubActivity = async (db: Db, row: typeof emonevSubActivities.$inferInsert) => (await db.insert(emonevSubActivities).values(row).onConflictDoNothing().returning())[0];

const listed = {
  s: emonevSubActivities,
  opd: opdCols,
  programme: { code: emonevProgrammes.code, name: emonevProgrammes.name },
  activity: { code: emonevActivities.code, name: emonevActivities.name },
  links: sql<number>`(select count(*)::int from ${emonevComplaintLinks} l where l.sub_activity_id = ${emonevSubActivities.id})`,
};
export type ListedSubActivity = Awaited<ReturnType<typeof listSubActivities>>[number];

const joined = (db: Db) =>
  db
    .select(listed)
    .from(emonevSubActivities)
    .innerJoin(emonevActivities, eq(emonevActivities.id, emonevSubActivities.activityId))
    .innerJoin(emonevProgrammes, eq(emonevProgrammes.id, emonevActivities.programmeId))
    .innerJoin(opds, eq(opds.id, emonevSubActivities.opdId));

/** A year's sub-kegiatan in DPA order, of one OPD or all (undefined). */
export const listSubActivities = (db: Db, year: number, opdId: number | undefined) =>
  joined(db)
    .where(and(eq(emonevSubActivities.year, year), opdId === undefined ? undefined : eq(emonevSubActivities.opdId, opdId)))
    .orderBy(asc(opds.name), asc(emonevProgrammes.code), asc(emonevActivities.code), asc(emonevSubActivities.code));

export const subActivityById = async (db: Db, id: number): Promise<ListedSubActivity | undefined> => (await joined(db).where(eq(emonevSubActivities.id, id)))[0];

/* Realisation reports. */

export const reportsOf = (db: Db, subActivityIds: readonly number[]): Promise<Report[]> =>
  subActivityIds.length ? db.select().from(emonevReports).where(inArray(emonevReports.subActivityId, [...subActivityIds])).orderBy(asc(emonevReports.month)) : Promise.resolve([]);

export const reportById = async (db: Db, id: number, lock = false): Promise<Report | undefined> => {
  const q = db.select().from(emonevReports).where(eq(emonevReports.id, id));
  return (await (lock ? q.for('update') : q))[0];
};
/** The new report, or undefined when the month already has one. */
export const insertReport = async (db: Db, row: typeof emonevReports.$inferInsert): Promise<Report | undefined> =>
  (await db.insert(emonevReports).values(row).onConflictDoNothing().returning())[0];
export const updateReport = async (db: Db, id: number, values: Partial<typeof emonevReports.$inferInsert>): Promise<Report> =>
  (await db.update(emonevReports).set(values).where(eq(emonevReports.id, id)).returning())[0]!;
export const insertEvent = (db: Db, row: typeof emonevReportEvents.$inferInsert) => db.insert(emonevReportEvents).values(row);
export const eventsOf = (db: Db, reportId: number) =>
  db
    .select({ e: emonevReportEvents, actorName: users.fullName })
    .from(emonevReportEvents)
    .leftJoin(users, eq(users.id, emonevReportEvents.actorId))
    .where(eq(emonevReportEvents.reportId, reportId))
    .orderBy(asc(emonevReportEvents.at), asc(emonevReportEvents.id));

/** Takes photos the caller uploaded and nobody used yet for the report; all or none. */
export async function attachPhotos(db: Db, a: { reportId: number; ownerId: string; uploadIds: readonly string[]; at: Date }): Promise<boolean> {
  const ids = [...new Set(a.uploadIds)];
  if (!ids.length) return true;
  const taken = await db
    .update(uploads)
    .set({ attachedAt: a.at })
    .where(and(inArray(uploads.id, ids), eq(uploads.ownerId, a.ownerId), isNull(uploads.attachedAt)))
    .returning({ id: uploads.id });
  if (taken.length !== ids.length || ids.length !== a.uploadIds.length) return false;
  await db.insert(emonevReportPhotos).values(ids.map((uploadId) => ({ reportId: a.reportId, uploadId })));
  return true;
}
export const photosOf = (db: Db, reportId: number) =>
  db
    .select({ id: uploads.id, mime: uploads.mime, width: uploads.width, height: uploads.height, fileKey: uploads.fileKey })
    .from(emonevReportPhotos)
    .innerJoin(uploads, eq(uploads.id, emonevReportPhotos.uploadId))
    .where(eq(emonevReportPhotos.reportId, reportId))
    .orderBy(asc(uploads.createdAt));

/* Complaints a sub-kegiatan answers. */

export const insertLinks = (db: Db, rows: (typeof emonevComplaintLinks.$inferInsert)[]) =>
  rows.length ? db.insert(emonevComplaintLinks).values(rows).onConflictDoNothing().returning() : Promise.resolve([]);
export const deleteLink = async (db: Db, subActivityId: number, trackingNumber: string): Promise<boolean> =>
  (await db.delete(emonevComplaintLinks).where(and(eq(emonevComplaintLinks.subActivityId, subActivityId), eq(emonevComplaintLinks.trackingNumber, trackingNumber))).returning()).length === 1;
export const linksOf = (db: Db, subActivityId: number) =>
  db.select({ trackingNumber: emonevComplaintLinks.trackingNumber, linkedAt: emonevComplaintLinks.linkedAt }).from(emonevComplaintLinks)
    .where(eq(emonevComplaintLinks.subActivityId, subActivityId)).orderBy(asc(emonevComplaintLinks.trackingNumber));

/** The sub-kegiatan answering a complaint, each with its latest accepted realisation: public figures only. */
export const answeringComplaint = (db: Db, trackingNumber: string) =>
  queryRows<{ id: number; code: string; name: string; output: string; year: number; budget: number; opdName: string; month: number | null; physicalPct: number | null }>(
    db,
    sql`select s.id, s.code, s.name, s.output, s.year, s.budget::float8 as budget, o.name as "opdName", r.month, r.physical_pct as "physicalPct"
        from ${emonevComplaintLinks} l
        join ${emonevSubActivities} s on s.id = l.sub_activity_id
        join ${opds} o on o.id = s.opd_id
        left join lateral (select month, physical_pct from ${emonevReports} r where r.sub_activity_id = s.id and r.status = 'accepted' order by month desc limit 1) r on true
        where l.tracking_number = ${trackingNumber}
        order by s.year desc, s.code`,
  );

/* Figures for other modules (read-model.ts). */

export interface OpdRealisationRow {
  opdId: number;
  opdCode: string;
  opdName: string;
  subActivities: number;
  budget: number;
  financialRp: number;
  /** Σ budget × physical % of each sub-kegiatan's latest accepted report. */
  physicalWeighted: number;
  reported: number;
}

/** Per OPD of a year: budgets, and what its latest accepted reports say (one report per sub-kegiatan). */
export const realisationPerOpd = (db: Db, year: number) =>
  queryRows<OpdRealisationRow>(
    db,
    sql`select o.id as "opdId", o.code as "opdCode", o.name as "opdName", count(*)::int as "subActivities",
          sum(s.budget)::float8 as budget, coalesce(sum(r.financial_rp), 0)::float8 as "financialRp",
          coalesce(sum(s.budget * r.physical_pct), 0)::float8 as "physicalWeighted", count(r.month)::int as reported
        from ${emonevSubActivities} s
        join ${opds} o on o.id = s.opd_id
        left join lateral (select month, physical_pct, financial_rp from ${emonevReports} r where r.sub_activity_id = s.id and r.status = 'accepted' order by month desc limit 1) r on true
        where s.year = ${year}
        group by o.id, o.code, o.name
        order by o.name`,
  );
