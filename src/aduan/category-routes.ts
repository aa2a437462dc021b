import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import type { Db } from '../core/db/client.js';
import { requireRole } from '../core/auth/principal.js';
import { audit } from '../core/audit/audit.js';
import { invalid, notFound } from '../core/errors.js';
import { MessageSchema, Nullable, problems } from '../core/http/schemas.js';
import * as q from './queries.js';
import { categoriesCache } from './categories.js';

const CategorySchema = Type.Object({
  code: Type.String(),
  name: MessageSchema,
  parentCode: Nullable(Type.String()),
  defaultOpdCode: Nullable(Type.String()),
  resolveWorkingDays: Type.Integer(),
  isRoad: Type.Boolean(),
  active: Type.Boolean(),
});
const Editable = {
  nameId: Type.String({ minLength: 2, maxLength: 120 }),
  nameEn: Type.String({ minLength: 2, maxLength: 120 }),
  defaultOpdCode: Nullable(Type.String({ maxLength: 40 })),
  resolveWorkingDays: Type.Integer({ minimum: 1, maximum: 365 }),
  isRoad: Type.Boolean(),
  active: Type.Boolean(),
};
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

/** The six khidmat and their sub-categories: listed for everyone, edited by the super admin. */
export async function categoryRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['aduan'];

  r.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'The six khidmat and their sub-categories (all=true for switched-off ones too)',
        security: [],
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Array(CategorySchema) },
      },
    },
    async (request) => {
      const rows = await q.allCategories(ctx.db);
      // A sub-category of a switched-off khidmat is switched off with it.
      const live = (row: (typeof rows)[number]) =>
        row.c.active && (row.c.parentId === null || rows.some((p) => p.c.id === row.c.parentId && p.c.active));
      return rows.filter((row) => request.query.all || live(row)).map((row) => toView(row, rows));
    },
  );

  r.post(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Add a category (super admin); a sub-category names its khidmat in parentCode',
        body: Type.Object({ code: Type.String({ pattern: '^[A-Z0-9-]{2,40}$' }), parentCode: Nullable(Type.String({ maxLength: 40 })), ...Editable }),
        response: { 201: CategorySchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['super_admin']);
      const { code, parentCode, defaultOpdCode, ...rest } = request.body;
      const created = await ctx.db.transaction(async (tx) => {
        const parent = parentCode ? await q.categoryByCode(tx, parentCode) : null;
        if (parentCode && (!parent || parent.parentId !== null)) {
          throw invalid('unknown_category', 'Khidmat induk tidak dikenal.', 'Unknown parent khidmat.', 'parentCode');
        }
        await q.insertCategory(tx, { code, parentId: parent?.id ?? null, defaultOpdId: (await opdIdOf(tx, defaultOpdCode)) ?? null, ...rest });
        await audit(tx, p, { action: 'category.create', entity: 'category', entityId: code, detail: request.body });
        return view(tx, code);
      });
      categoriesCache.drop(ctx);
      return reply.status(201).send(created);
    },
  );

  r.put(
    '/categories/:code',
    {
      schema: {
        tags,
        summary: 'Change a category: names, default OPD, resolution limit in working days, on/off (super admin)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Partial(Type.Object(Editable)),
        response: { 200: CategorySchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, ['super_admin']);
      const { defaultOpdCode, ...rest } = request.body;
      const changed = await ctx.db.transaction(async (tx) => {
        const defaultOpdId = await opdIdOf(tx, defaultOpdCode);
        const row = await q.updateCategory(tx, request.params.code, { ...rest, ...(defaultOpdId !== undefined ? { defaultOpdId } : {}) });
        if (!row) throw notFound(CATEGORY);
        await audit(tx, p, { action: 'category.update', entity: 'category', entityId: row.code, detail: request.body });
        return view(tx, row.code);
      });
      categoriesCache.drop(ctx);
      return changed;
    },
  );
}
