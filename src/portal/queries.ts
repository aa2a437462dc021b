/** All SQL of the portal: its own tables, and the photo uploads its items take. */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.js';
import { users } from '../core/auth/schema.js';
import { uploads } from '../core/files/schema.js';
import { portalEvents as e, portalItems as i, portalVersions as v } from './schema.js';
import type { ItemStatus, Kind } from './lifecycle.js';

export type ItemRow = typeof i.$inferSelect;
export type ItemInsert = typeof i.$inferInsert;

export const insertItem = async (db: Db, values: ItemInsert): Promise<ItemRow> => (await db.insert(i).values(values).returning())[0]!;

export async function updateItem(db: Db, id: number, values: Partial<ItemInsert>): Promise<void> {
  await db.update(i).set(values).where(eq(i.id, id));
}

export const itemById = async (db: Db, id: number, lock = false): Promise<ItemRow | undefined> => {
  const q = db.select().from(i).where(eq(i.id, id));
  return (await (lock ? q.for('update') : q))[0];
};

export const slugTaken = async (db: Db, kind: Kind, slug: string, exceptId?: number): Promise<boolean> =>
  (await db.select({ id: i.id }).from(i).where(and(eq(i.kind, kind), eq(i.slug, slug), exceptId ? ne(i.id, exceptId) : undefined))).length > 0;

/** What the public sees: published, and its publication time reached. */
const visible = (now: Date) => and(eq(i.status, 'published'), lte(i.publishedAt, now));

export const publishedBySlug = async (db: Db, kind: Kind, slug: string, now: Date): Promise<ItemRow | undefined> =>
  (await db.select().from(i).where(and(eq(i.kind, kind), eq(i.slug, slug), visible(now))))[0];

const listColumns = {
  id: i.id, kind: i.kind, slug: i.slug, title: i.title, summary: i.summary, imageUploadId: i.imageUploadId, publishedAt: i.publishedAt, services: i.services,
  since: i.since, expectedEnd: i.expectedEnd, endedAt: i.endedAt, claim: i.claim, verdict: i.verdict, sources: i.sources, version: i.version,
};
export type ListRow = { [K in keyof typeof listColumns]: ItemRow[K] };

export interface PublicFilter {
  kind?: Kind | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first, as the partial indexes on (kind,) published_at, id are ordered. */
const newest = [sql`${i.publishedAt} desc nulls last`, sql`${i.id} desc nulls last`];
/**
 * A search ranks the newest matches this many deep: a common word ("jalan") is in thousands of
 * items, and ranking them all costs a read of each one's text; an older item is found by a
 * narrower search.
 */
const RANK_WINDOW = 300;

/**
 * The public list, newest first, or with words the best match first (title over summary and claim
 * over body). The Indonesian stemmer of PostgreSQL (snowball, PG ≥ 13, also in PGlite) strips the
 * particles and affixes: "pemadaman" finds "padam". One row past the page says whether there is more.
 */
export async function publicList(db: Db, f: PublicFilter, now: Date): Promise<{ rows: ListRow[]; hasMore: boolean }> {
  const query = f.q ? sql`websearch_to_tsquery('indonesian', ${f.q})` : undefined;
  const where = and(visible(now), f.kind ? eq(i.kind, f.kind) : undefined, query ? sql`${i.search} @@ ${query}` : undefined);
  let rows: ListRow[];
  if (!query) {
    rows = await db.select(listColumns).from(i).where(where).orderBy(...newest).limit(f.limit + 1).offset(f.offset);
  } else {
    const win = db.$with('win').as(db.select({ wid: i.id, wsearch: i.search }).from(i).where(where).orderBy(...newest).limit(RANK_WINDOW));
    rows = await db
      .with(win)
      .select(listColumns)
      .from(i)
      .innerJoin(win, eq(i.id, win.wid))
      .orderBy(sql`ts_rank_cd(${win.wsearch}, ${query}) desc`, ...newest)
      .limit(Math.max(0, Math.min(f.limit + 1, RANK_WINDOW - f.offset)))
      .offset(f.offset);
  }
  return { rows: rows.slice(0, f.limit), hasMore: rows.length > f.limit };
}

export const deskList = async (db: Db, f: { status?: ItemStatus | undefined; kind?: Kind | undefined; limit: number; offset: number }) => {
  // Without a status the desk is the work in hand: archived items only when asked for.
  const where = and(f.status ? eq(i.status, f.status) : ne(i.status, 'archived'), f.kind ? eq(i.kind, f.kind) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(i).where(where).orderBy(desc(i.updatedAt), desc(i.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(i).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

export async function insertVersion(db: Db, values: typeof v.$inferInsert): Promise<void> {
  await db.insert(v).values(values);
}

export const versionsOf = (db: Db, itemId: number) =>
  db.select({ number: v.number, at: v.at, text: v.text, editor: users.fullName }).from(v).leftJoin(users, eq(users.id, v.editedById)).where(eq(v.itemId, itemId)).orderBy(desc(v.number));

export async function insertEvent(db: Db, values: typeof e.$inferInsert): Promise<void> {
  await db.insert(e).values(values);
}

export const historyOf = (db: Db, itemId: number) =>
  db.select({ event: e, actorName: users.fullName }).from(e).leftJoin(users, eq(users.id, e.actorId)).where(eq(e.itemId, itemId)).orderBy(asc(e.at), asc(e.id));

/** Takes the editor's own unattached photo for an item; false when it is not theirs or already taken. */
export async function claimImage(db: Db, uploadId: string, ownerId: string, at: Date): Promise<boolean> {
  const taken = await db
    .update(uploads)
    .set({ attachedAt: at })
    .where(and(eq(uploads.id, uploadId), eq(uploads.ownerId, ownerId), isNull(uploads.attachedAt)))
    .returning({ id: uploads.id });
  return taken.length === 1;
}

/** A photo of a published item, for anyone. */
export const publishedImage = async (db: Db, uploadId: string, now: Date) =>
  (await db.select({ fileKey: uploads.fileKey, mime: uploads.mime }).from(uploads).innerJoin(i, eq(i.imageUploadId, uploads.id)).where(and(eq(uploads.id, uploadId), visible(now))).limit(1))[0];

/** A photo of any item, for the desk. */
export const itemImage = async (db: Db, uploadId: string) =>
  (await db.select({ fileKey: uploads.fileKey, mime: uploads.mime }).from(uploads).innerJoin(i, eq(i.imageUploadId, uploads.id)).where(eq(uploads.id, uploadId)).limit(1))[0];

export const bodiesOf = async (db: Db, ids: readonly number[]) => (ids.length ? db.select({ id: i.id, body: i.body }).from(i).where(inArray(i.id, [...ids])) : []);

/** Published disruption notices begun and not ended at `now` (the read model's). */
export const disruptionsInForce = (db: Db, now: Date) =>
  db
    .select({ id: i.id, slug: i.slug, title: i.title, summary: i.summary, services: i.services, since: i.since, expectedEnd: i.expectedEnd, publishedAt: i.publishedAt })
    .from(i)
    .where(and(eq(i.kind, 'gangguan'), visible(now), lte(i.since, now), or(isNull(i.endedAt), gt(i.endedAt, now))))
    .orderBy(asc(i.since), asc(i.id));
