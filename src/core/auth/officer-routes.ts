import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { problems } from '../http/schemas.js';
import { requireRole } from './principal.js';
import { addOfficer, listOfficers, setOfficerActive } from './officers.js';

const OfficerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
const OpdQuery = Type.Object({ opd: Type.Optional(Type.String({ maxLength: 40, description: 'OPD code (super admin only; an OPD admin always manages their own)' })) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ADMINS = ['opd_admin', 'super_admin'] as const;

/** An OPD admin's officers: scoped to the admin's own OPD in the service. */
export async function officerRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin'];

  r.get(
    '/officers',
    { schema: { tags, summary: 'Officers and admins of the OPD (OPD admin: their own; super admin: ?opd=)', querystring: OpdQuery, response: { 200: Type.Array(OfficerSchema), ...problems(401, 403, 422) } } },
    async (request) => listOfficers(ctx, requireRole(request.principal, ADMINS), request.query.opd),
  );

  r.post(
    '/officers',
    {
      schema: {
        tags,
        summary: 'Add an officer to the OPD; answers a temporary password, shown once',
        querystring: OpdQuery,
        body: Type.Object({ fullName: Type.String({ minLength: 2, maxLength: 120 }), email: Type.String({ format: 'email', maxLength: 200 }) }),
        response: { 201: Type.Object({ officer: OfficerSchema, temporaryPassword: Type.String() }), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ADMINS);
      return reply.status(201).send(await addOfficer(ctx, p, { ...request.body, opdCode: request.query.opd }));
    },
  );

  for (const [path, active] of [['deactivate', false], ['reactivate', true]] as const) {
    r.post(
      `/officers/:id/${path}`,
      {
        schema: {
          tags,
          summary: active ? 'Reactivate an officer' : 'Deactivate an officer: log-in refused, every session ended',
          params: IdParams,
          response: { 200: OfficerSchema, ...problems(401, 403, 404) },
        },
      },
      async (request) => setOfficerActive(ctx, requireRole(request.principal, ADMINS), request.params.id, active),
    );
  }
}
