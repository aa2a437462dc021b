/** All SQL of the PPID module. Services call these; nothing else touches the module's tables. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { columnList, insertJsonRows, rowOf, rowsOf, together } from '../core/db/json-rows.js';
import { executePrepared, renderedOnce } from '../core/db/prepared.js';
import { sequenceBlocks } from '../core/db/sequence-blocks.js';
import { opds } from '../core/reference/schema.js';
import { documents } from '../core/files/schema.js';
import { claimDocuments } from '../core/files/claim.js';
import { ppidAnswerDocuments, ppidEvents, ppidObjections, ppidRegistrationSeq, ppidRequests } from './schema.js';
import { ANSWERED_STATUSES, OPEN_STATUSES, type RequestStatus } from './lifecycle.js';

export type RequestRow = typeof ppidRequests.$inferSelect;
export type ObjectionRow = typeof ppidObjections.$inferSelect;

/** Registration serials, a block at a time per instance (gaps after a restart, never a repeat). */
export const registrationSerials = () => sequenceBlocks(ppidRegistrationSeq, 64);

// The filing statement's fixed parts, rendered once (see renderedOnce).
const requestColumns = columnList(ppidRequests, { except: ['search'] });
const submittedHead = renderedOnce(sql`insert into ${ppidEvents} (request_id, at, actor_id, actor_role, action, to_status, detail)
  select r.id, r.created_at, f.actor_id, f.actor_role, 'submit', 'submitted', jsonb_build_object('channel', r.channel)
  from r join jsonb_to_recordset(`);
const submittedTail = renderedOnce(sql`::jsonb) as f(registration_number text, actor_id uuid, actor_role text) using (registration_number)`);

/**
 * Writes requests in one statement for all of them: the requests, their first timeline events and
 * the caller's `alongside` (audit lines, emails, idempotency claims); atomic without a transaction.
 */
export async function insertRequests(db: Db, requests: readonly { values: typeof ppidRequests.$inferInsert; actorId: string | null; actorRole: string }[], alongside: readonly SQL[]): Promise<RequestRow[]> {
  const filed = insertJsonRows(ppidRequests, requests.map((r) => r.values), { returning: requestColumns });
  const actors = JSON.stringify(requests.map((r) => ({ registration_number: r.values.registrationNumber, actor_id: r.actorId, actor_role: r.actorRole })));
  const submitted = sql`${submittedHead}${actors}${submittedTail}`;
  const rows = rowsOf<Record<string, unknown>>(await executePrepared(db, together([['r', filed], ['e', submitted], ...alongside], sql`select * from r`)));
  return rows.map((row) => rowOf(ppidRequests, row, { except: ['search'] }) as RequestRow);
}

/** Takes the caller's own unattached document for the request; false when it is not theirs or already used. */
export const claimDocument = (db: Db, documentId: string, ownerId: string, at: Date): Promise<boolean> => claimDocuments(db, [documentId], ownerId, at);

/** A document stored for the request right now (the power of attorney): taken at once; the one it replaces is let go for the sweep. */
export async function setPowerOfAttorney(db: Db, row: RequestRow, documentId: string, at: Date): Promise<void> {
  await db.update(documents).set({ attachedAt: at }).where(eq(documents.id, documentId));
  await db.update(ppidRequests).set({ powerOfAttorneyId: documentId, updatedAt: at }).where(eq(ppidRequests.id, row.id));
  if (row.powerOfAttorneyId) await db.update(documents).set({ attachedAt: null }).where(eq(documents.id, row.powerOfAttorneyId));
}

/** One of the request's own papers (power of attorney, the Komisi's decision) by id. */
export const documentById = async (db: Db, id: string) => (await db.select({ id: documents.id, name: documents.name, mime: documents.mime, fileKey: documents.fileKey }).from(documents).where(eq(documents.id, id)))[0];

/**
 * Attaches the officer's own unattached documents to a request as its answer, in the given order;
 * false (and nothing attached) when one is not theirs or already used.
 */
export async function attachAnswerDocuments(db: Db, requestId: number, documentIds: readonly string[], ownerId: string, at: Date): Promise<boolean> {
  if (!documentIds.length) return true;
  if (!(await claimDocuments(db, documentIds, ownerId, at))) return false;
  const start = Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${ppidAnswerDocuments} where request_id = ${requestId}`))[0]!.n);
  await db.insert(ppidAnswerDocuments).values(documentIds.map((documentId, i) => ({ requestId, documentId, position: start + i })));
  return true;
}

/** The answer documents of these requests, each request's in order. */
export const answerDocumentsOf = (db: Db, requestIds: readonly number[]) =>
  requestIds.length
    ? db
        .select({ requestId: ppidAnswerDocuments.requestId, id: documents.id, name: documents.name, mime: documents.mime, bytes: documents.bytes, pages: documents.pages, fileKey: documents.fileKey })
        .from(ppidAnswerDocuments)
        .innerJoin(documents, eq(documents.id, ppidAnswerDocuments.documentId))
        .where(inArray(ppidAnswerDocuments.requestId, [...requestIds]))
        .orderBy(asc(ppidAnswerDocuments.requestId), asc(ppidAnswerDocuments.position))
    : Promise.resolve([]);

export const answerDocuments = async (db: Db, requestId: number) => (await answerDocumentsOf(db, [requestId])).map(({ requestId: _, ...d }) => d);

export async function findRequest(db: Db, registrationNumber: string, lock = false): Promise<RequestRow | undefined> {
  const q = db.select().from(ppidRequests).where(eq(ppidRequests.registrationNumber, registrationNumber));
  return (await (lock ? q.for('update') : q))[0];
}

export async function updateRequest(db: Db, id: number, values: Partial<typeof ppidRequests.$inferInsert>): Promise<void> {
  await db.update(ppidRequests).set(values).where(eq(ppidRequests.id, id));
}

export async function insertEvent(db: Db, values: typeof ppidEvents.$inferInsert): Promise<void> {
  await db.insert(ppidEvents).values(values);
}

export const timelineOf = (db: Db, requestId: number) =>
  db.select().from(ppidEvents).where(eq(ppidEvents.requestId, requestId)).orderBy(asc(ppidEvents.at), asc(ppidEvents.id));

export const opdByCode = async (db: Db, code: string) => (await db.select().from(opds).where(and(eq(opds.code, code), eq(opds.active, true))))[0];

export const opdNames = async (db: Db): Promise<Map<number, { code: string; name: string }>> =>
  new Map((await db.select({ id: opds.id, code: opds.code, name: opds.name }).from(opds)).map((o) => [o.id, { code: o.code, name: o.name }]));

export interface ListFilter {
  /** A PPID Pelaksana's OPD; undefined for every request. */
  opdId?: number | undefined;
  requesterId?: string | undefined;
  statuses?: readonly RequestStatus[] | undefined;
  limit: number;
  offset: number;
  now: Date;
}

/** Open requests first, the most urgent deadline first (overdue ones lead); then answered ones, newest first. */
export async function listRequests(db: Db, f: ListFilter): Promise<{ rows: RequestRow[]; total: number }> {
  const where: SQL[] = [];
  if (f.opdId !== undefined) where.push(eq(ppidRequests.opdId, f.opdId));
  if (f.requesterId !== undefined) where.push(eq(ppidRequests.requesterId, f.requesterId));
  if (f.statuses?.length) where.push(inArray(ppidRequests.status, [...f.statuses]));
  const cond = where.length ? and(...where) : undefined;
  const open = sql`${ppidRequests.status} in ${OPEN_STATUSES}`;
  const rows = await db
    .select()
    .from(ppidRequests)
    .where(cond)
    .orderBy(desc(open), sql`case when ${open} then ${ppidRequests.answerDueAt} end asc`, desc(ppidRequests.createdAt), desc(ppidRequests.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(ppidRequests).where(cond)) as [{ n: number }];
  return { rows, total: n };
}

/* Objections */

export async function findObjection(db: Db, requestId: number, lock = false): Promise<ObjectionRow | undefined> {
  const q = db.select().from(ppidObjections).where(eq(ppidObjections.requestId, requestId));
  return (await (lock ? q.for('update') : q))[0];
}

export async function insertObjection(db: Db, values: typeof ppidObjections.$inferInsert): Promise<void> {
  await db.insert(ppidObjections).values(values);
}

export async function updateObjection(db: Db, id: number, values: Partial<typeof ppidObjections.$inferInsert>): Promise<void> {
  await db.update(ppidObjections).set(values).where(eq(ppidObjections.id, id));
}

/** The Atasan PPID's list: undecided objections by their deadline first, then the rest newest first. */
export async function listObjections(db: Db, f: { limit: number; offset: number }) {
  const undecided = sql`${ppidObjections.status} = 'filed'`;
  const rows = await db
    .select({ objection: ppidObjections, registrationNumber: ppidRequests.registrationNumber, information: ppidRequests.information, opdId: ppidRequests.opdId })
    .from(ppidObjections)
    .innerJoin(ppidRequests, eq(ppidRequests.id, ppidObjections.requestId))
    .orderBy(desc(undecided), sql`case when ${undecided} then ${ppidObjections.answerDueAt} end asc`, desc(ppidObjections.filedAt), desc(ppidObjections.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(ppidObjections)) as [{ n: number }];
  return { rows, total: n };
}

/* The public archive and the yearly report: no column that names or identifies the requester */

// A request is public once answered (the PPID has read it by then; a request text a requester
// filled with their own details never shows unread), if they consented. Spelled as the archive
// index's predicate, so the planner takes the index.
const archived = sql`${ppidRequests.publicConsent} and ${ppidRequests.answeredAt} is not null`;
/** The archive counts its matches up to this many; beyond, it says "more than". */
export const ARCHIVE_COUNT_CAP = 1000;

export async function archiveRequests(db: Db, f: { q?: string | undefined; limit: number; offset: number }) {
  const match = f.q ? sql`${ppidRequests.search} @@ websearch_to_tsquery('indonesian', ${f.q})` : undefined;
  const cond = match ? and(archived, match) : archived;
  const rows = await db
    .select({
      id: ppidRequests.id,
      registrationNumber: ppidRequests.registrationNumber,
      information: ppidRequests.information,
      status: ppidRequests.status,
      publicConsent: ppidRequests.publicConsent,
      opdId: ppidRequests.opdId,
      receivedAt: ppidRequests.receivedAt,
      answerDueAt: ppidRequests.answerDueAt,
      answeredAt: ppidRequests.answeredAt,
      notice: ppidRequests.notice,
      exemptions: ppidRequests.exemptions,
      heldBy: ppidRequests.heldBy,
    })
    .from(ppidRequests)
    .where(cond)
    // Newest first, searching or not: a common word matches a tenth of the archive, and ranking
    // (or counting) every match costs a read of each; the index walk stops at the page.
    .orderBy(desc(ppidRequests.receivedAt), desc(ppidRequests.id))
    .limit(f.limit)
    .offset(f.offset);
  const counted = db.select({ one: sql`1` }).from(ppidRequests).where(cond).limit(ARCHIVE_COUNT_CAP + 1).as('counted');
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(counted)) as [{ n: number }];
  return { rows, total: Math.min(n, ARCHIVE_COUNT_CAP), totalCapped: n > ARCHIVE_COUNT_CAP };
}

/** Every request received in a (WIB) year, with its objection, for the yearly report. */
/** The years (Jakarta) in which requests were received, oldest first. */
/**
 * Requests answered after a point (answer time, then id), oldest first, with only what reaching the
 * requester needs: the satisfaction survey's invitations read these (never what was asked).
 */
export const answeredRequestsAfter = (db: Db, after: { at: Date; id: number }, limit: number) =>
  db
    .select({ id: ppidRequests.id, registrationNumber: ppidRequests.registrationNumber, answeredAt: ppidRequests.answeredAt, requesterId: ppidRequests.requesterId, email: ppidRequests.email, phone: ppidRequests.phone })
    .from(ppidRequests)
    .where(
      and(
        inArray(ppidRequests.status, [...ANSWERED_STATUSES]),
        sql`(${ppidRequests.answeredAt}, ${ppidRequests.id}) > (${after.at}, ${after.id})`,
      ),
    )
    .orderBy(asc(ppidRequests.answeredAt), asc(ppidRequests.id))
    .limit(limit);

export const requestYears = async (db: Db): Promise<number[]> =>
  (
    await db
      .selectDistinct({ year: sql<number>`extract(year from ${ppidRequests.receivedAt} at time zone 'Asia/Jakarta')::int` })
      .from(ppidRequests)
      .orderBy(sql`1`)
  ).map((r) => r.year);

export const requestsOfYear = (db: Db, year: number) =>
  db
    .select({
      opdId: ppidRequests.opdId,
      status: ppidRequests.status,
      exemptions: ppidRequests.exemptions,
      receivedAt: ppidRequests.receivedAt,
      answeredAt: ppidRequests.answeredAt,
      objectionStatus: ppidObjections.status,
      disputeFiledAt: ppidObjections.disputeFiledAt,
      disputeOutcome: ppidObjections.disputeOutcome,
    })
    .from(ppidRequests)
    .leftJoin(ppidObjections, eq(ppidObjections.requestId, ppidRequests.id))
    .where(sql`extract(year from ${ppidRequests.receivedAt} at time zone 'Asia/Jakarta') = ${year}`);

/* A person's data rights (UU 27/2022) */

export async function requestsOfPerson(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ n: ppidRequests.registrationNumber }).from(ppidRequests).where(eq(ppidRequests.requesterId, userId)).orderBy(ppidRequests.id);
  return rows.map((r) => r.n);
}

/** Unlinks an erased account from its requests and their timelines; returns how many requests stay. */
export async function unlinkPerson(db: Db, userId: string): Promise<number> {
  const kept = await db.update(ppidRequests).set({ requesterId: null }).where(eq(ppidRequests.requesterId, userId)).returning({ id: ppidRequests.id });
  await db.update(ppidEvents).set({ actorId: null }).where(eq(ppidEvents.actorId, userId));
  return kept.length;
}

/* Demo data */

export const anyRequest = async (db: Db): Promise<boolean> => (await db.select({ id: ppidRequests.id }).from(ppidRequests).limit(1)).length > 0;
