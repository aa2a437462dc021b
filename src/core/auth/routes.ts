import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import { forbidden, notFound } from '../errors.js';
import { Nullable, problems } from '../http/schemas.js';
import { requireRole, requireUser } from './principal.js';
import { changePassword, createStaff, login, registerCitizen } from './service.js';
import { createSession, revokeSession, SESSION_COOKIE } from './sessions.js';
import { users } from './schema.js';
import type { Role } from './roles.js';
import { rolesOf, type PluginOptions } from '../module.js';

const Password = Type.String({ minLength: 8, maxLength: 200 });

const meSchema = (roles: readonly Role[]) =>
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    role: Type.Enum(roles),
    fullName: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    opdId: Nullable(Type.Integer()),
    /** Only the citizen themself ever receives the NIK unmasked. */
    nik: Nullable(Type.String()),
    /** The password was set by an admin: the account can do nothing but replace it (PUT /auth/password). */
    passwordChangeRequired: Type.Boolean(),
  });

export async function authRoutes(app: FastifyInstance, { ctx, modules }: PluginOptions): Promise<void> {
  // Every module's roles are known only once the modules are registered.
  const roles = rolesOf(modules);
  const MeSchema = meSchema(roles);
  const SessionSchema = Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: MeSchema });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  // Brute-force protection per client address on top of the per-account lock in the service.
  const throttle = { rateLimit: { max: ctx.config.authRateLimitPerMinute, timeWindow: '1 minute' } };

  const me = async (userId: string) => {
    const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
    if (!u) throw notFound({ id: 'Akun', en: 'Account' });
    return {
      id: u.id,
      role: u.role,
      fullName: u.fullName,
      email: u.email,
      phone: u.phone,
      opdId: u.opdId,
      nik: u.nikEncrypted ? ctx.cipher.decrypt(u.nikEncrypted) : null,
      passwordChangeRequired: u.passwordChangeRequired,
    };
  };

  const setCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.cookieSecure,
      path: '/',
      expires: expiresAt,
    });

  r.post(
    '/auth/register',
    {
      config: throttle,
      schema: {
        tags: ['auth'],
        summary: 'Register a citizen account (residents of the city only, by NIK)',
        body: Type.Object({
          nik: Type.String({ maxLength: 32, description: '16-digit NIK from the KTP' }),
          fullName: Type.String({ minLength: 2, maxLength: 120 }),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
          password: Password,
        }),
        response: { 201: SessionSchema, ...problems(400, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const user = await registerCitizen(ctx, request.body, request.ip);
      const session = await createSession(ctx.db, user, ctx.clock(), request.headers['user-agent']);
      setCookie(reply, session.token, session.expiresAt);
      return reply.status(201).send({ token: session.token, expiresAt: session.expiresAt.toISOString(), user: await me(user.id) });
    },
  );

  r.post(
    '/auth/login',
    {
      config: throttle,
      schema: {
        tags: ['auth'],
        summary: 'Log in with NIK, email or mobile number; sets the session cookie and returns a bearer token',
        body: Type.Object({ identifier: Type.String({ minLength: 3, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: SessionSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, request.body.identifier, request.body.password, request.headers['user-agent']);
      setCookie(reply, session.token, session.expiresAt);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: await me(session.user.id) };
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionToken) await revokeSession(ctx.db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in account', response: { 200: MeSchema, ...problems(401) } } },
    async (request) => me(requireUser(request.principal).userId),
  );

  r.put(
    '/auth/password',
    {
      config: throttle,
      schema: {
        tags: ['auth'],
        summary: 'Change password (ends every session of the account)',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Password }),
        response: { 204: Type.Null(), ...problems(400, 401, 422) },
      },
    },
    async (request, reply) => {
      const p = requireUser(request.principal);
      await changePassword(ctx, p.userId, request.body.currentPassword, request.body.newPassword);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/admin/staff',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account (super admin: any role; OPD admin: officers of their own OPD)',
        body: Type.Object({
          fullName: Type.String({ minLength: 2, maxLength: 120 }),
          email: Type.String({ format: 'email', maxLength: 200 }),
          role: Type.Enum(roles.filter((r): r is Exclude<Role, 'citizen'> => r !== 'citizen')),
          opdId: Nullable(Type.Integer({ minimum: 1 })),
          password: Password,
        }),
        response: { 201: MeSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request.principal, ['super_admin', 'opd_admin']);
      const body = request.body;
      if (p.role === 'opd_admin' && (body.role !== 'opd_officer' || body.opdId !== p.opdId)) throw forbidden();
      // The admin chose this password: the new colleague replaces it at the first log-in.
      const user = await createStaff(ctx, { ...body, passwordChangeRequired: true }, p);
      return reply.status(201).send(await me(user.id));
    },
  );
}
