/**
 * The categories (six khidmat and their sub-categories): as filing reads them, from memory since each
 * filing names one and they rarely change; and as the super admin lists and edits them.
 */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import type { Principal } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { invalid, notFound } from '../core/errors.js';
import { referenceCache } from '../core/reference/cache.js';
import * as q from './queries.js';

type Category = Awaited<ReturnType<typeof q.allCategories>>[number]['c'];

/** Dropped by the category admin routes after their commit; another instance's edit shows within a minute. */
export const categoriesCache = referenceCache(60_000, async (_ctx, db: Db) => {
  const all = (await q.allCategories(db)).map(({ c }) => c);
  return { byCode: new Map(all.map((c) => [c.code, c])), byId: new Map<number, Category>(all.map((c) => [c.id, c])) };
});

/** The sub-category a report may be filed under: known, and switched on together with its khidmat. */
export async function fileableCategory(ctx: AppContext, db: Db, code: string): Promise<Category | undefined> {
  const { byCode, byId } = await categoriesCache.get(ctx, db);
  const category = byCode.get(code);
  const khidmat = category?.parentId == null ? undefined : byId.get(category.parentId);
  return category?.active && khidmat?.active ? category : undefined;
}

const CATEGORY = { id: 'Kategori', en: 'Category' };

async function view(db: Db, code: string) {
  const rows = await q.allCategories(db);
  const row = rows.find((r) => r.c.code === code);
  if (!row) throw notFound(CATEGORY);
  return toView(row, rows);
}

function toView(row: Awaited<ReturnType<typeof q.allCategories>>[number], rows: Awaited<ReturnType<typeof q.allCategories>>) {
  const c = row.c;
  return {
    code: c.code,
    name: { id: c.nameId, en: c.nameEn },
    parentCode: rows.find((p) => p.c.id === c.parentId)?.c.code ?? null,
    defaultOpdCode: row.opdCode,
    resolveWorkingDays: c.resolveWorkingDays,
    isRoad: c.isRoad,
    active: c.active,
  };
}

async function opdIdOf(db: Db, code: string | null | undefined): Promise<number | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const [opd] = await q.opdsByCodes(db, [code]);
  if (!opd) throw invalid('unknown_opd', 'OPD tidak dikenal.', 'Unknown agency (OPD).', 'defaultOpdCode');
  return opd.id;
}

/** Every category as the API shows it; switched-off ones only with `all`. */
export async function listCategories(ctx: AppContext, all: boolean) {
  const rows = await q.allCategories(ctx.db);
  // A sub-category of a switched-off khidmat is switched off with it.
  const live = (row: (typeof rows)[number]) => row.c.active && (row.c.parentId === null || rows.some((p) => p.c.id === row.c.parentId && p.c.active));
  return rows.filter((row) => all || live(row)).map((row) => toView(row, rows));
}

type Editable = {
  nameId: string;
  nameEn: string;
  defaultOpdCode: string | null;
  resolveWorkingDays: number;
  isRoad: boolean;
  active: boolean;
};

export async function createCategory(ctx: AppContext, p: Principal, body: Editable & { code: string; parentCode: string | null }) {
  const { code, parentCode, defaultOpdCode, ...rest } = body;
  const created = await ctx.db.transaction(async (tx) => {
    const parent = parentCode ? await q.categoryByCode(tx, parentCode) : null;
    if (parentCode && (!parent || parent.parentId !== null)) {
      throw invalid('unknown_category', 'Khidmat induk tidak dikenal.', 'Unknown parent khidmat.', 'parentCode');
    }
    await q.insertCategory(tx, { code, parentId: parent?.id ?? null, defaultOpdId: (await opdIdOf(tx, defaultOpdCode)) ?? null, ...rest });
    await audit(tx, p, { action: 'category.create', entity: 'category', entityId: code, detail: body });
    return view(tx, code);
  });
  categoriesCache.drop(ctx);
  return created;
}

export async function changeCategory(ctx: AppContext, p: Principal, code: string, body: Partial<Editable>) {
  const { defaultOpdCode, ...rest } = body;
  const changed = await ctx.db.transaction(async (tx) => {
    const defaultOpdId = await opdIdOf(tx, defaultOpdCode);
    const row = await q.updateCategory(tx, code, { ...rest, ...(defaultOpdId !== undefined ? { defaultOpdId } : {}) });
    if (!row) throw notFound(CATEGORY);
    await audit(tx, p, { action: 'category.update', entity: 'category', entityId: row.code, detail: body });
    return view(tx, row.code);
  });
  categoriesCache.drop(ctx);
  return changed;
}
