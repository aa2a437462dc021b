import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { PluginOptions } from '../core/module.js';
import { AppError } from '../core/errors.js';
import { problems } from '../core/http/schemas.js';
import { StatusSchema, TransparencySchema, YearQuery } from './api-schemas.js';
import { startStatusMonitor } from './monitor.js';
import { statusHtml } from './status-html.js';
import { CURRENT_YEAR_TTL_MS, transparency } from './figures.js';

const tags = ['transparansi'];
export const V1 = '/api/v1';
const notReady = () =>
  new AppError(503, 'status_not_ready', { id: 'Pemeriksaan pertama sedang berjalan; coba lagi sebentar lagi.', en: 'The first check is running; try again in a moment.' });

const ageOf = (builtAt: string, now: Date) => Math.max(0, Math.round((now.getTime() - Date.parse(builtAt)) / 1000));

/**
 * The status page's data (and the page itself without JavaScript at /status.html) and the
 * transparency figures; registered at the root, as the plain page lives outside /api. The status
 * answers from the snapshot alone (`anonymous`: not even a session is looked up), so it works while
 * the database is down. Each server instance checks the platform itself and keeps its own snapshot.
 */
export async function transparansiRoutes(app: FastifyInstance, { ctx, modules }: PluginOptions): Promise<void> {
  const monitor = await startStatusMonitor(ctx, modules, app.log);
  app.addHook('onClose', async () => monitor.stop());
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    `${V1}/status`,
    { config: { anonymous: true }, schema: { tags, summary: 'Which services work now and the disruption notices in force, from the server’s last check', security: [], response: { 200: StatusSchema, ...problems(503) } } },
    async (_request, reply) => {
      const s = monitor.current();
      if (!s) throw notReady();
      reply.header('cache-control', 'no-cache');
      return { ...s, ageSeconds: ageOf(s.builtAt, ctx.clock()), checkSeconds: ctx.config.status.checkMs / 1000 };
    },
  );

  // Outside /api/, so no session is looked up (core/http/request-context): it answers while the database is down.
  r.get('/status.html', { schema: { hide: true } }, async (_request, reply) => {
    const s = monitor.current();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(statusHtml(s, s ? ageOf(s.builtAt, ctx.clock()) : null));
  });

  r.get(
    `${V1}/transparansi`,
    { schema: { tags, summary: 'A year’s public figures: complaints per OPD and SLA shares, IKM per unit, PPID report (no personal data)', security: [], querystring: YearQuery, response: { 200: TransparencySchema, ...problems(400, 422) } } },
    async (request, reply) => {
      reply.header('cache-control', `public, max-age=${CURRENT_YEAR_TTL_MS / 1000}`);
      return transparency(ctx, request.query);
    },
  );
}
