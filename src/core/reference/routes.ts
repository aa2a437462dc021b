import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { requireRole } from '../auth/principal.js';
import { audit } from '../audit/audit.js';
import { notFound } from '../errors.js';
import { Nullable, problems } from '../http/schemas.js';
import { holidays, kecamatan, kelurahan, opds, roads } from './schema.js';
import { roadsCache } from './roads.js';

const RoadStatus = Type.Union([Type.Literal('nasional'), Type.Literal('provinsi'), Type.Literal('kota')]);
const LineString = Type.Object({
  type: Type.Literal('LineString'),
  coordinates: Type.Array(Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]), { minItems: 2, maxItems: 5000 }),
});
const RoadSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  status: RoadStatus,
  lengthKm: Nullable(Type.Number()),
  geometry: Nullable(LineString),
  active: Type.Boolean(),
});
const RoadInput = Type.Object({
  name: Type.String({ minLength: 3, maxLength: 200 }),
  status: RoadStatus,
  lengthKm: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 10_000 }))),
  geometry: Type.Optional(Nullable(LineString)),
  active: Type.Optional(Type.Boolean()),
});
const HolidaySchema = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: Type.Union([Type.Literal('libur_nasional'), Type.Literal('cuti_bersama')]),
  name: Type.String({ minLength: 2, maxLength: 200 }),
});

/** Regions, OPDs, holidays and roads: readable by anyone, edited by the super admin. */
export async function referenceRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reference'];

  r.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Kecamatan and kelurahan of the city with Kemendagri codes and centre points',
        security: [],
        response: {
          200: Type.Array(
            Type.Object({
              code: Type.String(),
              name: Type.String(),
              lat: Nullable(Type.Number()),
              lng: Nullable(Type.Number()),
              kelurahan: Type.Array(
                Type.Object({ code: Type.String(), name: Type.String(), lat: Nullable(Type.Number()), lng: Nullable(Type.Number()), hasBoundary: Type.Boolean() }),
              ),
            }),
          ),
        },
      },
    },
    async () => {
      const kec = await ctx.db.select().from(kecamatan).where(eq(kecamatan.cityCode, ctx.config.city.code)).orderBy(asc(kecamatan.code));
      const kel = await ctx.db.select().from(kelurahan).orderBy(asc(kelurahan.code));
      return kec.map((k) => ({
        code: k.code,
        name: k.name,
        lat: k.lat,
        lng: k.lng,
        kelurahan: kel
          .filter((l) => l.kecamatanCode === k.code)
          .map((l) => ({ code: l.code, name: l.name, lat: l.lat, lng: l.lng, hasBoundary: l.boundary !== null })),
      }));
    },
  );

  r.get(
    '/opds',
    {
      schema: {
        tags,
        summary: 'City agencies (OPD)',
        security: [],
        response: { 200: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), shortName: Type.String(), isTriage: Type.Boolean() })) },
      },
    },
    async () => ctx.db.select({ id: opds.id, code: opds.code, name: opds.name, shortName: opds.shortName, isTriage: opds.isTriage }).from(opds).where(eq(opds.active, true)).orderBy(asc(opds.id)),
  );

  r.get(
    '/holidays',
    { schema: { tags, summary: 'National holidays and cuti bersama used by the working-day calendar', security: [], response: { 200: Type.Array(HolidaySchema) } } },
    async () => ctx.db.select().from(holidays).orderBy(asc(holidays.date)),
  );

  r.put(
    '/holidays/:date',
    {
      schema: {
        tags,
        summary: 'Add or change a holiday (super admin)',
        params: Type.Object({ date: Type.String({ format: 'date' }) }),
        body: Type.Object({ kind: HolidaySchema.properties.kind, name: HolidaySchema.properties.name }),
        response: { 200: HolidaySchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const p = requireRole(request.principal, ['super_admin']);
      const row = { date: request.params.date, ...request.body };
      await ctx.db.transaction(async (tx) => {
        await tx.insert(holidays).values(row).onConflictDoUpdate({ target: holidays.date, set: request.body });
        await audit(tx, p, { action: 'holiday.put', entity: 'holiday', entityId: row.date, detail: request.body });
      });
      ctx.calendar.invalidate();
      return row;
    },
  );

  r.delete(
    '/holidays/:date',
    {
      schema: { tags, summary: 'Remove a holiday (super admin)', params: Type.Object({ date: Type.String({ format: 'date' }) }), response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['super_admin']);
      const gone = await ctx.db.transaction(async (tx) => {
        const rows = await tx.delete(holidays).where(eq(holidays.date, request.params.date)).returning();
        if (rows.length) await audit(tx, p, { action: 'holiday.delete', entity: 'holiday', entityId: request.params.date });
        return rows.length;
      });
      if (!gone) throw notFound({ id: 'Hari libur', en: 'Holiday' });
      ctx.calendar.invalidate();
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/roads',
    { schema: { tags, summary: 'Road registry: status decides which government repairs it', security: [], response: { 200: Type.Array(RoadSchema) } } },
    async () =>
      ctx.db
        .select({ id: roads.id, name: roads.name, status: roads.status, lengthKm: roads.lengthKm, geometry: roads.geometry, active: roads.active })
        .from(roads)
        .orderBy(asc(roads.sortOrder), asc(roads.id)),
  );

  r.post(
    '/roads',
    { schema: { tags, summary: 'Register a road (super admin)', body: RoadInput, response: { 201: RoadSchema, ...problems(400, 401, 403, 409) } } },
    async (request, reply) => {
      const p = requireRole(request.principal, ['super_admin']);
      const road = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(roads).values(request.body).returning();
        await audit(tx, p, { action: 'road.create', entity: 'road', entityId: row!.id, detail: { name: row!.name, status: row!.status } });
        return row!;
      });
      roadsCache.drop(ctx);
      return reply.status(201).send(road);
    },
  );

  r.put(
    '/roads/:id',
    {
      schema: { tags, summary: 'Change a road (super admin)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: RoadInput, response: { 200: RoadSchema, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const p = requireRole(request.principal, ['super_admin']);
      const road = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.update(roads).set(request.body).where(eq(roads.id, request.params.id)).returning();
        if (!row) throw notFound({ id: 'Ruas jalan', en: 'Road' });
        await audit(tx, p, { action: 'road.update', entity: 'road', entityId: row.id, detail: { status: row.status } });
        return row;
      });
      roadsCache.drop(ctx);
      return road;
    },
  );
}
