/** All SQL of the aduan module. Services call these; nothing else touches the aduan tables. */
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../core/db/client.js';
import { columnList, insertJsonRows, rowOf, rowsOf, together } from '../core/db/json-rows.js';
import { executePrepared, renderedOnce } from '../core/db/prepared.js';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { kecamatan, kelurahan, opds } from '../core/reference/schema.js';
import { categories, dispositions, publicStatusList, reportEvents, reportFollowers, reportPhotos, reports } from './schema.js';
import { REACHED_THROUGH_DISPOSITION, type ReportStatus } from './lifecycle.js';

/** Every column but `search`: the full-text vector is the database's own, for matching; the app never reads it. */
const { search: _search, ...reportColumns } = getTableColumns(reports);
export type ReportRow = Omit<typeof reports.$inferSelect, 'search'>;

export type Contact = Awaited<ReturnType<typeof userContacts>>[number];

// The filing statement's fixed parts, rendered once (see renderedOnce).
const filedColumns = columnList(reports, { except: ['search'] });
// The first step is the reporter's, or the officer's who filed it for them (assisted intake).
const submittedHead = renderedOnce(sql`insert into ${reportEvents} (report_id, at, actor_id, actor_role, action, to_status)
  select r.id, r.created_at, coalesce(r.assisted_by_id, r.reporter_id), f.actor_role, 'submit', 'submitted'
  from r join jsonb_to_recordset(`);
const submittedTail = renderedOnce(sql`::jsonb) as f(tracking_number text, actor_role text) using (tracking_number)
  returning ${columnList(reportEvents)}`);
// The CTE's rows under the table's name, so column references (the overdue rule) read them.
const answerHead = renderedOnce(sql`select ${reports}.*, to_jsonb(e) as event, `);
const answerTail = renderedOnce(sql` as overdue,
    ${categories.code} as category_code, ${categories.nameId} as category_name_id, ${categories.nameEn} as category_name_en,
    ${kelurahan.name} as kelurahan_name, ${kecamatan.name} as kecamatan_name,
    ${users.id} as contact_id, ${users.fullName} as contact_full_name, ${users.email} as contact_email, ${users.phone} as contact_phone, ${users.nikMasked} as contact_nik_masked
  from r as ${reports}
  join e on e.report_id = ${reports.id}
  join ${categories} on ${categories.id} = ${reports.categoryId}
  join ${kelurahan} on ${kelurahan.code} = ${reports.kelurahanCode}
  join ${kecamatan} on ${kecamatan.code} = ${kelurahan.kecamatanCode}
  left join ${users} on ${users.id} = ${reports.reporterId}`);

/**
 * Files reports in one statement: the reports, their first timeline events (`submit`) and the
 * caller's other inserts (`alongside`: audit lines, notices) as CTEs of one insert. Each report
 * comes back as a listing row with its event and its reporter's contacts, so answering the filing
 * needs no read-back.
 */
export async function insertFilings(
  db: Db,
  filings: readonly { values: typeof reports.$inferInsert; actorRole: string }[],
  alongside: readonly SQL[],
  now: Date,
): Promise<{ listed: ListedReport; event: EventRow; contact: Contact | undefined }[]> {
  const filed = insertJsonRows(reports, filings.map((f) => f.values), { returning: filedColumns });
  const roles = JSON.stringify(filings.map((f) => ({ tracking_number: f.values.trackingNumber, actor_role: f.actorRole })));
  const submitted = sql`${submittedHead}${roles}${submittedTail}`;
  const answer = sql`${answerHead}${overdueExpr(now)}${answerTail}`;
  return rowsOf<Record<string, unknown>>(await executePrepared(db, together([['r', filed], ['e', submitted], ...alongside], answer))).map((row) => ({
    listed: {
      r: rowOf(reports, row, { except: ['search'] }) as ReportRow,
      categoryCode: row.category_code as string,
      categoryNameId: row.category_name_id as string,
      categoryNameEn: row.category_name_en as string,
      kelurahanName: row.kelurahan_name as string,
      kecamatanName: row.kecamatan_name as string,
      overdue: row.overdue as boolean,
    },
    event: rowOf(reportEvents, row.event as Record<string, unknown>),
    contact: row.contact_id
      ? {
          id: row.contact_id as string,
          fullName: row.contact_full_name as string,
          email: row.contact_email as string | null,
          phone: row.contact_phone as string | null,
          nikMasked: row.contact_nik_masked as string | null,
        }
      : undefined,
  }));
}

export async function findReport(db: Db, trackingNumber: string, lock = false): Promise<ReportRow | undefined> {
  const q = db.select(reportColumns).from(reports).where(eq(reports.trackingNumber, trackingNumber)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const dispositionsOf = (db: Db, reportId: number) =>
  db
    .select({ d: dispositions, opdCode: opds.code, opdName: opds.shortName })
    .from(dispositions)
    .innerJoin(opds, eq(opds.id, dispositions.opdId))
    .where(eq(dispositions.reportId, reportId))
    .orderBy(asc(dispositions.id));

export async function followersOf(db: Db, reportId: number): Promise<string[]> {
  const rows = await db.select({ userId: reportFollowers.userId }).from(reportFollowers).where(eq(reportFollowers.reportId, reportId));
  return rows.map((r) => r.userId);
}

export async function addFollowers(db: Db, reportId: number, userIds: string[]): Promise<void> {
  if (userIds.length) await db.insert(reportFollowers).values(userIds.map((userId) => ({ reportId, userId }))).onConflictDoNothing();
}

export const timelineOf = (db: Db, reportId: number) =>
  db
    .select({ e: reportEvents, opdName: opds.shortName, actorName: users.fullName })
    .from(reportEvents)
    .leftJoin(opds, eq(opds.id, reportEvents.actorOpdId))
    .leftJoin(users, eq(users.id, reportEvents.actorId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));

export const photosOf = (db: Db, reportId: number) =>
  db
    .select({ id: uploads.id, kind: reportPhotos.kind, eventId: reportPhotos.eventId, mime: uploads.mime, width: uploads.width, height: uploads.height })
    .from(reportPhotos)
    .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
    .where(eq(reportPhotos.reportId, reportId));

export async function insertEvent(db: Db, values: typeof reportEvents.$inferInsert): Promise<number> {
  const [row] = await db.insert(reportEvents).values(values).returning({ id: reportEvents.id });
  return row!.id;
}

export type EventRow = typeof reportEvents.$inferSelect;

/** Take photos the caller uploaded and nobody has used yet; refuses anything else as a whole. */
export async function attachPhotos(
  db: Db,
  args: { reportId: number; ownerId: string | null; uploadIds: string[]; kind: 'report' | 'evidence'; eventId?: number; at: Date },
): Promise<boolean> {
  if (!args.uploadIds.length) return true;
  const taken = await db
    .update(uploads)
    .set({ attachedAt: args.at })
    .where(and(inArray(uploads.id, args.uploadIds), args.ownerId === null ? isNull(uploads.ownerId) : eq(uploads.ownerId, args.ownerId), isNull(uploads.attachedAt)))
    .returning({ id: uploads.id });
  if (taken.length !== new Set(args.uploadIds).size) return false;
  await db.insert(reportPhotos).values(
    args.uploadIds.map((uploadId) => ({ uploadId, reportId: args.reportId, kind: args.kind, eventId: args.eventId ?? null })),
  );
  return true;
}

export const allCategories = (db: Db) =>
  db
    .select({ c: categories, opdCode: opds.code })
    .from(categories)
    .leftJoin(opds, eq(opds.id, categories.defaultOpdId))
    .orderBy(asc(categories.sortOrder), asc(categories.id));

/** Whether any khidmat (top-level category) exists: the default set is seeded only into an empty table. */
export async function anyKhidmat(db: Db): Promise<boolean> {
  return (await db.select({ id: categories.id }).from(categories).where(isNull(categories.parentId)).limit(1)).length > 0;
}

export const allOpds = (db: Db) => db.select({ id: opds.id, code: opds.code }).from(opds);

export async function insertCategory(db: Db, values: typeof categories.$inferInsert) {
  return (await db.insert(categories).values(values).returning())[0]!;
}

export async function updateCategory(db: Db, code: string, values: Partial<typeof categories.$inferInsert>) {
  if (!Object.keys(values).length) return categoryByCode(db, code);
  return (await db.update(categories).set(values).where(eq(categories.code, code)).returning())[0];
}

export const categoryByCode = async (db: Db, code: string) =>
  (await db.select().from(categories).where(eq(categories.code, code)).limit(1))[0];

export const categoryById = async (db: Db, id: number) =>
  (await db.select().from(categories).where(eq(categories.id, id)).limit(1))[0];

export const opdsByCodes = (db: Db, codes: string[]) => db.select().from(opds).where(and(inArray(opds.code, codes), eq(opds.active, true)));

export const userContacts = (db: Db, ids: string[]) =>
  ids.length
    ? db.select({ id: users.id, fullName: users.fullName, email: users.email, phone: users.phone, nikMasked: users.nikMasked }).from(users).where(inArray(users.id, ids))
    : Promise.resolve([]);

export const staffOfOpds = async (db: Db, opdIds: number[]): Promise<string[]> =>
  opdIds.length
    ? (await db.select({ id: users.id }).from(users).where(and(inArray(users.opdId, opdIds), isNull(users.deletedAt)))).map((u) => u.id)
    : [];

export async function updateReport(db: Db, id: number, values: Partial<typeof reports.$inferInsert>): Promise<void> {
  await db.update(reports).set(values).where(eq(reports.id, id));
}

export interface ListFilter {
  id?: number | undefined;
  trackingNumber?: string | undefined;
  statuses?: ReportStatus[] | undefined;
  categoryCode?: string | undefined;
  kelurahanCode?: string | undefined;
  kecamatanCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
  bbox?: [number, number, number, number] | undefined;
  /** Reports that have (had) a disposition to this OPD; with activeOnly only live ones. */
  opdId?: number | undefined;
  activeOnly?: boolean | undefined;
  overdue?: boolean | undefined;
  reporterOrFollowerId?: string | undefined;
  publicOnly?: boolean | undefined;
  limit: number;
  offset: number;
  now: Date;
}

const parentCategory = alias(categories, 'parent_category');

/**
 * The same rule as an instant: when a report still waiting on the city becomes overdue (its earliest
 * deadline that applies), null when none applies. The dashboard keeps these per day and compares
 * them with the clock later; lists test overdueExpr, whose ORs the planner estimates better.
 */
export const overdueFrom = sql`least(
  case when ${reports.status} in ('submitted','postponed') then ${reports.verifyDueAt} end,
  case when ${reports.status} in ('dispositioned','in_progress') and ${reports.firstFollowUpAt} is null then ${reports.followUpDueAt} end,
  case when ${reports.status} in ('dispositioned','in_progress') then ${reports.resolveDueAt} end)`;

/** Late against its SLA: verification, first follow-up, or resolution (see overdueFrom). */
export const overdueExpr = (now: Date): SQL<boolean> => sql<boolean>`(
  (${reports.status} in ('submitted','postponed') and ${reports.verifyDueAt} < ${now})
  or (${reports.status} in ('dispositioned','in_progress') and ${reports.firstFollowUpAt} is null and ${reports.followUpDueAt} < ${now})
  or (${reports.status} in ('dispositioned','in_progress') and ${reports.resolveDueAt} < ${now}))`;

/** Reports that can be overdue: those still waiting on triage or an OPD. */
export const LIVE_STATUSES = ['submitted', 'postponed', 'dispositioned', 'in_progress'] as const satisfies readonly ReportStatus[];

/** Live reports past a deadline, by status; only live statuses can be late, so the status index keeps this off the archive. */
export async function overdueByStatus(db: Db, now: Date): Promise<{ status: ReportStatus; n: number }[]> {
  return db
    .select({ status: reports.status, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(sql`${reports.status} in ${LIVE_STATUSES} and ${overdueExpr(now)}`)
    .groupBy(reports.status);
}

export async function listReports(db: Db, f: ListFilter) {
  const where: (SQL | undefined)[] = [];
  if (f.id !== undefined) where.push(eq(reports.id, f.id));
  if (f.trackingNumber !== undefined) where.push(eq(reports.trackingNumber, f.trackingNumber));
  // Literal values (not parameters), so the planner can match reports_public_created_idx's predicate.
  if (f.publicOnly) where.push(sql`not ${reports.confidential} and ${reports.status} in (${sql.raw(publicStatusList)})`);
  if (f.statuses?.length) where.push(inArray(reports.status, f.statuses));
  // Only reports that reached an OPD can be in these statuses: the condition tells the planner so,
  // and the list walks reports_dispositioned_created_idx, not past a backlog awaiting triage.
  if (f.statuses?.length && f.statuses.every((s) => REACHED_THROUGH_DISPOSITION.includes(s))) where.push(sql`${reports.dispositionedAt} is not null`);
  // Filters on reference tables become arrays of keys first (= any(array(…))): the planner then
  // estimates them from the reports' own statistics and keeps walking the created_at index.
  if (f.categoryCode) {
    where.push(sql`${reports.categoryId} = any(array(select c.id from ${categories} c left join ${categories} p on p.id = c.parent_id
      where c.code = ${f.categoryCode} or p.code = ${f.categoryCode}))`);
  }
  if (f.kelurahanCode) where.push(eq(reports.kelurahanCode, f.kelurahanCode));
  if (f.kecamatanCode) where.push(sql`${reports.kelurahanCode} = any(array(select code from ${kelurahan} where kecamatan_code = ${f.kecamatanCode}))`);
  if (f.from) where.push(gte(reports.createdAt, f.from));
  if (f.to) where.push(lt(reports.createdAt, f.to));
  if (f.q) where.push(sql`${reports.search} @@ websearch_to_tsquery('indonesian', ${f.q})`);
  if (f.bbox) {
    const [minLng, minLat, maxLng, maxLat] = f.bbox;
    where.push(gte(reports.lat, minLat), lte(reports.lat, maxLat), gte(reports.lng, minLng), lte(reports.lng, maxLng));
  }
  // An OPD's live work is read from its dispositions (dispositions_opd_active_idx, in the lists'
  // order); its history walks the reports that reached any OPD (reports_dispositioned_created_idx).
  const inbox = f.opdId !== undefined && f.activeOnly;
  if (f.opdId !== undefined && !f.activeOnly) {
    // Every disposition sets dispositioned_at (aduan/actions), so the first condition only tells the planner.
    where.push(
      sql`${reports.dispositionedAt} is not null and exists (select 1 from ${dispositions} where ${dispositions.reportId} = ${reports.id} and ${dispositions.opdId} = ${f.opdId})`,
    );
  }
  if (f.overdue !== undefined) where.push(f.overdue ? overdueExpr(f.now) : sql`not ${overdueExpr(f.now)}`);
  if (f.reporterOrFollowerId) {
    // A set of ids from two indexed look-ups; an OR of the two made the planner scan by date.
    where.push(
      sql`${reports.id} in (select r.id from ${reports} r where r.reporter_id = ${f.reporterOrFollowerId}
        union all select rf.report_id from ${reportFollowers} rf where rf.user_id = ${f.reporterOrFollowerId})`,
    );
  }
  const query = db
    .select({
      r: reportColumns,
      categoryCode: categories.code,
      categoryNameId: categories.nameId,
      categoryNameEn: categories.nameEn,
      kelurahanName: kelurahan.name,
      kecamatanName: kecamatan.name,
      overdue: overdueExpr(f.now),
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .leftJoin(parentCategory, eq(parentCategory.id, categories.parentId))
    .innerJoin(kelurahan, eq(kelurahan.code, reports.kelurahanCode))
    .innerJoin(kecamatan, eq(kecamatan.code, kelurahan.kecamatanCode))
    .$dynamic();
  const rows = await (
    inbox
      ? query
          .innerJoin(dispositions, sql`${dispositions.reportId} = ${reports.id} and ${dispositions.opdId} = ${f.opdId} and ${dispositions.status} = 'active'`)
          .where(and(...where))
          // The same order as every list (a report's arrival, then id), read off the disposition.
          .orderBy(desc(dispositions.reportCreatedAt), desc(dispositions.reportId))
      : query.where(and(...where)).orderBy(desc(reports.createdAt), desc(reports.id))
  )
    .limit(f.limit + 1)
    .offset(f.offset);
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

export type ListedReport = Awaited<ReturnType<typeof listReports>>['rows'][number];

/** One report, by id or tracking number: the whole row (`r`) with a listing's joins, in one read. */
export async function reportSummary(db: Db, key: { id: number } | { trackingNumber: string }, now: Date): Promise<ListedReport | undefined> {
  return (await listReports(db, { ...key, limit: 1, offset: 0, now })).rows[0];
}

/** Reports whose resolution the reporter neither confirmed nor disputed in time. */
export const dueForAutoClose = (db: Db, now: Date, limit: number) =>
  db
    .select({ trackingNumber: reports.trackingNumber })
    .from(reports)
    .where(and(eq(reports.status, 'resolved'), lte(reports.autoCloseAt, now)))
    .orderBy(asc(reports.autoCloseAt))
    .limit(limit);

/** Active dispositions past their follow-up or resolution deadline that the OPD was not yet told about. */
export const newlyOverdueDispositions = (db: Db, now: Date, limit: number) =>
  db
    .select({ id: dispositions.id, opdId: dispositions.opdId, trackingNumber: reports.trackingNumber })
    .from(dispositions)
    .innerJoin(reports, eq(reports.id, dispositions.reportId))
    .where(
      and(
        eq(dispositions.status, 'active'),
        isNull(dispositions.overdueNotifiedAt),
        or(and(isNull(dispositions.firstFollowUpAt), lt(dispositions.followUpDueAt, now)), lt(reports.resolveDueAt, now)),
      ),
    )
    .limit(limit);

/** Claims the rows atomically: with several instances sweeping, each disposition is told once. */
export async function claimOverdueNotice(db: Db, ids: number[], now: Date): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db
    .update(dispositions)
    .set({ overdueNotifiedAt: now })
    .where(and(inArray(dispositions.id, ids), isNull(dispositions.overdueNotifiedAt)))
    .returning({ id: dispositions.id });
  return rows.map((r) => r.id);
}

export const photoFiles = (db: Db, reportId: number) =>
  db
    .select({ id: uploads.id, fileKey: uploads.fileKey, mime: uploads.mime })
    .from(reportPhotos)
    .innerJoin(uploads, eq(uploads.id, reportPhotos.uploadId))
    .where(eq(reportPhotos.reportId, reportId));

export const trackingNumberOf = async (db: Db, id: number): Promise<string | null> =>
  (await db.select({ tn: reports.trackingNumber }).from(reports).where(eq(reports.id, id)))[0]?.tn ?? null;

/* Per-page extras of public listings (Open311), one query per page rather than per report. */

const parent = alias(categories, 'parent');

/** Sub-categories a citizen can pick, with their khidmat; an inactive khidmat hides its children. */
export const activeServices = (db: Db) =>
  db
    .select({ code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn, groupId: parent.nameId, groupEn: parent.nameEn })
    .from(categories)
    .innerJoin(parent, eq(parent.id, categories.parentId))
    .where(and(eq(categories.active, true), eq(parent.active, true)))
    .orderBy(asc(parent.sortOrder), asc(categories.sortOrder), asc(categories.id));

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

/* Duplicate finding for the triage desk (similar.ts). */

/**
 * Open reports near `origin` in the same khidmat, filed within `days` of it, ranked by how many
 * Indonesian stems (the search tsvector) their text shares with the origin's (Jaccard), then distance.
 */
export async function similarReports(db: Db, origin: ReportRow, f: { radiusM: number; days: number; statuses: readonly ReportStatus[]; limit: number }) {
  const originCategory = alias(categories, 'origin_category');
  // Equirectangular distance: exact enough within a few kilometres, and needs no PostGIS.
  const distance = sql<number>`(6371000 * sqrt(power(radians(${reports.lat} - ${origin.lat}), 2)
    + power(radians(${reports.lng} - ${origin.lng}) * cos(radians(${origin.lat})), 2)))`;
  const shared = sql`(select count(*) from unnest(tsvector_to_array(${reports.search})) as l(x)
    where l.x = any(tsvector_to_array((select o.search from ${reports} o where o.id = ${origin.id}))))`;
  const total = sql`(cardinality(tsvector_to_array(${reports.search}))
    + cardinality(tsvector_to_array((select o.search from ${reports} o where o.id = ${origin.id}))))`;
  const textScore = sql<number>`coalesce(${shared}::float8 / nullif(${total} - ${shared}, 0), 0)`;
  const windowMs = f.days * 86_400_000;
  const degLat = f.radiusM / 111_320;
  return db
    .select({
      r: reportColumns,
      categoryCode: categories.code,
      categoryNameId: categories.nameId,
      categoryNameEn: categories.nameEn,
      kelurahanName: kelurahan.name,
      distanceM: distance,
      textScore,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .innerJoin(originCategory, eq(originCategory.id, origin.categoryId))
    .innerJoin(kelurahan, eq(kelurahan.code, reports.kelurahanCode))
    .where(
      and(
        sql`${reports.id} <> ${origin.id}`,
        inArray(reports.status, [...f.statuses]),
        // Same sub-category, or a sibling under the same khidmat.
        or(eq(categories.id, originCategory.id), and(isNotNull(categories.parentId), eq(categories.parentId, originCategory.parentId))),
        gte(reports.createdAt, new Date(origin.createdAt.getTime() - windowMs)),
        lte(reports.createdAt, new Date(origin.createdAt.getTime() + windowMs)),
        // A bounding box first so the point index narrows the scan, then the true radius.
        gte(reports.lat, origin.lat - degLat),
        lte(reports.lat, origin.lat + degLat),
        sql`${distance} <= ${f.radiusM}`,
      ),
    )
    .orderBy(desc(textScore), asc(distance), desc(reports.createdAt))
    .limit(f.limit);
}

/** Reports a person filed (mine) or follows (a duplicate of theirs was merged into it), oldest first. */
export async function reportsOfPerson(db: Db, userId: string): Promise<{ trackingNumber: string; mine: boolean }[]> {
  return db
    .select({ trackingNumber: reports.trackingNumber, mine: sql<boolean>`${reports.reporterId} = ${userId}` })
    .from(reports)
    .where(
      or(
        eq(reports.reporterId, userId),
        sql`exists (select 1 from ${reportFollowers} where ${reportFollowers.reportId} = ${reports.id} and ${reportFollowers.userId} = ${userId})`,
      ),
    )
    .orderBy(reports.id);
}

/** Removes every link from reports to the person (an erased account); returns how many reports they had filed. */
export async function unlinkPerson(db: Db, userId: string): Promise<number> {
  const filed = await db.update(reports).set({ reporterId: null }).where(eq(reports.reporterId, userId)).returning({ id: reports.id });
  await db.update(reportEvents).set({ actorId: null }).where(eq(reportEvents.actorId, userId));
  await db.delete(reportFollowers).where(eq(reportFollowers.userId, userId));
  return filed.length;
}

export async function insertDispositions(db: Db, rows: (typeof dispositions.$inferInsert)[]): Promise<void> {
  await db.insert(dispositions).values(rows);
}

export async function updateDispositions(db: Db, ids: number[], values: Partial<typeof dispositions.$inferInsert>): Promise<void> {
  if (ids.length) await db.update(dispositions).set(values).where(inArray(dispositions.id, ids));
}

/** Tracking numbers of the reports these people filed, in filing order (the demo resumes its plan from there). */
export async function reportsFiledBy(db: Db, userIds: string[]): Promise<string[]> {
  const rows = await db.select({ trackingNumber: reports.trackingNumber }).from(reports).where(inArray(reports.reporterId, userIds)).orderBy(asc(reports.id));
  return rows.map((r) => r.trackingNumber);
}

/** The account's number when its owner has proved it (written from it), else null. */
export async function verifiedPhoneOf(db: Db, userId: string): Promise<string | null> {
  const [u] = await db.select({ phone: users.phone }).from(users).where(and(eq(users.id, userId), isNotNull(users.phoneVerifiedAt)));
  return u?.phone ?? null;
}

/** A page of reports filed by conversation without an account (for linking them to one), in id order. */
export const unlinkedConversationReports = (db: Db, afterId: number, limit: number) =>
  db
    .select({ id: reports.id, externalReporter: reports.externalReporter })
    .from(reports)
    .where(and(isNull(reports.reporterId), inArray(reports.channel, ['whatsapp', 'sms']), isNotNull(reports.externalReporter), sql`${reports.id} > ${afterId}`))
    .orderBy(asc(reports.id))
    .limit(limit);

/** The reports become the account's: its owner now reads and answers them like their own. */
export async function linkReports(db: Db, ids: number[], userId: string): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.update(reports).set({ reporterId: userId, externalReporter: null }).where(and(inArray(reports.id, ids), isNull(reports.reporterId))).returning({ tn: reports.trackingNumber });
  return rows.map((r) => r.tn);
}

/** A resident's own account, found by the number (+628…) or address an officer was given. */
export async function citizenByContact(db: Db, phone: string | undefined, email: string | undefined): Promise<string | undefined> {
  const by = [phone ? eq(users.phone, phone) : undefined, email ? eq(users.email, email) : undefined].filter((c) => c !== undefined);
  if (!by.length) return undefined;
  const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'citizen'), isNull(users.deletedAt), or(...by))).limit(1);
  return u?.id;
}

/** Which of these tracking numbers name a report, its status and whether it is on the public list (for modules that link to complaints: e-monev). */
export const existingReports = (db: Db, trackingNumbers: readonly string[]) =>
  trackingNumbers.length
    ? db
        .select({ trackingNumber: reports.trackingNumber, status: reports.status, public: sql<boolean>`not ${reports.confidential} and ${reports.status} in (${sql.raw(publicStatusList)})` })
        .from(reports)
        .where(inArray(reports.trackingNumber, [...trackingNumbers]))
    : Promise.resolve([]);
