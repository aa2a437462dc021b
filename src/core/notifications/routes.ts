import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { requireUser } from '../auth/principal.js';
import { MessageSchema, Nullable, Page, problems } from '../http/schemas.js';
import { notifications } from './schema.js';

export async function notificationRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My in-app notifications, newest first',
        querystring: Type.Object({ ...Page, unread: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                title: MessageSchema,
                body: MessageSchema,
                link: Nullable(Type.String()),
                createdAt: Type.String({ format: 'date-time' }),
                readAt: Nullable(Type.String({ format: 'date-time' })),
              }),
            ),
          }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      const { limit = 20, offset = 0, unread } = request.query;
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, p.userId), unread ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit)
        .offset(offset);
      return {
        items: rows.map((n) => ({
          id: n.id,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      };
    },
  );
  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 204: Type.Null(), ...problems(401) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      await ctx.db
        .update(notifications)
        .set({ readAt: ctx.clock() })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, p.userId)));
      return reply.status(204).send(null);
    },
  );
}
