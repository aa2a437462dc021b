/** All of the SKM module's SQL. */
import crypto from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { insertJsonRows, queryRows, rowsOf } from '../core/db/json-rows.js';
import { executePrepared } from '../core/db/prepared.js';
import { opds } from '../core/reference/schema.js';
import { outbox } from '../core/notifications/schema.js';
import { reports } from '../aduan/read-model.js';
import { layananApplications, layananServices } from '../layanan/read-model.js';
import { skmAnswers, skmCheckpoints, skmInvitations, skmPeriods, skmPublications, skmUnits, type CaseKind, type UnitKind } from './schema.js';
import { UNSUR_COUNT } from './regulation.js';

export type Unit = typeof skmUnits.$inferSelect;
export type Period = typeof skmPeriods.$inferSelect;
export type AnswerRow = typeof skmAnswers.$inferInsert;
export type Invitation = typeof skmInvitations.$inferSelect;

const newPublicKey = () => crypto.randomBytes(9).toString('base64url');

/**
 * The service units, kept in step with what they survey: every active OPD (each serves the public
 * at its counters), every Layanan service for residents or businesses (an internal service's
 * applicants are OPD staff, not the public the regulation surveys), and the city's two desks. New
 * ones are added and renamed ones follow their new name or OPD; a unit's key, once printed on a
 * poster, never changes, and a unit whose service closed keeps its answers.
 */
export async function syncUnits(db: Db, desks: readonly { kind: UnitKind; ref: string; name: string }[]): Promise<void> {
  const offices = await db.select({ id: opds.id, code: opds.code, name: opds.name }).from(opds).where(eq(opds.active, true));
  const services = await db.select({ code: layananServices.code, name: layananServices.name, opdId: layananServices.opdId }).from(layananServices).where(ne(layananServices.audience, 'opd'));
  const known = new Map((await db.select({ kind: skmUnits.kind, ref: skmUnits.ref, name: skmUnits.name, opdId: skmUnits.opdId }).from(skmUnits)).map((u) => [`${u.kind}:${u.ref}`, u]));
  // Compared here first: run every minute, an upsert of every unit would lock each row each time.
  const rows = [
    ...offices.map((o) => ({ kind: 'opd' as const, ref: o.code, name: o.name, opdId: o.id })),
    ...services.map((s) => ({ kind: 'layanan' as const, ref: s.code, name: s.name.id, opdId: s.opdId })),
    ...desks.map((d) => ({ ...d, opdId: null })),
  ]
    .filter((r) => {
      const unit = known.get(`${r.kind}:${r.ref}`);
      return !unit || unit.name !== r.name || unit.opdId !== r.opdId;
    })
    .map((r) => ({ ...r, publicKey: newPublicKey() }));
  if (!rows.length) return;
  await db
    .insert(skmUnits)
    .values(rows)
    .onConflictDoUpdate({
      target: [skmUnits.kind, skmUnits.ref],
      set: { name: sql`excluded.name`, opdId: sql`excluded.opd_id` },
      setWhere: sql`(${skmUnits.name}, ${skmUnits.opdId}) is distinct from (excluded.name, excluded.opd_id)`,
    });
}

export const listUnits = (db: Db) => db.select().from(skmUnits).orderBy(asc(skmUnits.kind), asc(skmUnits.name));
export const unitById = async (db: Db, id: number): Promise<Unit | undefined> => (await db.select().from(skmUnits).where(eq(skmUnits.id, id)))[0];
export const unitByKey = async (db: Db, key: string): Promise<Unit | undefined> => (await db.select().from(skmUnits).where(eq(skmUnits.publicKey, key)))[0];
export const unitByRef = async (db: Db, kind: UnitKind, ref: string): Promise<Unit | undefined> =>
  (await db.select().from(skmUnits).where(and(eq(skmUnits.kind, kind), eq(skmUnits.ref, ref))))[0];
export const unitsByRefs = (db: Db, kind: UnitKind, refs: string[]): Promise<Unit[]> =>
  refs.length ? db.select().from(skmUnits).where(and(eq(skmUnits.kind, kind), inArray(skmUnits.ref, refs))) : Promise.resolve([]);
export const setPopulation = (db: Db, id: number, population: number | null) => db.update(skmUnits).set({ population }).where(eq(skmUnits.id, id));

export const listPeriods = (db: Db) => db.select().from(skmPeriods).orderBy(asc(skmPeriods.startsOn));
export const periodById = async (db: Db, id: number): Promise<Period | undefined> => (await db.select().from(skmPeriods).where(eq(skmPeriods.id, id)))[0];
/** A new period, or undefined when its name is taken. */
export const insertPeriod = async (db: Db, p: { name: string; startsOn: string; endsOn: string; createdAt: Date }): Promise<Period | undefined> =>
  (await db.insert(skmPeriods).values(p).onConflictDoNothing().returning())[0];

export const insertAnswer = (db: Db, row: AnswerRow) => db.insert(skmAnswers).values(row).returning({ id: skmAnswers.id });
/**
 * Answers written in one statement; their ids in the rows' order (the identity is drawn row by row
 * as they are inserted, in order, so the ids ascending are the rows in order).
 */
export async function insertAnswers(db: Db, rows: readonly AnswerRow[]): Promise<number[]> {
  const out = rowsOf<{ id: number | string }>(await executePrepared(db, insertJsonRows(skmAnswers, rows, { returning: sql`id` })));
  return out.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The invitation behind a link, locked until the answer is written. */
export const invitationForUpdate = async (db: Db, tokenHash: string): Promise<Invitation | undefined> =>
  (await db.select().from(skmInvitations).where(eq(skmInvitations.tokenHash, tokenHash)).for('update'))[0];
export const invitationByHash = async (db: Db, tokenHash: string): Promise<Invitation | undefined> =>
  (await db.select().from(skmInvitations).where(eq(skmInvitations.tokenHash, tokenHash)))[0];
/** Marks the invitation answered; false when it already was. */
export const markAnswered = async (db: Db, id: number, at: Date): Promise<boolean> =>
  (await db.update(skmInvitations).set({ answeredAt: at }).where(and(eq(skmInvitations.id, id), isNull(skmInvitations.answeredAt))).returning({ id: skmInvitations.id })).length === 1;

export interface ClosedReport {
  id: number;
  trackingNumber: string;
  closedAt: Date | null;
  reporterId: string | null;
  externalReporter: string | null;
  channel: (typeof reports.$inferSelect)['channel'];
}

/** Complaints closed after the checkpoint, oldest first, through aduan's read model. */
export const closedReportsAfter = (db: Db, after: { at: Date; id: number }, limit: number): Promise<ClosedReport[]> =>
  db
    .select({ id: reports.id, trackingNumber: reports.trackingNumber, closedAt: reports.closedAt, reporterId: reports.reporterId, externalReporter: reports.externalReporter, channel: reports.channel })
    .from(reports)
    .where(and(eq(reports.status, 'closed'), or(gt(reports.closedAt, after.at), and(eq(reports.closedAt, after.at), gt(reports.id, after.id)))))
    .orderBy(asc(reports.closedAt), asc(reports.id))
    .limit(limit);

/** Applications issued after the checkpoint, oldest first, with their service's code and the applicant's means of contact, through layanan's read model. */
export const issuedApplicationsAfter = (db: Db, after: { at: Date; id: number }, limit: number) =>
  db
    .select({
      id: layananApplications.id,
      number: layananApplications.number,
      issuedAt: layananApplications.issuedAt,
      serviceCode: layananServices.code,
      applicantId: layananApplications.applicantId,
      phone: layananApplications.phone,
      email: layananApplications.email,
    })
    .from(layananApplications)
    .innerJoin(layananServices, eq(layananServices.id, layananApplications.serviceId))
    .where(and(eq(layananApplications.status, 'issued'), sql`(${layananApplications.issuedAt}, ${layananApplications.id}) > (${after.at}, ${after.id})`))
    .orderBy(asc(layananApplications.issuedAt), asc(layananApplications.id))
    .limit(limit);

export const checkpointOf = async (db: Db, source: CaseKind): Promise<{ at: Date; id: number } | undefined> => {
  const row = (await db.select().from(skmCheckpoints).where(eq(skmCheckpoints.source, source)).for('update'))[0];
  return row ? { at: row.afterAt, id: row.afterId } : undefined;
};
export const saveCheckpoint = (db: Db, source: CaseKind, at: Date, id: number) =>
  db.insert(skmCheckpoints).values({ source, afterAt: at, afterId: id }).onConflictDoUpdate({ target: skmCheckpoints.source, set: { afterAt: at, afterId: id } });

/** The invitations that were new (a case already invited keeps its one invitation). */
export const insertInvitations = (db: Db, rows: (typeof skmInvitations.$inferInsert)[]) =>
  rows.length ? db.insert(skmInvitations).values(rows).onConflictDoNothing({ target: [skmInvitations.caseKind, skmInvitations.caseRef] }).returning() : Promise.resolve([]);

const inPeriod = (unitId: number, from: Date, until: Date) => and(eq(skmAnswers.unitId, unitId), gte(skmAnswers.answeredAt, from), lt(skmAnswers.answeredAt, until));

export interface Tally {
  respondents: number;
  totals: number[];
  /** The respondents' profile: how many gave each value of each question (null: left blank). */
  profile: { question: string; value: string | null; n: number }[];
}

const PROFILE = { sex: 'sex', ageBand: 'age_band', education: 'education', occupation: 'occupation' } as const;
/** grouping(sex, age_band, education, occupation) of each grouping set: a 1 bit marks a column left out. */
const SET_OF: Record<number, keyof typeof PROFILE> = { 0b0111: 'sex', 0b1011: 'ageBand', 0b1101: 'education', 0b1110: 'occupation' };

/**
 * The number of answers, each unsur's total and the profile, for a unit between two instants: one
 * pass over the answers (grouping sets), as a unit-year holds 100,000 of them.
 */
export async function tally(db: Db, unitId: number, from: Date, until: Date): Promise<Tally> {
  const sums = Array.from({ length: UNSUR_COUNT }, (_, i) => sql`coalesce(sum(${sql.identifier(`u${i + 1}`)}), 0)::int`);
  const cols = Object.values(PROFILE).map((c) => sql.identifier(c));
  const rows = await queryRows<{ g: number; n: number; totals: number[] } & Record<(typeof PROFILE)[keyof typeof PROFILE], string | null>>(
    db,
    sql`select grouping(${sql.join(cols, sql`, `)})::int as g, ${sql.join(cols, sql`, `)}, count(*)::int as n, array[${sql.join(sums, sql`, `)}] as totals
        from ${skmAnswers} where ${inPeriod(unitId, from, until)}
        group by grouping sets ((), ${sql.join(cols.map((c) => sql`(${c})`), sql`, `)})`,
  );
  const all = rows.find((r) => Number(r.g) === 0b1111);
  return {
    respondents: all ? Number(all.n) : 0,
    totals: all ? all.totals.map(Number) : Array(UNSUR_COUNT).fill(0),
    profile: rows.flatMap((r) => {
      const question = SET_OF[Number(r.g)];
      return question ? [{ question, value: r[PROFILE[question]], n: Number(r.n) }] : [];
    }),
  };
}

/** How many answers a unit has between two instants: the index alone answers it. */
export const countInPeriod = async (db: Db, unitId: number, from: Date, until: Date): Promise<number> =>
  Number((await db.select({ n: sql<number>`count(*)::int` }).from(skmAnswers).where(inPeriod(unitId, from, until)))[0]?.n ?? 0);

export interface UnitTally {
  unitId: number;
  kind: UnitKind;
  ref: string;
  name: string;
  opdId: number | null;
  opdCode: string | null;
  opdName: string | null;
  respondents: number;
  totals: number[];
  published: boolean;
}

/**
 * Every unit (optionally one OPD's) with its answers' count and totals per unsur between two
 * instants, and whether a period with exactly these bounds was published for it: one pass.
 */
export async function tallyPerUnit(db: Db, from: Date, until: Date, range: { startsOn: string; endsOn: string }, opdId?: number): Promise<UnitTally[]> {
  const sums = Array.from({ length: UNSUR_COUNT }, (_, i) => sql`coalesce(sum(a.${sql.identifier(`u${i + 1}`)}), 0)::int`);
  const rows = await queryRows<Omit<UnitTally, 'totals'> & { totals: (number | string)[] }>(
    db,
    sql`select u.id as "unitId", u.kind, u.ref, u.name, u.opd_id as "opdId", o.code as "opdCode", o.name as "opdName",
               count(a.id)::int as respondents, array[${sql.join(sums, sql`, `)}] as totals,
               exists (select 1 from ${skmPublications} pb join ${skmPeriods} pe on pe.id = pb.period_id
                       where pb.unit_id = u.id and pe.starts_on = ${range.startsOn} and pe.ends_on = ${range.endsOn}) as published
        from ${skmUnits} u
        left join ${opds} o on o.id = u.opd_id
        left join ${skmAnswers} a on a.unit_id = u.id and a.answered_at >= ${from} and a.answered_at < ${until}
        ${opdId === undefined ? sql`` : sql`where u.opd_id = ${opdId}`}
        group by u.id, o.code, o.name
        order by u.kind, u.name`,
  );
  return rows.map((r) => ({ ...r, unitId: Number(r.unitId), opdId: r.opdId === null ? null : Number(r.opdId), respondents: Number(r.respondents), totals: r.totals.map(Number), published: !!r.published }));
}

/** The raw answers of a unit in a period, for its own staff. */
export const answersOf = (db: Db, unitId: number, from: Date, until: Date, page: { limit: number; offset: number }) =>
  db.select().from(skmAnswers).where(inPeriod(unitId, from, until)).orderBy(asc(skmAnswers.answeredAt), asc(skmAnswers.id)).limit(page.limit).offset(page.offset);

export const publication = async (db: Db, periodId: number, unitId: number) =>
  (await db.select().from(skmPublications).where(and(eq(skmPublications.periodId, periodId), eq(skmPublications.unitId, unitId))))[0];
export const publish = (db: Db, row: typeof skmPublications.$inferInsert) => db.insert(skmPublications).values(row).onConflictDoNothing().returning();
export const publishedOfPeriod = (db: Db, periodId: number) => db.select({ unitId: skmPublications.unitId }).from(skmPublications).where(eq(skmPublications.periodId, periodId));

export const invitationsOfPerson = (db: Db, userId: string) =>
  db.select({ unit: skmUnits.name, caseKind: skmInvitations.caseKind, caseRef: skmInvitations.caseRef, createdAt: skmInvitations.createdAt, answeredAt: skmInvitations.answeredAt })
    .from(skmInvitations).innerJoin(skmUnits, eq(skmUnits.id, skmInvitations.unitId)).where(eq(skmInvitations.userId, userId)).orderBy(asc(skmInvitations.createdAt));
export const unlinkPerson = async (db: Db, userId: string): Promise<number> =>
  (await db.update(skmInvitations).set({ userId: null }).where(eq(skmInvitations.userId, userId)).returning({ id: skmInvitations.id })).length;

export const unitsByIds = (db: Db, ids: number[]) => (ids.length ? db.select().from(skmUnits).where(inArray(skmUnits.id, ids)) : Promise.resolve([]));

export const anyAnswer = async (db: Db): Promise<boolean> => (await db.select({ id: skmAnswers.id }).from(skmAnswers).limit(1)).length > 0;

/** The invitation links waiting in the outbox (in the app, or on their way to a number or address): what the demo's residents open. */
export const invitationLinks = async (db: Db): Promise<string[]> =>
  (await db.selectDistinct({ link: outbox.link }).from(outbox).where(sql`${outbox.link} like '/skm/isi/%'`).orderBy(asc(outbox.link))).map((r) => r.link!);
