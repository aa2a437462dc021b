/** All SQL of the kemiskinan module. Services call these; nothing else touches the module's tables. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { rowsOf } from '../core/db/json-rows.js';
import { users } from '../core/auth/schema.js';
import { OPD_ROLES } from '../core/auth/principal.js';
import { uploads } from '../core/files/schema.js';
import { kecamatan, kelurahan, opds } from '../core/reference/schema.js';
import {
  assistance,
  complaintEvents,
  complaintPhotos,
  complaints,
  deliberationDecisions,
  deliberations,
  households,
  kemiskinanStaff,
  members,
  referrals,
  register,
  registerImports,
  registerRejects,
  visits,
} from './schema.js';
import type { ComplaintStatus, NeedCategory, Section } from './lifecycle.js';

export type ComplaintRow = typeof complaints.$inferSelect;
export type HouseholdRow = typeof households.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type ImportRow = typeof registerImports.$inferSelect;

/* Staff scope and people */

export const staffScope = async (db: Db, userId: string) =>
  (await db.select().from(kemiskinanStaff).where(eq(kemiskinanStaff.userId, userId)))[0];

export async function setStaffScope(db: Db, userId: string, values: { section: Section | null; kelurahanCode: string | null }, at: Date) {
  await db
    .insert(kemiskinanStaff)
    .values({ userId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: kemiskinanStaff.userId, set: { ...values, updatedAt: at } });
}

export const userById = async (db: Db, id: string) =>
  (await db.select({ id: users.id, role: users.role, opdId: users.opdId, fullName: users.fullName, deletedAt: users.deletedAt }).from(users).where(eq(users.id, id)))[0];

/** Citizen accounts among the given NIK hashes: the household's own members follow its complaints. */
export const citizensByNikHash = (db: Db, hashes: string[]) =>
  hashes.length
    ? db.select({ id: users.id, nikHash: users.nikHash }).from(users).where(and(inArray(users.nikHash, hashes), eq(users.role, 'citizen'), isNull(users.deletedAt)))
    : Promise.resolve([]);

export const nikHashOf = async (db: Db, userId: string) => (await db.select({ h: users.nikHash }).from(users).where(eq(users.id, userId)))[0]?.h ?? null;

/** Whom to tell: the desk, a section's officers, a kelurahan's operators, an OPD's staff. */
export async function staffToTell(db: Db, who: { desk?: boolean; section?: Section | null; kelurahanCode?: string | null; opdIds?: number[] }): Promise<string[]> {
  const conds: SQL[] = [];
  if (who.desk) conds.push(eq(users.role, 'dinsos_desk'));
  if (who.section) conds.push(and(eq(users.role, 'dinsos_section'), eq(kemiskinanStaff.section, who.section))!);
  if (who.kelurahanCode) conds.push(and(eq(users.role, 'kelurahan_operator'), eq(kemiskinanStaff.kelurahanCode, who.kelurahanCode))!);
  if (who.opdIds?.length) conds.push(and(inArray(users.opdId, who.opdIds), inArray(users.role, [...OPD_ROLES]))!);
  if (!conds.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .leftJoin(kemiskinanStaff, eq(kemiskinanStaff.userId, users.id))
    .where(and(isNull(users.deletedAt), or(...conds)));
  return rows.map((r) => r.id);
}

export const opdByCode = async (db: Db, code: string) => (await db.select().from(opds).where(and(eq(opds.code, code), eq(opds.active, true))))[0];

export const kelurahanNames = async (db: Db) =>
  new Map((await db.select({ code: kelurahan.code, name: kelurahan.name }).from(kelurahan)).map((k) => [k.code, k.name]));

export async function nextTrackingSerial(db: Db): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await db.execute(sql`select nextval('kemiskinan_tracking_seq') as n`))[0]!.n);
}

/* Households */

export async function householdByKk(db: Db, kkHash: string, lock = false) {
  const q = db.select().from(households).where(eq(households.kkHash, kkHash)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export const householdById = async (db: Db, id: number) => (await db.select().from(households).where(eq(households.id, id)))[0];

export async function upsertHousehold(db: Db, values: typeof households.$inferInsert, existingId?: number): Promise<number> {
  if (existingId !== undefined) {
    const { kkHash: _k, createdAt: _c, ...rest } = values;
    await db.update(households).set(rest).where(eq(households.id, existingId));
    return existingId;
  }
  return (await db.insert(households).values(values).returning({ id: households.id }))[0]!.id;
}

export async function replaceMembers(db: Db, householdId: number, rows: Omit<typeof members.$inferInsert, 'householdId'>[]) {
  await db.delete(members).where(eq(members.householdId, householdId));
  if (rows.length) await db.insert(members).values(rows.map((r) => ({ ...r, householdId })));
}

export const membersOf = (db: Db, householdId: number) =>
  db.select().from(members).where(eq(members.householdId, householdId)).orderBy(asc(members.id));

export async function householdFacts(db: Db, householdId: number) {
  const hh = await householdById(db, householdId);
  const cs = await db
    .select({ id: complaints.id, kelurahanCode: complaints.kelurahanCode, citizenId: complaints.citizenId, filedById: complaints.filedById, channel: complaints.channel })
    .from(complaints)
    .where(eq(complaints.householdId, householdId));
  const vs = cs.length
    ? await db.selectDistinct({ v: visits.volunteerId }).from(visits).where(and(inArray(visits.complaintId, cs.map((c) => c.id)), inArray(visits.status, ['assigned', 'done'])))
    : [];
  return {
    kelurahanCodes: [...new Set([...(hh ? [hh.kelurahanCode] : []), ...cs.map((c) => c.kelurahanCode)])],
    // A volunteer who filed for the household keeps seeing it, like one sent to visit it.
    volunteerIds: [...vs.map((v) => v.v), ...cs.flatMap((c) => (c.channel === 'volunteer' && c.filedById ? [c.filedById] : []))],
    citizenIds: cs.flatMap((c) => (c.citizenId ? [c.citizenId] : [])),
  };
}

/* The register */

export interface RegisterHit {
  period: string;
  decile: number;
  programmes: string[];
}

/** The household's best (lowest-decile) register entry by any member's NIK or the KK. */
export async function matchRegister(db: Db, nikHashes: string[], kkHash: string): Promise<RegisterHit | undefined> {
  const niks = nikHashes.map((h) => sql`decode(${h}, 'hex')`);
  const rows = rowsOf<{ period: string; decile: number; programmes: string[] }>(
    await db.execute(sql`select period, decile, programmes from kemiskinan_register
      where kk_hash = decode(${kkHash}, 'hex') ${niks.length ? sql`or nik_hash in (${sql.join(niks, sql`, `)})` : sql``}
      order by decile asc limit 1`),
  );
  const r = rows[0];
  return r ? { period: r.period, decile: Number(r.decile), programmes: r.programmes } : undefined;
}

export async function registerSummary(db: Db) {
  const [row] = rowsOf<{ period: string | null; n: string | number }>(await db.execute(sql`select max(period) as period, count(*) as n from kemiskinan_register`));
  return { period: row?.period ?? null, persons: Number(row?.n ?? 0) };
}

/** Complaints waiting for the register whose household the register now lists. */
export async function waitingNowRegistered(db: Db): Promise<string[]> {
  return rowsOf<{ tn: string }>(
    await db.execute(sql`select c.tracking_number as tn from kemiskinan_complaints c
      join kemiskinan_households h on h.id = c.household_id
      where c.status in ('musyawarah', 'proposed') and (
        exists (select 1 from kemiskinan_register r where r.kk_hash = decode(h.kk_hash, 'hex'))
        or exists (select 1 from kemiskinan_members m join kemiskinan_register r on r.nik_hash = decode(m.nik_hash, 'hex') where m.household_id = h.id))
      order by c.id`),
  ).map((r) => r.tn);
}

/* Register imports */

export const insertImport = async (db: Db, values: typeof registerImports.$inferInsert) => (await db.insert(registerImports).values(values).returning())[0]!;
export const importById = async (db: Db, id: number) => (await db.select().from(registerImports).where(eq(registerImports.id, id)))[0];
export const listImports = (db: Db, limit: number) => db.select().from(registerImports).orderBy(desc(registerImports.id)).limit(limit);
export const updateImport = (db: Db, id: number, values: Partial<typeof registerImports.$inferInsert>) =>
  db.update(registerImports).set(values).where(eq(registerImports.id, id));

/**
 * Claims one queued import (or one whose runner stopped sending heartbeats) for this runner.
 * SKIP LOCKED lets several instances poll at once without waiting on each other.
 */
export async function claimImport(db: Db, now: Date, staleBefore: Date): Promise<ImportRow | undefined> {
  const rows = rowsOf<{ id: string | number }>(
    await db.execute(sql`update kemiskinan_register_imports set status = 'running', started_at = ${now}, heartbeat_at = ${now},
        bytes_read = 0, rows_read = 0, rows_accepted = 0, rows_rejected = 0
      where id = (select id from kemiskinan_register_imports
        where status = 'queued' or (status = 'running' and heartbeat_at < ${staleBefore})
        order by id for update skip locked limit 1)
      returning id`),
  );
  return rows[0] ? importById(db, Number(rows[0].id)) : undefined;
}

export const latestApplied = async (db: Db) =>
  (await db.select().from(registerImports).where(eq(registerImports.status, 'applied')).orderBy(desc(registerImports.id)).limit(1))[0];

export async function insertRejects(db: Db, importId: number, rows: { line: number; code: string; field: string | null }[]) {
  if (rows.length) await db.insert(registerRejects).values(rows.map((r) => ({ importId, ...r }))).onConflictDoNothing();
}

export const rejectsOf = (db: Db, importId: number, limit: number, offset: number) =>
  db.select().from(registerRejects).where(eq(registerRejects.importId, importId)).orderBy(asc(registerRejects.line), asc(registerRejects.code)).limit(limit).offset(offset);

const stage = (importId: number) => sql.raw(`kemiskinan_register_stage_${Math.trunc(importId)}`);

export async function createStaging(db: Db, importId: number) {
  await db.execute(sql`drop table if exists ${stage(importId)}`);
  await db.execute(sql`create table ${stage(importId)} (like kemiskinan_register including defaults)`);
  await db.execute(sql`alter table ${stage(importId)} add constraint ${sql.raw(`kemiskinan_register_stage_${importId}_pkey`)} primary key (nik_hash)`);
}

export const dropStaging = (db: Db, importId: number) => db.execute(sql`drop table if exists ${stage(importId)}`);

export interface StagedRow {
  line: number;
  nikHash: string;
  kkHash: string;
  kelurahanCode: string;
  decile: number;
  programmes: string;
}

/**
 * One batch as a single statement over arrays (unnest): a handful of parameters whatever the batch
 * size. Returns the lines that went in; the others repeat a NIK already seen in the file.
 */
export async function insertStaged(db: Db, importId: number, period: string, rows: StagedRow[]): Promise<Set<number>> {
  // One parameter per column (drizzle would spread a plain array into a list of parameters).
  const col = <K extends keyof StagedRow>(k: K) => sql.param(rows.map((r) => r[k]));
  const res = await db.execute(sql`insert into ${stage(importId)} (nik_hash, kk_hash, kelurahan_code, decile, programmes, period, import_id)
    select decode(n, 'hex'), decode(k, 'hex'), kel, d, coalesce(string_to_array(nullif(p, ''), ','), '{}'), ${period}, ${importId}
    from unnest(${col('line')}::int[], ${col('nikHash')}::text[], ${col('kkHash')}::text[], ${col('kelurahanCode')}::text[], ${col('decile')}::smallint[], ${col('programmes')}::text[]) as t(l, n, k, kel, d, p)
    order by l
    on conflict (nik_hash) do nothing
    returning encode(nik_hash, 'hex') as h`);
  const inserted = new Set(rowsOf<{ h: string }>(res).map((r) => r.h));
  // Within the batch the first line of a repeated NIK is the one that went in.
  const lines = new Set<number>();
  for (const r of rows) {
    if (inserted.delete(r.nikHash)) lines.add(r.line);
  }
  return lines;
}

/** Taken first by the applying transaction, so two imports never swap at once. */
export const lockRegister = (db: Db) => db.execute(sql`lock table kemiskinan_register in access exclusive mode`);

/** Puts the staged register in force: atomic rename, so readers see the old or the new one whole. */
export async function swapInStaging(db: Db, importId: number) {
  await db.execute(sql`create index ${sql.raw(`kemiskinan_register_stage_${importId}_kk`)} on ${stage(importId)} (kk_hash)`);
  await db.execute(sql`drop table kemiskinan_register`);
  await db.execute(sql`alter table ${stage(importId)} rename to kemiskinan_register`);
  await db.execute(sql`alter table kemiskinan_register rename constraint ${sql.raw(`kemiskinan_register_stage_${importId}_pkey`)} to kemiskinan_register_pkey`);
  await db.execute(sql`alter index ${sql.raw(`kemiskinan_register_stage_${importId}_kk`)} rename to kemiskinan_register_kk_idx`);
}

/* Complaints */

export async function findComplaint(db: Db, trackingNumber: string, lock = false): Promise<ComplaintRow | undefined> {
  const q = db.select().from(complaints).where(eq(complaints.trackingNumber, trackingNumber)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

export const insertComplaint = async (db: Db, values: typeof complaints.$inferInsert) => (await db.insert(complaints).values(values).returning())[0]!;

export const updateComplaint = (db: Db, id: number, values: Partial<typeof complaints.$inferInsert>) =>
  db.update(complaints).set(values).where(eq(complaints.id, id));

export async function insertEvent(db: Db, values: typeof complaintEvents.$inferInsert): Promise<number> {
  return (await db.insert(complaintEvents).values(values).returning({ id: complaintEvents.id }))[0]!.id;
}

/** Takes photos the caller uploaded and nobody used yet; all or none. */
export async function attachPhotos(db: Db, a: { complaintId: number; visitId?: number; ownerId: string; uploadIds: string[]; at: Date }): Promise<boolean> {
  if (!a.uploadIds.length) return true;
  const taken = await db
    .update(uploads)
    .set({ attachedAt: a.at })
    .where(and(inArray(uploads.id, a.uploadIds), eq(uploads.ownerId, a.ownerId), isNull(uploads.attachedAt)))
    .returning({ id: uploads.id });
  if (taken.length !== new Set(a.uploadIds).size) return false;
  await db.insert(complaintPhotos).values(a.uploadIds.map((uploadId) => ({ uploadId, complaintId: a.complaintId, visitId: a.visitId ?? null })));
  return true;
}

export const photosOf = (db: Db, complaintId: number) =>
  db
    .select({ id: uploads.id, visitId: complaintPhotos.visitId, mime: uploads.mime, width: uploads.width, height: uploads.height, fileKey: uploads.fileKey })
    .from(complaintPhotos)
    .innerJoin(uploads, eq(uploads.id, complaintPhotos.uploadId))
    .where(eq(complaintPhotos.complaintId, complaintId))
    .orderBy(asc(uploads.createdAt));

export const timelineOf = (db: Db, complaintId: number) =>
  db
    .select({ e: complaintEvents, actorName: users.fullName })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));

export const visitsOf = (db: Db, complaintId: number) =>
  db
    .select({ v: visits, volunteerName: users.fullName })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.volunteerId))
    .where(eq(visits.complaintId, complaintId))
    .orderBy(asc(visits.id));

export const assistanceOf = (db: Db, complaintId: number) =>
  db.select().from(assistance).where(eq(assistance.complaintId, complaintId)).orderBy(asc(assistance.id));

export const referralsOf = (db: Db, complaintId: number) =>
  db
    .select({ r: referrals, opdCode: opds.code, opdName: opds.shortName })
    .from(referrals)
    .innerJoin(opds, eq(opds.id, referrals.opdId))
    .where(eq(referrals.complaintId, complaintId))
    .orderBy(asc(referrals.id));

export const insertVisit = async (db: Db, values: typeof visits.$inferInsert) => (await db.insert(visits).values(values).returning())[0]!;
export const updateVisits = (db: Db, ids: number[], values: Partial<typeof visits.$inferInsert>) =>
  ids.length ? db.update(visits).set(values).where(inArray(visits.id, ids)) : Promise.resolve();
export const insertAssistance = (db: Db, values: typeof assistance.$inferInsert) => db.insert(assistance).values(values);
export const insertReferral = (db: Db, values: typeof referrals.$inferInsert) => db.insert(referrals).values(values);
export const updateReferral = (db: Db, id: number, values: Partial<typeof referrals.$inferInsert>) => db.update(referrals).set(values).where(eq(referrals.id, id));

export const complaintIdOfVisit = async (db: Db, visitId: number) =>
  (await db.select({ tn: complaints.trackingNumber }).from(visits).innerJoin(complaints, eq(complaints.id, visits.complaintId)).where(eq(visits.id, visitId)))[0]?.tn;

export const complaintOfReferral = async (db: Db, referralId: number) =>
  (await db.select({ tn: complaints.trackingNumber, opdId: referrals.opdId }).from(referrals).innerJoin(complaints, eq(complaints.id, referrals.complaintId)).where(eq(referrals.id, referralId)))[0];

export interface ListFilter {
  id?: number | undefined;
  statuses?: readonly ComplaintStatus[] | undefined;
  section?: Section | undefined;
  kelurahanCode?: string | undefined;
  needCategory?: NeedCategory | undefined;
  urgent?: boolean | undefined;
  registered?: boolean | undefined;
  overdue?: boolean | undefined;
  citizenId?: string | undefined;
  householdId?: number | undefined;
  /** Complaints with a visit assigned to this volunteer. */
  volunteerId?: string | undefined;
  limit: number;
  offset: number;
  now: Date;
}

export const overdueExpr = (now: Date): SQL<boolean> => sql<boolean>`(
  (${complaints.status} = 'submitted' and ${complaints.verifyDueAt} < ${now})
  or (${complaints.status} in ('routed','visit_assigned','visited') and ${complaints.firstActionAt} is null and ${complaints.followUpDueAt} < ${now})
  or (${complaints.status} in ('routed','visit_assigned','visited') and ${complaints.handledAt} is null and ${complaints.resolveDueAt} < ${now}))`;

/** Claims overdue complaints nobody was told about yet (SKIP LOCKED: several sweepers never tell twice). */
export async function claimOverdue(db: Db, now: Date, limit: number) {
  return rowsOf<{ tn: string; status: ComplaintStatus; section: Section | null; urgent: boolean }>(
    await db.execute(sql`update kemiskinan_complaints set overdue_notified_at = ${now}
      where id in (select ${complaints.id} from ${complaints} where ${complaints.overdueNotifiedAt} is null and ${overdueExpr(now)}
        order by ${complaints.id} limit ${limit} for update skip locked)
      returning tracking_number as tn, status, section, urgent`),
  );
}

/** Work queues: urgent first, then the oldest. */
export async function listComplaints(db: Db, f: ListFilter) {
  const where: (SQL | undefined)[] = [];
  if (f.id !== undefined) where.push(eq(complaints.id, f.id));
  if (f.statuses?.length) where.push(inArray(complaints.status, [...f.statuses]));
  if (f.section) where.push(eq(complaints.section, f.section));
  if (f.kelurahanCode) where.push(eq(complaints.kelurahanCode, f.kelurahanCode));
  if (f.needCategory) where.push(eq(complaints.needCategory, f.needCategory));
  if (f.urgent !== undefined) where.push(eq(complaints.urgent, f.urgent));
  if (f.registered !== undefined) where.push(eq(complaints.registered, f.registered));
  if (f.overdue !== undefined) where.push(f.overdue ? overdueExpr(f.now) : sql`not ${overdueExpr(f.now)}`);
  if (f.citizenId) where.push(eq(complaints.citizenId, f.citizenId));
  if (f.householdId !== undefined) where.push(eq(complaints.householdId, f.householdId));
  if (f.volunteerId) where.push(sql`exists (select 1 from ${visits} where ${visits.complaintId} = ${complaints.id} and ${visits.volunteerId} = ${f.volunteerId})`);
  const rows = await db
    .select({
      c: complaints,
      headName: households.headName,
      kkMasked: households.kkMasked,
      address: households.address,
      rt: households.rt,
      rw: households.rw,
      kelurahanName: kelurahan.name,
      kecamatanName: kecamatan.name,
      overdue: overdueExpr(f.now),
    })
    .from(complaints)
    .innerJoin(households, eq(households.id, complaints.householdId))
    .innerJoin(kelurahan, eq(kelurahan.code, complaints.kelurahanCode))
    .innerJoin(kecamatan, eq(kecamatan.code, kelurahan.kecamatanCode))
    .where(and(...where))
    .orderBy(desc(complaints.urgent), asc(complaints.createdAt), asc(complaints.id))
    .limit(f.limit + 1)
    .offset(f.offset);
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}
export type ListedComplaint = Awaited<ReturnType<typeof listComplaints>>['rows'][number];

/** A volunteer's visits with what they need to find the house. */
export const visitsForVolunteer = (db: Db, volunteerId: string, statuses: ('assigned' | 'done' | 'cancelled')[]) =>
  db
    .select({ v: visits, tn: complaints.trackingNumber, urgent: complaints.urgent, needType: complaints.needType, headName: households.headName, address: households.address, rt: households.rt, rw: households.rw, kelurahanName: kelurahan.name })
    .from(visits)
    .innerJoin(complaints, eq(complaints.id, visits.complaintId))
    .innerJoin(households, eq(households.id, complaints.householdId))
    .innerJoin(kelurahan, eq(kelurahan.code, households.kelurahanCode))
    .where(and(eq(visits.volunteerId, volunteerId), inArray(visits.status, statuses)))
    .orderBy(desc(complaints.urgent), asc(visits.dueAt));

export const referralsForOpd = (db: Db, opdId: number, open: boolean) =>
  db
    .select({ r: referrals, tn: complaints.trackingNumber, headName: households.headName, kelurahanName: kelurahan.name, needType: complaints.needType, urgent: complaints.urgent })
    .from(referrals)
    .innerJoin(complaints, eq(complaints.id, referrals.complaintId))
    .innerJoin(households, eq(households.id, complaints.householdId))
    .innerJoin(kelurahan, eq(kelurahan.code, complaints.kelurahanCode))
    .where(and(eq(referrals.opdId, opdId), open ? eq(referrals.status, 'sent') : sql`true`))
    .orderBy(desc(complaints.urgent), asc(referrals.createdAt))
    .limit(200);

export async function findReferral(db: Db, id: number, lock = false) {
  const q = db.select().from(referrals).where(eq(referrals.id, id)).limit(1);
  return (lock ? await q.for('update') : await q)[0];
}

/* Musyawarah kelurahan */

export const insertDeliberation = async (db: Db, values: typeof deliberations.$inferInsert) => (await db.insert(deliberations).values(values).returning())[0]!;
export const insertDecisions = (db: Db, rows: (typeof deliberationDecisions.$inferInsert)[]) => (rows.length ? db.insert(deliberationDecisions).values(rows) : Promise.resolve());
export const deliberationsOf = (db: Db, kelurahanCode: string) =>
  db
    .select({ d: deliberations, recordedBy: users.fullName })
    .from(deliberations)
    .leftJoin(users, eq(users.id, deliberations.recordedById))
    .where(eq(deliberations.kelurahanCode, kelurahanCode))
    .orderBy(desc(deliberations.heldOn), desc(deliberations.id))
    .limit(50);
export const deliberationById = async (db: Db, id: number) => (await db.select().from(deliberations).where(eq(deliberations.id, id)))[0];
export const decisionsOf = (db: Db, deliberationId: number) =>
  db
    .select({ decision: deliberationDecisions.decision, reason: deliberationDecisions.reason, c: complaints, h: households })
    .from(deliberationDecisions)
    .innerJoin(complaints, eq(complaints.id, deliberationDecisions.complaintId))
    .innerJoin(households, eq(households.id, complaints.householdId))
    .where(eq(deliberationDecisions.deliberationId, deliberationId))
    .orderBy(asc(households.rw), asc(households.rt), asc(complaints.id));

/* Figures */

export interface FigureRange {
  from: Date;
  to: Date;
}

export async function figures(db: Db, r: FigureRange) {
  const inRange = and(gte(complaints.createdAt, r.from), lt(complaints.createdAt, r.to));
  const handled = sql<number>`count(*) filter (where ${complaints.handledAt} is not null)::int`;
  const received = sql<number>`count(*)::int`;
  const avgDays = sql<number | null>`avg(extract(epoch from (${complaints.handledAt} - ${complaints.createdAt})) / 86400) filter (where ${complaints.handledAt} is not null)`;
  const [total] = await db.select({ received, handled, avgDays }).from(complaints).where(inRange);
  const byNeed = await db.select({ key: complaints.needCategory, received, handled }).from(complaints).where(inRange).groupBy(complaints.needCategory).orderBy(complaints.needCategory);
  const byRegistered = await db.select({ key: complaints.registered, received, handled }).from(complaints).where(inRange).groupBy(complaints.registered);
  const byKelurahan = await db
    .select({ key: complaints.kelurahanCode, name: kelurahan.name, received, handled })
    .from(complaints)
    .innerJoin(kelurahan, eq(kelurahan.code, complaints.kelurahanCode))
    .where(inRange)
    .groupBy(complaints.kelurahanCode, kelurahan.name)
    .orderBy(desc(received), asc(kelurahan.name));
  const byStatus = await db.select({ key: complaints.status, received }).from(complaints).where(inRange).groupBy(complaints.status);
  return { total: total!, byNeed, byRegistered, byKelurahan, byStatus };
}

/**
 * Complaints received before `until` per year of receipt (Jakarta), kelurahan and need, and how many
 * of them were handled before `until`: counts only, no household (Satu Data's open dataset).
 */
export const complaintCounts = (db: Db, until: Date) => {
  const year = sql<number>`extract(year from ${complaints.createdAt} at time zone 'Asia/Jakarta')::int`;
  return db
    .select({
      year,
      kelurahanCode: complaints.kelurahanCode,
      need: complaints.needCategory,
      received: sql<number>`count(*)::int`,
      handled: sql<number>`count(*) filter (where ${complaints.handledAt} < ${until})::int`,
    })
    .from(complaints)
    .where(lt(complaints.createdAt, until))
    .groupBy(sql`1`, complaints.kelurahanCode, complaints.needCategory);
};

export const volunteers = (db: Db) =>
  db.select({ id: users.id, fullName: users.fullName }).from(users).where(and(eq(users.role, 'volunteer'), isNull(users.deletedAt))).orderBy(asc(users.fullName));

/* A person's data rights (UU 27/2022) */

/** Tracking numbers of the complaints a citizen follows (filed by them, or for their household on their account), oldest first. */
export async function complaintsOfCitizen(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ trackingNumber: complaints.trackingNumber }).from(complaints).where(eq(complaints.citizenId, userId)).orderBy(complaints.id);
  return rows.map((r) => r.trackingNumber);
}

/**
 * Removes every link from complaints and their timelines to the person (an erased account); returns
 * how many complaints stay for Dinas Sosial's case work, now with no account behind them.
 */
export async function unlinkPerson(db: Db, userId: string): Promise<number> {
  const followed = await db.update(complaints).set({ citizenId: null }).where(eq(complaints.citizenId, userId)).returning({ id: complaints.id });
  const filed = await db.update(complaints).set({ filedById: null }).where(eq(complaints.filedById, userId)).returning({ id: complaints.id });
  await db.update(complaintEvents).set({ actorId: null }).where(eq(complaintEvents.actorId, userId));
  return new Set([...followed, ...filed].map((c) => c.id)).size;
}

/* Demo data */

export const anyComplaint = async (db: Db): Promise<boolean> => (await db.select({ id: complaints.id }).from(complaints).limit(1)).length > 0;

export const usersByEmail = (db: Db, emails: string[]) => db.select().from(users).where(inArray(users.email, emails));
