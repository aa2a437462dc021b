import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PluginOptions } from '../module.js';
import { requireUser } from '../auth/principal.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { problems } from '../http/schemas.js';
import { completePasswordReset, deleteAccount, exportPersonalData, requestPasswordReset } from './service.js';

export async function accountRoutes(app: FastifyInstance, { ctx, modules }: PluginOptions): Promise<void> {
  const holders = modules.flatMap((m) => (m.personalData ? [m.personalData] : []));
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  // Per client address, like log-in: guessing reset codes or flooding mailboxes stays slow.
  const throttle = { rateLimit: { max: ctx.config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  r.post(
    '/auth/password-reset',
    {
      config: throttle,
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset code by email. Always answers 202, so it does not reveal which addresses have an account.',
        security: [],
        body: Type.Object({ email: Type.String({ format: 'email', maxLength: 200 }) }),
        response: { 202: Type.Object({ sent: Type.Literal(true) }), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request.ip);
      return reply.status(202).send({ sent: true as const });
    },
  );

  r.post(
    '/auth/password-reset/complete',
    {
      config: throttle,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the emailed code (single use, 1 hour); ends every session of the account',
        security: [],
        body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }), newPassword: Type.String({ minLength: 8, maxLength: 200 }) }),
        response: { 204: Type.Null(), ...problems(400, 422, 429) },
      },
    },
    async (request, reply) => {
      await completePasswordReset(ctx, request.body.token.trim(), request.body.newPassword, request.ip);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/account/data',
    {
      schema: {
        tags: ['account'],
        summary: 'Everything the platform holds about me (UU 27/2022): account, sessions, what every module holds (reports, followed reports, poverty complaints, …), notifications, uploads, my own actions',
        response: { 200: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }), ...problems(401) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      const data = await exportPersonalData(ctx, holders, p, request.ip);
      const day = data.exportedAt.slice(0, 10);
      return reply.header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="khidmat-data-saya-${day}.json"`).send(data);
    },
  );

  r.delete(
    '/account',
    {
      config: throttle,
      schema: {
        tags: ['account'],
        summary: 'Delete my citizen account: what I filed in every module stays, unlinked from me (counted in reportsKeptAnonymously); NIK, contacts, sessions and inbox are erased',
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: Type.Object({ deleted: Type.Literal(true), reportsKeptAnonymously: Type.Integer() }), ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      const { reports } = await deleteAccount(ctx, holders, p, request.body.password, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { deleted: true as const, reportsKeptAnonymously: reports };
    },
  );
}
