/** Categories as filing reads them: from memory, since each filing names one and they rarely change. */
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
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
