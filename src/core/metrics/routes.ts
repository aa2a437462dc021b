import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import type { Redis } from 'ioredis';
import { createMetrics, type Metrics } from './metrics.js';
import type { KhidmatModule } from '../module.js';
import { within } from '../within.js';

/** What main.ts shares with the HTTP surface about the running process. */
export interface Operations {
  metrics?: Metrics;
  /** Scale-out: the connection of the rate-limit store, pinged by readiness (fails fast while Redis is down). */
  redis?: Redis | undefined;
  /**
   * shuttingDown is set on SIGTERM: readiness fails so load balancers stop sending traffic. inFlight
   * counts requests whose handler has not answered yet: a handler keeps running after its client
   * hung up, so shutdown waits for it before closing the database.
   */
  lifecycle?: { shuttingDown: boolean; inFlight: number };
}

const READY_TIMEOUT_MS = 2000;
const up = (p: Promise<unknown>) => within(p, READY_TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const);

const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * Metrics are for the operator's Prometheus: with METRICS_TOKEN set they need that bearer token,
 * without it they answer only connections from this machine (the socket address, not a forwarded
 * one, so a proxy cannot be talked into it).
 */
function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) return request.headers.authorization === `Bearer ${token}`;
  return isLoopback(request.socket.remoteAddress);
}

/**
 * Liveness, readiness and Prometheus metrics, plus what every request gets: its id in the answer's
 * X-Request-Id (the same id pino puts on each of the request's log lines) and a latency sample.
 */
export function installOperations(app: FastifyInstance, ctx: AppContext, ops: Operations = {}, modules: readonly KhidmatModule[] = []): Metrics {
  const metrics = ops.metrics ?? createMetrics(ctx, modules);
  const lifecycle = ops.lifecycle;
  app.addHook('onRequest', async (request, reply) => {
    if (lifecycle) lifecycle.inFlight++;
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (lifecycle) lifecycle.inFlight--;
    // The route template, never the raw URL, so tracking numbers do not explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers (dependencies are checked by /api/v1/ready)',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]), time: Type.String() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.dbKind, time: ctx.clock().toISOString() }),
  );

  const Dependency = Type.Union([Type.Literal('up'), Type.Literal('down')]);
  const Readiness = Type.Object({
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    database: Dependency,
    redis: Type.Union([Dependency, Type.Literal('not_configured')]),
    shuttingDown: Type.Boolean(),
  });
  r.get(
    '/api/v1/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: database (and Redis in scale-out mode) reachable and not shutting down; 503 otherwise',
        security: [],
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        up(ctx.db.execute(sql`select 1`)),
        ops.redis ? up(ops.redis.ping()) : Promise.resolve('not_configured' as const),
      ]);
      const shuttingDown = ops.lifecycle?.shuttingDown ?? false;
      const ready = database === 'up' && redis !== 'down' && !shuttingDown;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database, redis, shuttingDown });
    },
  );

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, ctx.config.metricsToken)) return reply.status(404).send();
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return metrics;
}
