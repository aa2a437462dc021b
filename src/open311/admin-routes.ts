/** Issuing and revoking the API keys Open311 clients file with; super admins only. Mounted under /api/v1. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../core/context.js';
import { requireRole } from '../core/auth/principal.js';
import { Nullable, problems } from '../core/http/schemas.js';
import { issueApiKey, listApiKeys, revokeApiKey } from './api-keys.js';

const tags = ['open311'];
const SUPER_ADMIN = ['super_admin'] as const;

const ApiKeySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

export async function open311AdminRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post(
    '/admin/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue an API key for an Open311 client. The key is in this answer only; store it now.',
        body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S', description: 'Who uses the key, e.g. the app and its operator' }) }),
        response: { 201: Type.Object({ id: Type.Integer(), name: Type.String(), key: Type.String() }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await issueApiKey(ctx, requireRole(request.principal, SUPER_ADMIN), request.body.name)),
  );

  r.get(
    '/admin/api-keys',
    { schema: { tags, summary: 'API keys (without the keys themselves)', response: { 200: Type.Array(ApiKeySchema), ...problems(401, 403) } } },
    async (request) => {
      requireRole(request.principal, SUPER_ADMIN);
      return listApiKeys(ctx);
    },
  );

  r.delete(
    '/admin/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key; reports already filed with it stay',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiKey(ctx, requireRole(request.principal, SUPER_ADMIN), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
