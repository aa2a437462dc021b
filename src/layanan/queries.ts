/** All SQL of the public-services module. Services call these; nothing else touches the module's tables. */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { columnList, insertJsonRows, rowOf, rowsOf, together } from '../core/db/json-rows.js';
import { executePrepared, renderedOnce } from '../core/db/prepared.js';
import { sequenceBlocks } from '../core/db/sequence-blocks.js';
import { users } from '../core/auth/schema.js';
import { documents } from '../core/files/schema.js';
import { opds } from '../core/reference/schema.js';
import {
  layananApiKeys,
  layananApplicationFiles,
  layananApplications,
  layananEvents,
  layananNumberSeq,
  layananServiceVersions,
  layananServices,
  layananWebhookDeliveries,
  layananWebhooks,
} from './schema.js';
import { WAITING_ON_OPD, type ApplicationStatus, type Audience } from './lifecycle.js';

export type ServiceRow = typeof layananServices.$inferSelect;
export type VersionRow = typeof layananServiceVersions.$inferSelect;
export type ApplicationRow = typeof layananApplications.$inferSelect;

const serviceColumns = {
  id: layananServices.id,
  code: layananServices.code,
  opdId: layananServices.opdId,
  audience: layananServices.audience,
  name: layananServices.name,
  description: layananServices.description,
  legalBasis: layananServices.legalBasis,
  feeRupiah: layananServices.feeRupiah,
  feeNote: layananServices.feeNote,
  standardDays: layananServices.standardDays,
  currentVersion: layananServices.currentVersion,
  closedAt: layananServices.closedAt,
  createdAt: layananServices.createdAt,
  updatedAt: layananServices.updatedAt,
};
export type Service = { [K in keyof typeof serviceColumns]: ServiceRow[K] };

/* Reference */

export const opdByCode = async (db: Db, code: string) => (await db.select().from(opds).where(and(eq(opds.code, code), eq(opds.active, true))))[0];

export const opdNames = async (db: Db): Promise<Opds> =>
  new Map((await db.select({ id: opds.id, code: opds.code, name: opds.name }).from(opds)).map((o) => [o.id, { code: o.code, name: o.name }]));

/** A live citizen account with this NIK (keyed hash), to link a counter filing to. */
export const citizenByNikHash = async (db: Db, nikHash: string) =>
  (await db.select({ id: users.id }).from(users).where(and(eq(users.nikHash, nikHash), eq(users.role, 'citizen'), isNull(users.deletedAt))))[0]?.id ?? null;

/* The catalogue */

export async function insertService(db: Db, values: typeof layananServices.$inferInsert): Promise<Service> {
  return (await db.insert(layananServices).values(values).returning(serviceColumns))[0]!;
}

export async function updateService(db: Db, id: number, values: Partial<typeof layananServices.$inferInsert>): Promise<void> {
  await db.update(layananServices).set(values).where(eq(layananServices.id, id));
}

export async function serviceByCode(db: Db, code: string, lock = false): Promise<Service | undefined> {
  const q = db.select(serviceColumns).from(layananServices).where(eq(layananServices.code, code));
  return (await (lock ? q.for('update') : q))[0];
}

export const serviceById = async (db: Db, id: number): Promise<Service | undefined> => (await db.select(serviceColumns).from(layananServices).where(eq(layananServices.id, id)))[0];

export interface ServiceFilter {
  q?: string | undefined;
  audience?: Audience | undefined;
  /** An OPD admin's own services, published or not; otherwise only published, open services. */
  opdId?: number | undefined;
  /** Every service, published or not (the super admin's list). */
  all?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listServices(db: Db, f: ServiceFilter): Promise<{ rows: Service[]; total: number }> {
  const where: SQL[] = f.opdId !== undefined ? [eq(layananServices.opdId, f.opdId)] : f.all ? [] : [isNotNull(layananServices.currentVersion), isNull(layananServices.closedAt)];
  if (f.audience) where.push(eq(layananServices.audience, f.audience));
  if (f.q) where.push(or(sql`${layananServices.search} @@ websearch_to_tsquery('indonesian', ${f.q})`, sql`${layananServices.name}->>'id' ilike ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`)!);
  const cond = where.length ? and(...where) : undefined;
  const rows = await db
    .select(serviceColumns)
    .from(layananServices)
    .where(cond)
    .orderBy(sql`${layananServices.name}->>'id'`, asc(layananServices.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(layananServices).where(cond)) as [{ n: number }];
  return { rows, total: n };
}

export async function insertVersion(db: Db, values: typeof layananServiceVersions.$inferInsert): Promise<VersionRow> {
  return (await db.insert(layananServiceVersions).values(values).returning())[0]!;
}

export const versionOf = async (db: Db, serviceId: number, version: number): Promise<VersionRow | undefined> =>
  (await db.select().from(layananServiceVersions).where(and(eq(layananServiceVersions.serviceId, serviceId), eq(layananServiceVersions.version, version))))[0];

export const versionById = async (db: Db, id: number): Promise<VersionRow | undefined> => (await db.select().from(layananServiceVersions).where(eq(layananServiceVersions.id, id)))[0];

/** What a filer's own account gives an application filed with it: the NIK and contact on record. */
export interface FilerAccount {
  nikEncrypted: string | null;
  nikMasked: string | null;
  email: string | null;
  phone: string | null;
}
/** OPDs by id, with their code and name. */
export type Opds = Map<number, { code: string; name: string }>;

/** What a filing is checked against: the service, the version applications are filed on now (null until one is published) and the filer's account (null when none). */
export interface ToFile {
  service: Service;
  version: VersionRow | null;
  account: FilerAccount | null;
  /** The service's OPD and the filer's, as the answer names them. */
  opds: Opds;
}

// Rendered once: the filings' codes and filers come as one JSON parameter between the two.
const toFileHead = renderedOnce(sql`select r.i, to_jsonb(s) - 'search' as service, to_jsonb(v) as version, u.id as account_id, u.nik_encrypted, u.nik_masked, u.email, u.phone,
  o.code as opd_code, o.name as opd_name, fo.id as filer_opd_id, fo.code as filer_opd_code, fo.name as filer_opd_name from jsonb_to_recordset(`);
const toFileTail = renderedOnce(
  sql`::jsonb) as r(i int, code text, filer uuid, filer_opd int) left join ${layananServices} s on s.code = r.code
  left join ${layananServiceVersions} v on v.service_id = s.id and v.version = s.current_version left join ${users} u on u.id = r.filer
  left join ${opds} o on o.id = s.opd_id left join ${opds} fo on fo.id = r.filer_opd`,
);

interface ToFileRow {
  i: number;
  service: Record<string, unknown> | null;
  version: Record<string, unknown> | null;
  account_id: string | null;
  nik_encrypted: string | null;
  nik_masked: string | null;
  email: string | null;
  phone: string | null;
  opd_code: string;
  opd_name: string;
  filer_opd_id: number | null;
  filer_opd_code: string | null;
  filer_opd_name: string | null;
}

/**
 * For each filing (service code, filer and the filer's OPD) what it is checked against, in one
 * read for all of them: filings that arrive together wait on one round trip before they are
 * written. undefined where no service has the code.
 */
export async function servicesToFile(db: Db, filings: readonly { code: string; filerId: string; filerOpdId: number | null }[]): Promise<(ToFile | undefined)[]> {
  const json = JSON.stringify(filings.map((f, i) => ({ i, code: f.code, filer: f.filerId, filer_opd: f.filerOpdId })));
  const found: (ToFile | undefined)[] = filings.map(() => undefined);
  for (const r of rowsOf<ToFileRow>(await executePrepared(db, sql`${toFileHead}${json}${toFileTail}`))) {
    if (!r.service) continue;
    const service = rowOf(layananServices, r.service, { except: ['search'] });
    const opdsOf: Opds = new Map([[service.opdId, { code: r.opd_code, name: r.opd_name }]]);
    if (r.filer_opd_id !== null) opdsOf.set(r.filer_opd_id, { code: r.filer_opd_code!, name: r.filer_opd_name! });
    found[r.i] = {
      service,
      version: r.version ? rowOf(layananServiceVersions, r.version) : null,
      account: r.account_id ? { nikEncrypted: r.nik_encrypted, nikMasked: r.nik_masked, email: r.email, phone: r.phone } : null,
      opds: opdsOf,
    };
  }
  return found;
}

/* Applications */

/** Application serials, a block at a time per instance (gaps after a restart, never a repeat). */
export const applicationSerials = () => sequenceBlocks(layananNumberSeq, 64);

export type EventRow = typeof layananEvents.$inferSelect;
/** A timeline event as written with its application (which has no id yet). */
export type EventValues = Omit<typeof layananEvents.$inferInsert, 'applicationId' | 'at'> & { at: Date };

// The filing statement's fixed parts, rendered once (see renderedOnce).
const applicationColumns = columnList(layananApplications);
const eventsHead = renderedOnce(sql`insert into ${layananEvents} (application_id, step_key, at, actor_id, actor_role, action, from_status, to_status, public_message, internal_note, detail)
  select a.id, e.step_key, e.at, e.actor_id, e.actor_role, e.action, e.from_status, e.to_status, e.public_message, e.internal_note, e.detail
  from jsonb_to_recordset(`);
// In the order given (`i`), so an application's events keep their order on the timeline (same time, ids in order).
const eventsTail = renderedOnce(
  sql`::jsonb) as e(i int, number text, step_key text, at timestamptz, actor_id uuid, actor_role text, action text, from_status text, to_status text, public_message text, internal_note text, detail jsonb) join a using (number) order by e.i`,
);

/**
 * Writes applications in one statement for all of them: the applications, their timeline events
 * (by application number) and the caller's `alongside` (audit lines, webhook deliveries,
 * idempotency claims); atomic without a transaction.
 */
export async function insertApplications(db: Db, applications: readonly (typeof layananApplications.$inferInsert)[], events: readonly (EventValues & { number: string })[], alongside: readonly SQL[]): Promise<ApplicationRow[]> {
  const filed = insertJsonRows(layananApplications, applications, { returning: applicationColumns });
  const timeline = JSON.stringify(
    events.map((e, i) => ({
      i,
      number: e.number,
      step_key: e.stepKey ?? null,
      at: e.at,
      actor_id: e.actorId ?? null,
      actor_role: e.actorRole,
      action: e.action,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      public_message: e.publicMessage ?? null,
      internal_note: e.internalNote ?? null,
      detail: e.detail ?? null,
    })),
  );
  const rows = rowsOf<Record<string, unknown>>(await executePrepared(db, together([['a', filed], ['e', sql`${eventsHead}${timeline}${eventsTail}`], ...alongside], sql`select * from a`)));
  return rows.map((row) => rowOf(layananApplications, row) as ApplicationRow);
}

export async function findApplication(db: Db, number: string, lock = false): Promise<ApplicationRow | undefined> {
  const q = db.select().from(layananApplications).where(eq(layananApplications.number, number));
  return (await (lock ? q.for('update') : q))[0];
}

export async function updateApplication(db: Db, id: number, values: Partial<typeof layananApplications.$inferInsert>): Promise<void> {
  await db.update(layananApplications).set(values).where(eq(layananApplications.id, id));
}

export async function insertEvent(db: Db, values: typeof layananEvents.$inferInsert): Promise<void> {
  await db.insert(layananEvents).values(values);
}

export const timelineOf = (db: Db, applicationId: number) =>
  db.select().from(layananEvents).where(eq(layananEvents.applicationId, applicationId)).orderBy(asc(layananEvents.at), asc(layananEvents.id));

/* Requirement files */

/**
 * The application's document for a key, replacing the one before (let go for the sweep: the
 * timeline keeps its name).
 */
export async function replaceFile(db: Db, values: typeof layananApplicationFiles.$inferInsert): Promise<void> {
  const gone = await db
    .delete(layananApplicationFiles)
    .where(and(eq(layananApplicationFiles.applicationId, values.applicationId), eq(layananApplicationFiles.key, values.key)))
    .returning({ id: layananApplicationFiles.documentId });
  if (gone.length) await db.update(documents).set({ attachedAt: null }).where(inArray(documents.id, gone.map((g) => g.id)));
  await db.insert(layananApplicationFiles).values(values);
}

/** The application's documents, one per key. */
export const filesOf = (db: Db, applicationId: number) =>
  db
    .select({ key: layananApplicationFiles.key, uploadedAt: layananApplicationFiles.uploadedAt, id: documents.id, name: documents.name, mime: documents.mime, bytes: documents.bytes, fileKey: documents.fileKey })
    .from(layananApplicationFiles)
    .innerJoin(documents, eq(documents.id, layananApplicationFiles.documentId))
    .where(eq(layananApplicationFiles.applicationId, applicationId))
    .orderBy(asc(layananApplicationFiles.key));

/** A document of the application (requirement or output) by id. */
export async function applicationDocument(db: Db, applicationId: number, documentId: string) {
  const [file] = await db
    .select({ name: documents.name, mime: documents.mime, fileKey: documents.fileKey })
    .from(layananApplicationFiles)
    .innerJoin(documents, eq(documents.id, layananApplicationFiles.documentId))
    .where(and(eq(layananApplicationFiles.applicationId, applicationId), eq(layananApplicationFiles.documentId, documentId)));
  return file;
}

export const documentById = async (db: Db, id: string) => (await db.select({ name: documents.name, mime: documents.mime, fileKey: documents.fileKey }).from(documents).where(eq(documents.id, id)))[0];

/** The signed output as stored: a document attached at once (it is never swept), written as signed — never re-processed. */
export async function insertOutputDocument(db: Db, values: { ownerId: string; fileKey: string; name: string; bytes: number; pages: number; at: Date }): Promise<string> {
  const [row] = await db
    .insert(documents)
    .values({ ownerId: values.ownerId, fileKey: values.fileKey, mime: 'application/pdf', name: values.name, bytes: values.bytes, pages: values.pages, createdAt: values.at, attachedAt: values.at })
    .returning({ id: documents.id });
  return row!.id;
}

/* Lists */

const summaryColumns = {
  application: layananApplications,
  serviceCode: layananServices.code,
  serviceName: layananServices.name,
  steps: layananServiceVersions.steps,
};
export type SummaryRow = { application: ApplicationRow; serviceCode: string; serviceName: { id: string; en: string }; steps: VersionRow['steps'] };

export interface ApplicationFilter {
  /** The handling OPD (an officer's inbox). */
  opdId?: number | undefined;
  applicantId?: string | undefined;
  applicantOpdId?: number | undefined;
  statuses?: readonly ApplicationStatus[] | undefined;
  serviceCode?: string | undefined;
  stepKey?: string | undefined;
  limit: number;
  offset: number;
}

/** Counted up to this many: a desk pages through the first, and counting 200,000 rows on every page costs more than the page. */
export const COUNT_CAP = 1000;
/** The waiting states as literals, so the planner matches the partial index on them. */
const waiting = sql.raw(`status in (${WAITING_ON_OPD.map((s) => `'${s}'`).join(', ')})`);

/**
 * Applications waiting on the OPD first, the nearest step deadline first (so overdue ones lead),
 * then the rest newest first. Two index walks (`layanan_applications_waiting_idx` in deadline
 * order, `layanan_applications_recent_idx` newest first) instead of one sort of every row; the
 * total is counted up to COUNT_CAP.
 */
export async function listApplications(db: Db, f: ApplicationFilter): Promise<{ rows: SummaryRow[]; total: number }> {
  const where: SQL[] = [];
  // An OPD sees a draft only when its own counter made it: otherwise a draft is the applicant's alone.
  if (f.opdId !== undefined) where.push(eq(layananApplications.opdId, f.opdId), sql`(${layananApplications.status} <> 'draft' or ${layananApplications.channel} = 'counter')`);
  if (f.applicantId !== undefined) where.push(eq(layananApplications.applicantId, f.applicantId));
  if (f.applicantOpdId !== undefined) where.push(eq(layananApplications.applicantOpdId, f.applicantOpdId));
  if (f.statuses?.length) where.push(inArray(layananApplications.status, [...f.statuses]));
  if (f.serviceCode) where.push(eq(layananServices.code, f.serviceCode));
  if (f.stepKey) where.push(sql`${layananServiceVersions.steps}->${layananApplications.stepIndex}->>'key' = ${f.stepKey}`);
  const joins = [
    [layananServices, eq(layananServices.id, layananApplications.serviceId)],
    [layananServiceVersions, eq(layananServiceVersions.id, layananApplications.versionId)],
  ] as const;
  const page = () => db.select(summaryColumns).from(layananApplications).innerJoin(...joins[0]).innerJoin(...joins[1]);
  // As the indexes have it (nulls last), so the walk needs no sort.
  const newestFirst = [sql`${layananApplications.createdAt} desc nulls last`, sql`${layananApplications.id} desc nulls last`];
  const end = f.offset + f.limit;
  const first = (await page()
    .where(and(...where, waiting))
    .orderBy(sql`${layananApplications.stepDueAt} asc nulls last`, ...newestFirst)
    .limit(end)) as SummaryRow[];
  let rows = first.slice(f.offset);
  // Fewer waiting than the page reaches: they are all of them, and the rest follows newest first.
  if (first.length < end) {
    const rest = (await page()
      .where(and(...where, sql`not ${waiting}`))
      .orderBy(...newestFirst)
      .limit(f.limit - rows.length)
      .offset(Math.max(0, f.offset - first.length))) as SummaryRow[];
    rows = [...rows, ...rest];
  }
  const counted = db
    .select({ one: sql`1` })
    .from(layananApplications)
    .innerJoin(...joins[0])
    .innerJoin(...joins[1])
    .where(where.length ? and(...where) : undefined)
    .limit(COUNT_CAP)
    .as('counted');
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(counted)) as [{ n: number }];
  return { rows, total: n };
}

/* A person's data rights (UU 27/2022) */

export async function applicationsOfPerson(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ n: layananApplications.number }).from(layananApplications).where(eq(layananApplications.applicantId, userId)).orderBy(layananApplications.id);
  return rows.map((r) => r.n);
}

/** Unlinks an erased account: its applications stay with the OPD (the service's records, NIK encrypted), no longer leading to the account or its contacts. */
export async function unlinkPerson(db: Db, userId: string): Promise<number> {
  const kept = await db.update(layananApplications).set({ applicantId: null, email: null, phone: null }).where(eq(layananApplications.applicantId, userId)).returning({ id: layananApplications.id });
  await db.update(layananEvents).set({ actorId: null }).where(eq(layananEvents.actorId, userId));
  // The requirements they uploaded stay with the applications, no longer theirs.
  const uploaded = db.select({ id: layananApplicationFiles.documentId }).from(layananApplicationFiles).where(eq(layananApplicationFiles.uploadedById, userId));
  await db.update(documents).set({ ownerId: null }).where(and(eq(documents.ownerId, userId), inArray(documents.id, uploaded)));
  await db.update(layananApplicationFiles).set({ uploadedById: null }).where(eq(layananApplicationFiles.uploadedById, userId));
  return kept.length;
}

/* Demo data */

export const anyService = async (db: Db): Promise<boolean> => (await db.select({ id: layananServices.id }).from(layananServices).limit(1)).length > 0;

/* Outgoing webhooks */

export type WebhookRow = typeof layananWebhooks.$inferSelect;
export type DeliveryRow = typeof layananWebhookDeliveries.$inferSelect;

export const webhookOf = async (db: Db, serviceId: number): Promise<WebhookRow | undefined> => (await db.select().from(layananWebhooks).where(eq(layananWebhooks.serviceId, serviceId)))[0];

export async function putWebhook(db: Db, values: typeof layananWebhooks.$inferInsert): Promise<void> {
  const { serviceId: _, ...change } = values;
  await db.insert(layananWebhooks).values(values).onConflictDoUpdate({ target: layananWebhooks.serviceId, set: change });
}

export const deleteWebhook = async (db: Db, serviceId: number): Promise<boolean> =>
  (await db.delete(layananWebhooks).where(eq(layananWebhooks.serviceId, serviceId)).returning({ id: layananWebhooks.serviceId })).length > 0;

/** Deletes up to `limit` finished (delivered or given-up) deliveries created before `before`, oldest first; answers how many. */
export async function pruneDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  const d = layananWebhookDeliveries;
  const oldest = db.select({ id: d.id }).from(d).where(and(sql`${d.status} <> 'pending'`, lt(d.createdAt, before))).orderBy(asc(d.createdAt)).limit(limit);
  return (await db.delete(d).where(inArray(d.id, oldest)).returning({ id: d.id })).length;
}

export interface DeliveryValues {
  serviceId: number;
  applicationNumber: string;
  event: string;
  body: string;
  at: Date;
}

/** The insert of events' deliveries, each only when its service has an active webhook (no look-up first), for a caller that writes it as part of a larger statement. */
export function deliveriesInsert(deliveries: readonly DeliveryValues[]): SQL {
  return insertJsonRows(
    layananWebhookDeliveries,
    deliveries.map((d) => ({ serviceId: d.serviceId, applicationNumber: d.applicationNumber, event: d.event, body: d.body, nextAttemptAt: d.at, createdAt: d.at })),
    { where: sql`exists (select 1 from ${layananWebhooks} w where w.service_id = x.service_id and w.active)` },
  );
}

/** The event's delivery, in the caller's transaction, when the service has an active webhook. */
export async function insertDelivery(db: Db, v: DeliveryValues): Promise<void> {
  await db.execute(deliveriesInsert([v]));
}

/**
 * Claims due deliveries for one round: their next try moves `leaseMs` ahead, so another instance
 * (or this one's next round) leaves them while they are in flight; a crash mid-post retries after the lease.
 */
export async function claimDeliveries(db: Db, at: Date, leaseMs: number, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: layananWebhookDeliveries.id })
      .from(layananWebhookDeliveries)
      .where(and(eq(layananWebhookDeliveries.status, 'pending'), lte(layananWebhookDeliveries.nextAttemptAt, at)))
      .orderBy(asc(layananWebhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(layananWebhookDeliveries)
      .set({ nextAttemptAt: new Date(at.getTime() + leaseMs) })
      .from(layananWebhooks)
      .where(and(inArray(layananWebhookDeliveries.id, due.map((d) => d.id)), eq(layananWebhooks.serviceId, layananWebhookDeliveries.serviceId)))
      .returning({ id: layananWebhookDeliveries.id, event: layananWebhookDeliveries.event, body: layananWebhookDeliveries.body, attempts: layananWebhookDeliveries.attempts, url: layananWebhooks.url, secretEncrypted: layananWebhooks.secretEncrypted });
  });
}

export async function recordAttempt(db: Db, id: number, v: Pick<DeliveryRow, 'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'nextAttemptAt' | 'deliveredAt'>): Promise<void> {
  await db.update(layananWebhookDeliveries).set(v).where(eq(layananWebhookDeliveries.id, id));
}

export const deliveriesOf = (db: Db, serviceId: number, limit: number) =>
  db.select().from(layananWebhookDeliveries).where(eq(layananWebhookDeliveries.serviceId, serviceId)).orderBy(desc(layananWebhookDeliveries.id)).limit(limit);

/* The incoming API's keys */

export async function insertApiKey(db: Db, values: typeof layananApiKeys.$inferInsert) {
  return (await db.insert(layananApiKeys).values(values).returning({ id: layananApiKeys.id, name: layananApiKeys.name, createdAt: layananApiKeys.createdAt }))[0]!;
}

export const apiKeysOf = (db: Db, opdId: number) =>
  db
    .select({ id: layananApiKeys.id, name: layananApiKeys.name, createdAt: layananApiKeys.createdAt, lastUsedAt: layananApiKeys.lastUsedAt, revokedAt: layananApiKeys.revokedAt, issuedBy: users.fullName })
    .from(layananApiKeys)
    .innerJoin(users, eq(users.id, layananApiKeys.issuedById))
    .where(eq(layananApiKeys.opdId, opdId))
    .orderBy(desc(layananApiKeys.id));

export const revokeApiKey = async (db: Db, opdId: number, id: number, at: Date): Promise<'revoked' | 'already' | 'none'> => {
  const [row] = await db.select({ revokedAt: layananApiKeys.revokedAt }).from(layananApiKeys).where(and(eq(layananApiKeys.id, id), eq(layananApiKeys.opdId, opdId))).for('update');
  if (!row) return 'none';
  if (row.revokedAt) return 'already';
  await db.update(layananApiKeys).set({ revokedAt: at }).where(eq(layananApiKeys.id, id));
  return 'revoked';
};

/**
 * A live key by its hash, with the account it acts for: the issuing admin, still an admin of the
 * key's OPD and neither deactivated nor deleted. Marks it used (at most once a minute, not a write per call).
 */
export async function liveApiKey(db: Db, keyHash: string, at: Date) {
  const [row] = await db
    .select({ id: layananApiKeys.id, name: layananApiKeys.name, opdId: layananApiKeys.opdId, lastUsedAt: layananApiKeys.lastUsedAt, userId: users.id, fullName: users.fullName })
    .from(layananApiKeys)
    .innerJoin(users, eq(users.id, layananApiKeys.issuedById))
    .where(
      and(
        eq(layananApiKeys.keyHash, keyHash),
        isNull(layananApiKeys.revokedAt),
        eq(users.role, 'opd_admin'),
        eq(users.opdId, layananApiKeys.opdId),
        isNull(users.deactivatedAt),
        isNull(users.deletedAt),
      ),
    );
  if (row && (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > 60_000)) {
    await db.update(layananApiKeys).set({ lastUsedAt: at }).where(and(eq(layananApiKeys.id, row.id), or(isNull(layananApiKeys.lastUsedAt), lte(layananApiKeys.lastUsedAt, new Date(at.getTime() - 60_000)))!));
  }
  return row;
}

/** An OPD's applications for its own system: filed ones (a draft is the applicant's), changed after `since`, oldest change first. */
export async function changedApplications(db: Db, opdId: number, since: Date | undefined, limit: number): Promise<SummaryRow[]> {
  const where: SQL[] = [eq(layananApplications.opdId, opdId), sql`${layananApplications.status} <> 'draft'`];
  if (since) where.push(gt(layananApplications.updatedAt, since));
  const rows = await db
    .select(summaryColumns)
    .from(layananApplications)
    .innerJoin(layananServices, eq(layananServices.id, layananApplications.serviceId))
    .innerJoin(layananServiceVersions, eq(layananServiceVersions.id, layananApplications.versionId))
    .where(and(...where))
    .orderBy(asc(layananApplications.updatedAt), asc(layananApplications.id))
    .limit(limit);
  return rows as SummaryRow[];
}
