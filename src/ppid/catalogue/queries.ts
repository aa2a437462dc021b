/** All SQL of the PPID catalogue (DIP). */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/client.js';
import { documents } from '../../core/files/schema.js';
import { claimDocuments } from '../../core/files/claim.js';
import { ppidCatalogueDocuments, ppidCatalogueEvents, ppidCatalogueItems } from './schema.js';
import type { CatalogueClass, CatalogueStatus } from './lifecycle.js';

export type ItemRow = typeof ppidCatalogueItems.$inferSelect;
type ItemInsert = typeof ppidCatalogueItems.$inferInsert;

export const insertItem = async (db: Db, values: ItemInsert): Promise<ItemRow> => (await db.insert(ppidCatalogueItems).values(values).returning())[0]!;

export const findItem = async (db: Db, id: number, lock = false): Promise<ItemRow | undefined> => {
  const q = db.select().from(ppidCatalogueItems).where(eq(ppidCatalogueItems.id, id));
  return (await (lock ? q.for('update') : q))[0];
};

export async function updateItem(db: Db, id: number, values: Partial<ItemInsert>): Promise<void> {
  await db.update(ppidCatalogueItems).set(values).where(eq(ppidCatalogueItems.id, id));
}

export async function insertEvent(db: Db, values: typeof ppidCatalogueEvents.$inferInsert): Promise<void> {
  await db.insert(ppidCatalogueEvents).values(values);
}

export const historyOf = (db: Db, itemId: number) =>
  db.select().from(ppidCatalogueEvents).where(eq(ppidCatalogueEvents.itemId, itemId)).orderBy(asc(ppidCatalogueEvents.at), asc(ppidCatalogueEvents.id));

/** Takes the author's own unattached documents for the item; false (nothing taken) when one is not theirs or already used. */
export async function attachDocuments(db: Db, itemId: number, documentIds: readonly string[], ownerId: string, at: Date): Promise<boolean> {
  if (!documentIds.length) return true;
  if (!(await claimDocuments(db, documentIds, ownerId, at))) return false;
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(ppidCatalogueDocuments).where(eq(ppidCatalogueDocuments.itemId, itemId))) as [{ n: number }];
  await db.insert(ppidCatalogueDocuments).values(documentIds.map((documentId, i) => ({ itemId, documentId, position: n + i })));
  return true;
}

/** A draft's documents dropped by its author: unlinked and left for the sweep. */
export async function detachDocuments(db: Db, itemId: number, documentIds: readonly string[]): Promise<void> {
  if (!documentIds.length) return;
  await db.delete(ppidCatalogueDocuments).where(and(eq(ppidCatalogueDocuments.itemId, itemId), inArray(ppidCatalogueDocuments.documentId, [...documentIds])));
  await db.update(documents).set({ attachedAt: null }).where(inArray(documents.id, [...documentIds]));
}

export const documentsOf = (db: Db, itemIds: readonly number[]) =>
  itemIds.length
    ? db
        .select({ itemId: ppidCatalogueDocuments.itemId, id: documents.id, name: documents.name, mime: documents.mime, bytes: documents.bytes, pages: documents.pages, fileKey: documents.fileKey })
        .from(ppidCatalogueDocuments)
        .innerJoin(documents, eq(documents.id, ppidCatalogueDocuments.documentId))
        .where(inArray(ppidCatalogueDocuments.itemId, [...itemIds]))
        .orderBy(asc(ppidCatalogueDocuments.itemId), asc(ppidCatalogueDocuments.position))
    : Promise.resolve([]);

export interface ItemFilter {
  q?: string | undefined;
  /** Match any of the words instead of all of them (the search's second try). */
  anyWord?: boolean | undefined;
  opdId?: number | undefined;
  class?: CatalogueClass | undefined;
  statuses: readonly CatalogueStatus[];
  limit: number;
  offset: number;
}

/** The words of a search, as typed (quotes, "or", -not): all of them, or any of them. */
const query = (text: string, anyWord: boolean) =>
  anyWord ? sql`replace(websearch_to_tsquery('indonesian', ${text})::text, ' & ', ' | ')::tsquery` : sql`websearch_to_tsquery('indonesian', ${text})`;

/** Items by filter: best matches first when searching, else by OPD and title. */
export async function listItems(db: Db, f: ItemFilter) {
  const conds: SQL[] = [inArray(ppidCatalogueItems.status, [...f.statuses])];
  const match = f.q ? query(f.q, !!f.anyWord) : undefined;
  if (match) conds.push(sql`${ppidCatalogueItems.search} @@ ${match}`);
  if (f.opdId !== undefined) conds.push(eq(ppidCatalogueItems.opdId, f.opdId));
  if (f.class) conds.push(eq(ppidCatalogueItems.class, f.class));
  const where = and(...conds);
  const order = match ? [sql`ts_rank(${ppidCatalogueItems.search}, ${match}) desc`, desc(ppidCatalogueItems.publishedAt)] : [asc(ppidCatalogueItems.opdId), asc(ppidCatalogueItems.title)];
  const rows = await db.select().from(ppidCatalogueItems).where(where).orderBy(...order, asc(ppidCatalogueItems.id)).limit(f.limit).offset(f.offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(ppidCatalogueItems).where(where)) as [{ n: number }];
  return { rows, total: n };
}

/** The desk's work list: items still in the chain first, the longest waiting first; then the rest, latest change first. */
export async function deskItems(db: Db, f: { opdId?: number | undefined; statuses: readonly CatalogueStatus[]; limit: number; offset: number }) {
  const conds: SQL[] = [inArray(ppidCatalogueItems.status, [...f.statuses])];
  if (f.opdId !== undefined) conds.push(eq(ppidCatalogueItems.opdId, f.opdId));
  const where = and(...conds);
  const waiting = sql`${ppidCatalogueItems.status} in ('draft', 'checked', 'approved')`;
  const rows = await db
    .select()
    .from(ppidCatalogueItems)
    .where(where)
    .orderBy(desc(waiting), sql`case when ${waiting} then ${ppidCatalogueItems.updatedAt} end asc`, desc(ppidCatalogueItems.updatedAt), asc(ppidCatalogueItems.id))
    .limit(f.limit)
    .offset(f.offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(ppidCatalogueItems).where(where)) as [{ n: number }];
  return { rows, total: n };
}

/** The published item that replaced this one, if any. */
export const replacementOf = async (db: Db, id: number): Promise<number | null> =>
  (await db.select({ id: ppidCatalogueItems.id }).from(ppidCatalogueItems).where(and(eq(ppidCatalogueItems.replacesId, id), inArray(ppidCatalogueItems.status, ['published', 'retired']))).orderBy(desc(ppidCatalogueItems.publishedAt)).limit(1))[0]?.id ?? null;

export const anyItem = async (db: Db): Promise<boolean> => (await db.select({ id: ppidCatalogueItems.id }).from(ppidCatalogueItems).limit(1)).length > 0;
