import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { requireUser } from '../auth/principal.js';
import { MessageSchema, Nullable, Page, problems } from '../http/schemas.js';
import { notifications } from './schema.js';
import { noticeChannelOf, setNoticeChannel } from './contacts.js';

const ChannelSchema = Type.Object({
  /** The person's choice; null: the default (WhatsApp once the number is verified, else email). */
  chosen: Nullable(Type.Enum(['whatsapp', 'sms', 'email'] as const)),
  /** Where notices go now besides the in-app inbox. */
  effective: Type.Enum(['whatsapp', 'sms', 'email'] as const),
  phone: Nullable(Type.String()),
  phoneVerified: Type.Boolean(),
});

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

  r.get(
    '/notifications/channel',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How my notices reach me besides the in-app inbox (WhatsApp or SMS to my verified number, or email)',
        response: { 200: ChannelSchema, ...problems(401) },
      },
    },
    async (request) => noticeChannelOf(ctx.db, requireUser(request.principal).userId),
  );
  r.put(
    '/notifications/channel',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose how notices reach me: whatsapp or sms (needs a number verified by writing from it to the city, see POST /channels/link-code), email, or null for the default',
        body: Type.Object({ channel: Nullable(Type.Enum(['whatsapp', 'sms', 'email'] as const)) }),
        response: { 200: ChannelSchema, ...problems(400, 401, 422) },
      },
    },
    async (request) => {
      const p = requireUser(request.principal);
      await setNoticeChannel(ctx.db, p.userId, request.body.channel);
      return noticeChannelOf(ctx.db, p.userId);
    },
  );
}
