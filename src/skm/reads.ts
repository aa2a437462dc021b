/** The plain reads the routes need (routes never call queries). */
import type { AppContext } from '../core/context.js';
import * as q from './queries.js';

export const units = (ctx: AppContext) => q.listUnits(ctx.db);
export const unitByKey = (ctx: AppContext, key: string) => q.unitByKey(ctx.db, key);
export const periods = (ctx: AppContext) => q.listPeriods(ctx.db);
