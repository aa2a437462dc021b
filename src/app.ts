import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { AppContext } from './core/context.js';
import { badUrl, installProblemHandlers } from './core/http/problem.js';
import { installPrincipal } from './core/http/request-context.js';
import { installOperations, type Operations } from './core/metrics/routes.js';
import { installInputGuard } from './core/http/input-guard.js';
import { installSecurityHeaders } from './core/http/security-headers.js';
import { contentSecurityPolicy, installWebApp } from './core/http/web-app.js';
import { ProblemSchema } from './core/http/schemas.js';
import { MAX_UPLOAD_BYTES } from './core/files/limits.js';
import { MODULES } from './modules.js';

export interface AppOptions {
  logger?: boolean | object;
  /** Metrics, Redis and the shutdown flag of the running server (main.ts); tests may leave it out. */
  ops?: Operations;
  /** Sees every route as it is added (the authorization-matrix test walks the whole route table). */
  onRoute?: (route: RouteOptions) => void;
}

/** The whole HTTP surface; main.ts listens on it and tests drive it over real HTTP. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    // Clients' X-Request-Id is not trusted: ids are ours, so logs cannot be forged.
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: (_error, request, reply) => void badUrl(request, reply),
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  installProblemHandlers(app);
  await installWebApp(app, ctx, MODULES);
  installInputGuard(app);
  installSecurityHeaders(app, { tls: ctx.config.cookieSecure, csp: contentSecurityPolicy(ctx.config) });
  app.addSchema(ProblemSchema);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    allowList: ctx.config.rateLimitAllowList,
    // Scale-out: counters in Redis so a limit holds across instances; a Redis outage lets requests through.
    ...(opts.ops?.redis ? { redis: opts.ops.redis, nameSpace: `${ctx.config.queuePrefix}:rate:`, skipOnError: true } : {}),
  });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Khidmat API',
        version: '1',
        description: `The Khidmat e-government platform, one module each: ${MODULES.map((m) => `**${m.name}** — ${m.summary}`).join('; ')}. Errors are RFC 9457 problem+json with a stable \`code\` and messages in Indonesian and English.`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'khidmat_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await installPrincipal(app, ctx);

  installOperations(app, ctx, opts.ops, MODULES);

  // Every module's routes, under /api/v1 unless it says otherwise.
  for (const m of MODULES) {
    for (const { plugin, prefix } of m.routes) await app.register(plugin, { prefix: prefix ?? '/api/v1', ctx, modules: MODULES });
  }
  return app;
}
