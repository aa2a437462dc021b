import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { requireRole } from '../auth/principal.js';
import { audit } from '../audit/audit.js';
import { notFound } from '../errors.js';
import { Nullable, problems } from '../http/schemas.js';
import { kelurahan, opds } from './schema.js';
import { regionsCache } from './regions.js';

const OpdSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), shortName: Type.String(), isTriage: Type.Boolean(), active: Type.Boolean() });
const OpdEditable = {
  name: Type.String({ minLength: 3, maxLength: 200 }),
  shortName: Type.String({ minLength: 2, maxLength: 80 }),
  active: Type.Boolean(),
};
const Ring = Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), { minItems: 4, maxItems: 20_000 });
const Boundary = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 50 }) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 50 }), { minItems: 1, maxItems: 50 }) }),
]);

/** Super-admin edits of OPDs and kelurahan (names, centre points, and boundaries when decrees change them). */
export async function referenceAdminRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reference'];

  r.post(
    '/opds',
    {
      schema: {
        tags,
        summary: 'Add an OPD (super admin)',
        body: Type.Object({ code: Type.String({ pattern: '^[A-Z0-9_]{2,40}$' }), ...OpdEditable, active: Type.Optional(Type.Boolean()) }),
        response: { 201: OpdSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['super_admin']);
      const row = await ctx.db.transaction(async (tx) => {
        const [created] = await tx.insert(opds).values(request.body).returning();
        await audit(tx, p, { action: 'opd.create', entity: 'opd', entityId: created!.code, detail: request.body });
        return created!;
      });
      return reply.status(201).send(row);
    },
  );

  r.put(
    '/opds/:code',
    {
      schema: {
        tags,
        summary: 'Rename or switch off an OPD (super admin)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Partial(Type.Object(OpdEditable), { minProperties: 1 }),
        response: { 200: OpdSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, ['super_admin']);
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.update(opds).set(request.body).where(eq(opds.code, request.params.code)).returning();
        if (!row) throw notFound({ id: 'OPD', en: 'OPD' });
        await audit(tx, p, { action: 'opd.update', entity: 'opd', entityId: row.code, detail: request.body });
        return row;
      });
    },
  );

  r.put(
    '/regions/kelurahan/:code',
    {
      schema: {
        tags,
        summary: 'Change a kelurahan: name, centre point, boundary (super admin)',
        params: Type.Object({ code: Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' }) }),
        body: Type.Partial(
          Type.Object({
            name: Type.String({ minLength: 2, maxLength: 120 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            lng: Type.Number({ minimum: -180, maximum: 180 }),
            boundary: Nullable(Boundary),
          }),
          { minProperties: 1 },
        ),
        response: {
          200: Type.Object({ code: Type.String(), name: Type.String(), lat: Nullable(Type.Number()), lng: Nullable(Type.Number()), hasBoundary: Type.Boolean() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, ['super_admin']);
      const row = await ctx.db.transaction(async (tx) => {
        const [updated] = await tx.update(kelurahan).set(request.body).where(eq(kelurahan.code, request.params.code)).returning();
        if (!updated) throw notFound({ id: 'Kelurahan', en: 'Kelurahan' });
        const { boundary, ...rest } = request.body;
        await audit(tx, p, { action: 'kelurahan.update', entity: 'kelurahan', entityId: updated.code, detail: { ...rest, boundaryChanged: boundary !== undefined } });
        return updated;
      });
      regionsCache.drop(ctx);
      return { code: row.code, name: row.name, lat: row.lat, lng: row.lng, hasBoundary: row.boundary !== null };
    },
  );
}
