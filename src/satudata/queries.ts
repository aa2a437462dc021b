/** All SQL of Satu Data: its own tables, the region codes it checks against, and the read models it publishes from. */
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { queryRows } from '../core/db/json-rows.js';
import { cities, kecamatan, kelurahan, opds } from '../core/reference/schema.js';
import { categories, dispositions, reports } from '../aduan/read-model.js';
import { satudataDatasets as d, satudataEvents, satudataResources, satudataVersions as v } from './schema.js';
import type { Topic } from './lifecycle.js';

export type DatasetRow = typeof d.$inferSelect;
export type DatasetInsert = typeof d.$inferInsert;
export type VersionRow = typeof v.$inferSelect;
export type ResourceRow = typeof satudataResources.$inferSelect;

export const opdByCode = async (db: Db, code: string) => (await db.select().from(opds).where(and(eq(opds.code, code), eq(opds.active, true))))[0];
export const opdById = async (db: Db, id: number) => (await db.select().from(opds).where(eq(opds.id, id)))[0];
export const allOpds = (db: Db) => db.select().from(opds).where(eq(opds.active, true)).orderBy(asc(opds.code));

/** Every Kemendagri code the platform loads: the city, its kecamatan and kelurahan. */
export async function regionCodeSet(db: Db): Promise<Set<string>> {
  const [c, kc, kl] = await Promise.all([db.select({ code: cities.code }).from(cities), db.select({ code: kecamatan.code }).from(kecamatan), db.select({ code: kelurahan.code }).from(kelurahan)]);
  return new Set([...c, ...kc, ...kl].map((r) => r.code));
}

export const kelurahanNames = async (db: Db): Promise<Map<string, string>> => new Map((await db.select({ code: kelurahan.code, name: kelurahan.name }).from(kelurahan)).map((k) => [k.code, k.name]));

export const insertDataset = async (db: Db, values: DatasetInsert): Promise<DatasetRow> => (await db.insert(d).values(values).returning())[0]!;

export async function updateDataset(db: Db, id: number, values: Partial<DatasetInsert>): Promise<void> {
  await db.update(d).set(values).where(eq(d.id, id));
}

export const datasetByName = async (db: Db, name: string, lock = false): Promise<DatasetRow | undefined> => {
  const q = db.select().from(d).where(eq(d.name, name));
  return (await (lock ? q.for('update') : q))[0];
};

/** By CKAN id (the uuid) or name, as package_show takes either. */
export const datasetByIdOrName = async (db: Db, idOrName: string): Promise<DatasetRow | undefined> =>
  (await db.select().from(d).where(/^[0-9a-f-]{36}$/i.test(idOrName) ? eq(d.uid, idOrName) : eq(d.name, idOrName)))[0];

export const datasetByPlatformKey = async (db: Db, key: string): Promise<DatasetRow | undefined> => (await db.select().from(d).where(eq(d.platformKey, key)))[0];

export const nameTaken = async (db: Db, name: string): Promise<boolean> => (await db.select({ id: d.id }).from(d).where(eq(d.name, name))).length > 0;

export async function nextVersionNumber(db: Db, datasetId: number): Promise<number> {
  const [r] = await db.select({ n: sql<number>`coalesce(max(${v.number}), 0)::int` }).from(v).where(eq(v.datasetId, datasetId));
  return (r?.n ?? 0) + 1;
}

export const insertVersion = async (db: Db, values: typeof v.$inferInsert): Promise<VersionRow> => (await db.insert(v).values(values).returning())[0]!;

export const findVersion = async (db: Db, datasetId: number, number: number, lock = false): Promise<VersionRow | undefined> => {
  const q = db.select().from(v).where(and(eq(v.datasetId, datasetId), eq(v.number, number)));
  return (await (lock ? q.for('update') : q))[0];
};

export const versionsByIds = (db: Db, ids: readonly number[]) => (ids.length ? db.select().from(v).where(inArray(v.id, [...ids])) : Promise.resolve([]));

/** Decides a submitted version; a published one is never written again (the guard is in the statement). */
export async function decideVersion(db: Db, id: number, values: Pick<Partial<typeof v.$inferInsert>, 'status' | 'decidedById' | 'decidedAt' | 'returnReasons' | 'publishedAt'>): Promise<boolean> {
  return (await db.update(v).set(values).where(and(eq(v.id, id), eq(v.status, 'submitted'))).returning({ id: v.id })).length === 1;
}

export const lastPublished = async (db: Db, datasetId: number): Promise<VersionRow | undefined> =>
  (await db.select().from(v).where(and(eq(v.datasetId, datasetId), eq(v.status, 'published'))).orderBy(desc(v.number)).limit(1))[0];

export const versionsOf = (db: Db, datasetId: number, statuses?: readonly VersionRow['status'][]) =>
  db
    .select()
    .from(v)
    .where(and(eq(v.datasetId, datasetId), statuses ? inArray(v.status, [...statuses]) : undefined))
    .orderBy(desc(v.number));

export async function insertResources(db: Db, rows: (typeof satudataResources.$inferInsert)[]): Promise<ResourceRow[]> {
  return rows.length ? db.insert(satudataResources).values(rows).returning() : [];
}

export const resourcesOf = (db: Db, versionIds: readonly number[]) =>
  versionIds.length ? db.select().from(satudataResources).where(inArray(satudataResources.versionId, [...versionIds])).orderBy(asc(satudataResources.versionId), asc(satudataResources.position)) : Promise.resolve([]);

export const findResource = async (db: Db, id: string) =>
  (
    await db
      .select({ resource: satudataResources, version: v, dataset: d })
      .from(satudataResources)
      .innerJoin(v, eq(v.id, satudataResources.versionId))
      .innerJoin(d, eq(d.id, v.datasetId))
      .where(eq(satudataResources.id, id))
  )[0];

export async function insertEvent(db: Db, values: typeof satudataEvents.$inferInsert): Promise<void> {
  await db.insert(satudataEvents).values(values);
}

export const historyOf = (db: Db, datasetId: number) => db.select().from(satudataEvents).where(eq(satudataEvents.datasetId, datasetId)).orderBy(asc(satudataEvents.at), asc(satudataEvents.id));

/** The steward's queue (or a producer's): versions waiting, oldest first, with their dataset. */
export const waitingVersions = (db: Db, opdId: number | undefined) =>
  db
    .select({ version: v, dataset: d })
    .from(v)
    .innerJoin(d, eq(d.id, v.datasetId))
    .where(and(eq(v.status, 'submitted'), opdId === undefined ? undefined : eq(d.opdId, opdId)))
    .orderBy(asc(v.submittedAt), asc(v.id))
    .limit(200);

/** Datasets a desk works on: the producer's own OPD's, or every one for the steward; newest change first. */
export const deskDatasets = (db: Db, opdId: number | undefined) =>
  db
    .select()
    .from(d)
    .where(opdId === undefined ? undefined : eq(d.opdId, opdId))
    .orderBy(desc(d.modifiedAt), asc(d.id))
    .limit(500);

// ── Search (the public pages and CKAN's package_search) ──

export interface SearchFilter {
  text?: string | undefined;
  names?: string[] | undefined;
  opdCodes?: string[] | undefined;
  topics?: string[] | undefined;
  tags?: string[] | undefined;
  formats?: string[] | undefined;
  licenses?: string[] | undefined;
  years?: number[] | undefined;
}

export type SearchSort = { field: 'score' | 'modified' | 'created' | 'title' | 'name'; desc: boolean }[];

export type FacetField = 'organization' | 'groups' | 'tags' | 'res_format' | 'license_id' | 'year';

const match = (text: string) => sql`websearch_to_tsquery('indonesian', ${text})`;

function whereOf(f: SearchFilter): SQL {
  const conds: SQL[] = [isNotNull(d.publishedVersionId)];
  if (f.text) conds.push(sql`${d.search} @@ ${match(f.text)}`);
  if (f.names?.length) conds.push(inArray(d.name, f.names));
  if (f.opdCodes?.length) conds.push(sql`${d.opdId} in (select ${opds.id} from ${opds} where lower(${opds.code}) in ${f.opdCodes.map((c) => c.toLowerCase())})`);
  if (f.topics?.length) conds.push(inArray(d.topic, f.topics as Topic[]));
  if (f.tags?.length) conds.push(sql`${d.tags} @> ${sql`array[${sql.join(f.tags.map((t) => sql`${t}`), sql`, `)}]::text[]`}`);
  if (f.formats?.length) conds.push(sql`${d.formats} && ${sql`array[${sql.join(f.formats.map((t) => sql`${t.toUpperCase()}`), sql`, `)}]::text[]`}`);
  if (f.licenses?.length) conds.push(inArray(d.licenseId, f.licenses));
  if (f.years?.length) conds.push(sql`${d.years} && ${sql`array[${sql.join(f.years.map((y) => sql`${y}`), sql`, `)}]::integer[]`}`);
  return and(...conds)!;
}

const SORT_COLUMNS = { modified: d.modifiedAt, created: d.createdAt, title: d.title, name: d.name } as const;

export async function searchDatasets(db: Db, f: SearchFilter, sort: SearchSort, limit: number, offset: number): Promise<DatasetRow[]> {
  const order = sort.flatMap((s) => {
    if (s.field === 'score') return f.text ? [sql`ts_rank(${d.search}, ${match(f.text)}) desc`] : [];
    return [s.desc ? desc(SORT_COLUMNS[s.field]) : asc(SORT_COLUMNS[s.field])];
  });
  return db.select().from(d).where(whereOf(f)).orderBy(...order, asc(d.id)).limit(limit).offset(offset);
}

/** Facets of one value per dataset, counted together with the matches in one pass (grouping sets). */
const SCALAR_FACETS: Partial<Record<FacetField, SQL>> = { organization: sql`${d.opdId}::text`, groups: sql`${d.topic}`, license_id: sql`${d.licenseId}` };
/** Facets of several values per dataset: one pass each, over their values. */
const ARRAY_FACETS: Partial<Record<FacetField, SQL>> = { tags: sql`unnest(${d.tags})`, res_format: sql`unnest(${d.formats})`, year: sql`unnest(${d.years})::text` };

export type Counted = { value: string; count: number };
export type Tally = { count: number; facets: Map<FacetField, Counted[]> };

/** How many datasets match, and the count of each value of the asked facets over them, most frequent first (the organization facet by OPD id). */
export async function tally(db: Db, f: SearchFilter, fields: readonly FacetField[]): Promise<Tally> {
  const where = whereOf(f);
  const scalar = fields.filter((x) => SCALAR_FACETS[x]);
  const arrays = fields.filter((x) => ARRAY_FACETS[x]);
  const cols = scalar.map((x, i) => sql`${SCALAR_FACETS[x]!} as ${sql.raw(`f${i}`)}`);
  const sets = sql.raw(['()', ...scalar.map((_, i) => `(f${i})`)].join(', '));
  const [grouped, ...spread] = await Promise.all([
    queryRows<Record<string, string | number | null>>(db, sql`select ${sql.join([...cols, sql`count(*)::int as n`], sql`, `)} from ${d} where ${where} group by grouping sets (${sets})`),
    ...arrays.map((x) => queryRows<Counted>(db, sql`select value, count(*)::int as count from (select ${ARRAY_FACETS[x]!} as value from ${d} where ${where}) v group by value`)),
  ]);
  const byCount = (a: Counted, b: Counted) => b.count - a.count || (a.value < b.value ? -1 : 1);
  const facets = new Map<FacetField, Counted[]>();
  scalar.forEach((x, i) => facets.set(x, grouped.filter((r) => r[`f${i}`] !== null).map((r) => ({ value: String(r[`f${i}`]), count: Number(r.n) })).sort(byCount)));
  arrays.forEach((x, i) => facets.set(x, spread[i]!.sort(byCount)));
  // The empty grouping set: every facet column null.
  const total = grouped.find((r) => scalar.every((_, i) => r[`f${i}`] === null));
  return { count: Number(total?.n ?? 0), facets };
}

export const publishedNames = async (db: Db, limit: number | undefined, offset: number): Promise<string[]> =>
  (
    await db
      .select({ name: d.name })
      .from(d)
      .where(isNotNull(d.publishedVersionId))
      .orderBy(asc(d.name))
      .limit(limit ?? 1_000_000)
      .offset(offset)
  ).map((r) => r.name);

/** OPDs with how many published datasets each holds. */
export const opdsWithCounts = (db: Db) =>
  db
    .select({ id: opds.id, code: opds.code, name: opds.name, shortName: opds.shortName, count: sql<number>`count(${d.id}) filter (where ${d.publishedVersionId} is not null)::int` })
    .from(opds)
    .leftJoin(d, eq(d.opdId, opds.id))
    .where(eq(opds.active, true))
    .groupBy(opds.id)
    .orderBy(asc(opds.code));

export const topicCounts = async (db: Db): Promise<Map<string, number>> =>
  new Map((await db.select({ topic: d.topic, n: sql<number>`count(*)::int` }).from(d).where(isNotNull(d.publishedVersionId)).groupBy(d.topic)).map((r) => [r.topic, r.n]));

export async function allTags(db: Db, query: string | undefined): Promise<string[]> {
  const rows = await queryRows<{ tag: string }>(
    db,
    sql`select distinct tag from (select unnest(${d.tags}) as tag from ${d} where ${d.publishedVersionId} is not null) t ${query ? sql`where tag ilike ${`%${query}%`}` : sql``} order by tag`,
  );
  return rows.map((r) => r.tag);
}

/** Every published dataset with its published version (the DCAT catalogue). */
export const publishedWithVersions = (db: Db) =>
  db
    .select({ dataset: d, version: v })
    .from(d)
    .innerJoin(v, eq(v.id, d.publishedVersionId))
    .orderBy(asc(d.name));

// ── The platform's own figures, through the read models it may use ──

/**
 * Complaints per month of arrival, lead OPD and category: received, and handled (resolved or
 * closed), and handled within their resolve deadline. Months in Jakarta time; no report's detail.
 */
export async function complaintMonths(db: Db) {
  // Each report's lead OPD in one pass over the dispositions (the newest lead still active or done),
  // not a lookup per report: the figures read every report the city ever received.
  const lead = db
    .selectDistinctOn([dispositions.reportId], { reportId: sql<number>`${dispositions.reportId}`.as('report_id'), code: sql<string>`${opds.code}`.as('lead_code') })
    .from(dispositions)
    .innerJoin(opds, eq(opds.id, dispositions.opdId))
    .where(and(eq(dispositions.role, 'lead'), inArray(dispositions.status, ['active', 'done'])))
    .orderBy(dispositions.reportId, desc(dispositions.id))
    .as('lead');
  const month = sql<string>`to_char(${reports.createdAt} at time zone 'Asia/Jakarta', 'YYYY-MM')`;
  const handled = sql`coalesce(${reports.resolvedAt}, ${reports.closedAt}) is not null`;
  return db
    .select({
      month,
      opd: sql<string>`coalesce(${lead.code}, '-')`,
      category: categories.code,
      received: sql<number>`count(*)::int`,
      handled: sql<number>`count(*) filter (where ${handled})::int`,
      resolved: sql<number>`count(*) filter (where ${reports.resolvedAt} is not null)::int`,
      onTime: sql<number>`count(*) filter (where ${reports.resolvedAt} is not null and (${reports.resolveDueAt} is null or ${reports.resolvedAt} <= ${reports.resolveDueAt}))::int`,
    })
    .from(reports)
    .innerJoin(categories, eq(categories.id, reports.categoryId))
    .leftJoin(lead, eq(lead.reportId, reports.id))
    .where(sql`${reports.mergedIntoId} is null`)
    .groupBy(sql`1`, sql`2`, categories.code)
    .orderBy(sql`1`, sql`2`, categories.code);
}

/** The OPD that triages for the city (Diskominfo), home of the steward and of the platform's own datasets. */
export const triageOpd = async (db: Db) => (await db.select().from(opds).where(eq(opds.isTriage, true)).orderBy(asc(opds.id)).limit(1))[0];

export async function markFirstPublication(db: Db, id: number, at: Date): Promise<void> {
  await db.update(d).set({ publishedAt: at }).where(and(eq(d.id, id), sql`${d.publishedAt} is null`));
}

/** A platform dataset, unless another runner has just made it (then undefined: read it again). */
export const insertPlatformDataset = async (db: Db, values: DatasetInsert): Promise<DatasetRow | undefined> => (await db.insert(d).values(values).onConflictDoNothing().returning())[0];
