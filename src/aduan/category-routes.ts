import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { requireRole } from '../core/auth/principal.js';
import { MessageSchema, Nullable, problems } from '../core/http/schemas.js';
import { changeCategory, createCategory, listCategories } from './categories.js';

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
    async (request) => listCategories(ctx, request.query.all ?? false),
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
      return reply.status(201).send(await createCategory(ctx, p, request.body));
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
      return changeCategory(ctx, p, request.params.code, request.body);
    },
  );
}
